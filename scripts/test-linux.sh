#!/bin/bash
# SPDX-License-Identifier: MIT
# Differential tests against Linux: the static glibc programs of
# tests/linux/ run under qemu-riscv64 (user-mode QEMU: Linux's ABI,
# emulated on the host) and on Tern, from an initrd holding them in
# /difftest, started as the first process (rdinit=/difftest/run, the
# runner that frames each program's output).  Each program's output and
# exit status must be the same on both.  Each program gets its own boot
# ("-- <name>" tells the runner which), so one that hangs (a timeout)
# or crashes the kernel costs only its own result.  Programs listed in
# tests/linux/XFAIL are reported as TODO while they differ, and as a
# failure once they match (so the list is kept true).
#   test-linux.sh <work folder> <objtree>...
# Prints a line per program and board, then "N passed, N failed".
set -u
export QEMU_DEVICES=""
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL O objtree
work=${1:?usage: test-linux.sh <work folder> <objtree>...}
shift
srctree=${srctree:-$(cd "$(dirname "$0")/.." && pwd)}
passed=0 failed=0
mkdir -p "$work"

bin=$work/bin
if ! make -s -C "$srctree/tests/linux" B="$bin" >"$work/build.log" 2>&1; then
	echo "FAIL building tests/linux (log: $work/build.log)"
	echo "0 passed, 1 failed"
	exit 1
fi
mapfile -t programs < <(cd "$srctree/tests/linux" && ls -- *.c | sed -n 's/\.c$//p' |
			grep -vx runner | sort)

# The expected frames, from qemu-riscv64 in / (programs use absolute paths).
expected=$work/expected
mkdir -p "$expected"
via=$(command -v qemu-riscv64) || { echo "FAIL no qemu-riscv64 (Debian's qemu-user)"; exit 1; }
# Only stdin, stdout and stderr, as the programs get on Tern: fds this
# shell inherited (make's jobserver, a terminal's) would shift fd numbers.
close_inherited_fds() {
	local f n
	for f in /proc/$BASHPID/fd/*; do
		n=${f##*/}
		[ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-" 2>/dev/null
	done
	return 0
}
for p in "${programs[@]}"; do
	(close_inherited_fds; cd / && DIFFTEST_EXEC_VIA=$via timeout 60 "$via" "$bin/$p" >"$expected/$p.out" 2>&1
	 echo "exit $?" >"$expected/$p.status")
done

# The initrd: /difftest with the programs and the runner.
root=$work/root
rm -rf "$root"
mkdir -p "$root/difftest"
cp "$bin/run" "${programs[@]/#/$bin/}" "$root/difftest/"
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort |
	cpio -o -H newc -R 0:0 --quiet >"$work/difftest.cpio") ||
	{ echo "FAIL making the initrd"; exit 1; }

xfail_reason() { sed -n "s/^$1 \(.*\)/\1/p" "$srctree/tests/linux/XFAIL"; }

# frame <console log> <program>: that program's output and end line,
# without the kernel's own lines (loglevel=3 leaves only errors; a
# "[ seconds ]" line is the kernel's, never a program's)
frame() {
	awk -v p="$2" '/^\[ *[0-9]+\.[0-9]+\] / { next }
		$0 == "@@@ begin " p { on = 1; next }
		on && index($0, "@@@ end " p " ") == 1 { sub("@@@ end " p " ", ""); print "@@@ " $0; exit }
		on { print }' "$1"
}

# boot_one <objtree> <program> <log>: one boot that runs one program
boot_one() {
	objtree=$1 QEMU_ARGS="-initrd $work/difftest.cpio" timeout "${DIFFTEST_TIMEOUT:-60}" \
		"$srctree/scripts/qemu-cmd.sh" run "loglevel=3 rdinit=/difftest/run -- $2" </dev/null >"$3.raw" 2>&1
	echo "@@@ qemu exit $?" >>"$3.raw"
	tr -d '\r' <"$3.raw" >"$3"
}
export -f boot_one
export work srctree

for o in "$@"; do
	board=$(basename "$o")
	printf '%s\n' "${programs[@]}" |
		xargs -P "${JOBS:-2}" -I{} bash -c 'boot_one "$1" "$2" "$3"' _ "$o" {} "$work/$board.{}.log"
	for p in "${programs[@]}"; do
		got=$work/$board.$p.got want=$work/$board.$p.want
		frame "$work/$board.$p.log" "$p" >"$got"
		{ cat "$expected/$p.out"; echo "@@@ $(cat "$expected/$p.status")"; } >"$want"
		why=$(xfail_reason "$p")
		if cmp -s "$got" "$want"; then
			if [ -n "$why" ]; then
				echo "FAIL $board $p: matches Linux now; take it off tests/linux/XFAIL"
				failed=$((failed + 1))
			else
				echo "PASS $board $p"
				passed=$((passed + 1))
			fi
		elif [ -n "$why" ]; then
			echo "TODO $board $p: $why"
		elif grep -q '^@@@ qemu exit 124$' "$work/$board.$p.log"; then
			echo "FAIL $board $p: timed out (log: $work/$board.$p.log)"
			failed=$((failed + 1))
		else
			echo "FAIL $board $p (diff -u $want $got)"
			diff -u "$want" "$got" | head -20 | sed 's/^/    /'
			failed=$((failed + 1))
		fi
	done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
