#!/bin/bash
# SPDX-License-Identifier: MIT
# Differential tests against Linux: the static glibc programs of
# tests/linux/ run under qemu-riscv64 (user-mode QEMU: Linux's ABI,
# emulated on the host) and on Tern, from an initrd holding them in
# /difftest, started as the first process (rdinit=/difftest/run, the
# runner that frames each program's output).  Each program's output and
# exit status must be the same on both.  Programs listed in
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
for p in "${programs[@]}"; do
	(cd / && DIFFTEST_EXEC_VIA=$via timeout 60 "$via" "$bin/$p" >"$expected/$p.out" 2>&1
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

# frame <console log> <program>: that program's output and end line
frame() {
	awk -v p="$2" '$0 == "@@@ begin " p { on = 1; next }
		on && index($0, "@@@ end " p " ") == 1 { sub("@@@ end " p " ", ""); print "@@@ " $0; exit }
		on { print }' "$1"
}

for o in "$@"; do
	board=$(basename "$o")
	log=$work/$board.console.log
	objtree=$o QEMU_ARGS="-initrd $work/difftest.cpio" timeout 600 \
		"$srctree/scripts/qemu-cmd.sh" run "rdinit=/difftest/run" </dev/null >"$log.raw" 2>&1
	tr -d '\r' <"$log.raw" >"$log"
	for p in "${programs[@]}"; do
		got=$work/$board.$p.got want=$work/$board.$p.want
		frame "$log" "$p" >"$got"
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
		else
			echo "FAIL $board $p (diff -u $want $got)"
			diff -u "$want" "$got" | head -20 | sed 's/^/    /'
			failed=$((failed + 1))
		fi
	done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
