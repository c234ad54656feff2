#!/bin/bash
# SPDX-License-Identifier: MIT
# Boot a corpus of corrupt device trees:
#   test-dtb-corpus.sh <work folder> <objtree>...
#
# For each objtree (a built kernel on Tern's built-in firmware): dump the
# board's own DTB with QEMU, write the corpus from it (scripts/gen-bad-dtbs.py,
# seed $DTB_CORPUS_SEED, default 1) into <work folder>/<objtree name>/, and
# boot every variant with QEMU's -dtb, DTB_JOBS at a time (default 2), each
# within DTB_TIMEOUT seconds (default 30).  No -append: QEMU 7.2 would then
# rewrite /chosen/bootargs, and a variant's own bootargs must reach the kernel.
#
# A variant passes when QEMU
#   - exits 0 after a normal boot (the kernel said "powering off"), or
#   - exits non-zero after saying why: a "tern-fw:" line from the firmware, a
#     "Kernel panic" from the kernel, or QEMU's own refusal of the file
#     ("qemu-system-riscv32: ...": QEMU parses -dtb itself, with libfdt).
# It fails on a timeout (a hang), no output, exit 0 without a normal boot,
# or an "Oops" (a fault nobody explained).  The base variant, the board's
# tree rewritten by the generator, must boot normally.
#
# Prints a PASS or FAIL line per variant, with the reason; logs stay in the
# work folder.  Ends with "N passed, N failed".
set -u
# Boots attach the devices they test, never the board's own (qemu-cmd.sh):
# parallel boots of one build must not share its writable disk image.
export QEMU_DEVICES=""
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL O KCONFIG_CONFIG
work=${1:?usage: test-dtb-corpus.sh <work folder> <objtree>...}
shift
srctree=$(cd "${srctree:-.}" && pwd)
export srctree DTB_TIMEOUT=${DTB_TIMEOUT:-30} DTB_CORPUS_SEED=${DTB_CORPUS_SEED:-1}
python=/usr/bin/python3
[ -x "$python" ] || python=python3
passed=0 failed=0

# boot_variant <objtree> <corpus folder> <file>: boots one variant and
# writes the verdict, "PASS|FAIL <file>: <why>", to <file>.result.
boot_variant() {
	local o=$1 dir=$2 f=$3 log=$2/${3%.dtb}.log status verdict said
	local clear='^tern-fw: |Kernel panic|^qemu-system-riscv[0-9]+: '
	# In a subshell that does not exec it: when QEMU aborts, the
	# "Aborted" notice then goes to the log, not to this script's output.
	# (A rootfs with Tern's init and shell ends at the prompt: poweroff is typed.)
	(objtree=$o QEMU_ARGS="-dtb $dir/$f" timeout "$DTB_TIMEOUT" \
		"$srctree/scripts/qemu-cmd.sh" run ""; exit $?) < <(printf 'poweroff\n') >"$log" 2>&1
	status=$?
	sed -i 's/\r$//' "$log"
	if [ $status -eq 124 ]; then
		said=$(grep -v 'terminating on signal' "$log" | tail -n 1)
		verdict="FAIL no end within ${DTB_TIMEOUT}s (a hang); last line: ${said:-none}"
	elif [ ! -s "$log" ]; then
		verdict="FAIL no output, exit status $status"
	elif said=$(grep -m1 'Oops' "$log"); then
		verdict="FAIL $said"
	elif [ $status -eq 0 ]; then
		if grep -q 'powering off' "$log"; then
			verdict="PASS normal boot"
		else
			verdict="FAIL exit 0 without a normal boot; last line: $(tail -n 1 "$log")"
		fi
	elif said=$(grep -m1 -E -- "$clear" "$log"); then
		verdict="PASS exit $status: $said"
	else
		verdict="FAIL exit status $status without a message; last line: $(tail -n 1 "$log")"
	fi
	case $f in
	*-base.dtb) [ "$verdict" = "PASS normal boot" ] ||
			verdict="FAIL the unchanged tree must boot normally: ${verdict#* }" ;;
	esac
	echo "${verdict%% *} $f: ${verdict#* }" >"$dir/${f%.dtb}.result"
}
export -f boot_variant

# corpus <objtree>: generates and boots one board's corpus.
corpus() {
	local o=$1 name dir f verdict
	name=$(basename "$o")
	dir=$work/$name
	echo "== $name: corrupt device trees (seed $DTB_CORPUS_SEED)"
	if ! grep -q '^CONFIG_FIRMWARE_BUILTIN=y' "$o/.config" 2>/dev/null ||
	   [ ! -f "$o/arch/riscv/firmware/tern-fw.bin" ]; then
		failed=$((failed + 1))
		echo "  FAIL    $name: not a built kernel on the built-in firmware"
		return
	fi
	rm -rf "$dir"
	mkdir -p "$dir"
	if ! objtree=$o QEMU_ARGS="-machine dumpdtb=$dir/board.dtb" \
		"$srctree/scripts/qemu-cmd.sh" run "" >"$dir/dumpdtb.log" 2>&1 ||
	   ! "$python" "$srctree/scripts/gen-bad-dtbs.py" --seed "$DTB_CORPUS_SEED" \
		"$dir/board.dtb" "$dir" >"$dir/gen.log" 2>&1; then
		failed=$((failed + 1))
		echo "  FAIL    $name: no corpus (logs: $dir/dumpdtb.log, $dir/gen.log)"
		return
	fi
	cut -d' ' -f1 "$dir/index" |
		xargs -P "${DTB_JOBS:-2}" -I{} bash -c 'boot_variant "$@"' _ "$o" "$dir" {}
	while read -r f _; do
		verdict=$(cat "$dir/${f%.dtb}.result" 2>/dev/null || echo "FAIL $f: not run")
		case $verdict in
		PASS*)	passed=$((passed + 1)) ;;
		*)	failed=$((failed + 1)); verdict="$verdict (log: $dir/${f%.dtb}.log)" ;;
		esac
		printf '  %-7s %s: %s\n' "${verdict%% *}" "$name" "${verdict#* }"
	done <"$dir/index"
}

[ $# -gt 0 ] || { echo "usage: test-dtb-corpus.sh <work folder> <objtree>..." >&2; exit 2; }
mkdir -p "$work"
for o in "$@"; do
	corpus "$o"
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
