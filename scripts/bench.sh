#!/bin/bash
# SPDX-License-Identifier: MIT
# make bench: the xv6 comparison.  Each configuration below is built,
# booted on one hart under QEMU -icount shift=0,sleep=off (so every
# figure, in retired instructions, repeats exactly), and "bench" is typed at the
# shell's first prompt: /bin/bench (usr/bench/bench.c) runs the loops
# xv6-riscv was measured with and reads instret itself.  Prints the
# Markdown table kept in Documentation/benchmarks.md.
#   bench.sh <work folder>
set -u
export QEMU_DEVICES=""
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL O objtree KCONFIG_CONFIG \
	KBUILD_VERBOSE quiet Q
work=${1:?usage: bench.sh <work folder>}
srctree=${srctree:-.}
jobs=${JOBS:-$(nproc)}
mkdir -p "$work"

# label:defconfig:fragments (comma-separated): the paging modes on the
# board's scheduler (fair; the no-MMU board's is cooperative), then the
# other schedulers on Sv39.
CONFIGS="Sv39,fair:qemu_virt:
	Sv48,fair:qemu_virt:paging-sv48.config
	Sv32,fair:qemu_virt32:
	none,cooperative:qemu_virt_nommu:
	Sv39,round-robin:qemu_virt:sched-rr.config
	Sv39,priority:qemu_virt:sched-prio.config
	Sv39,deadline:qemu_virt:sched-deadline.config
	Sv39,cooperative:qemu_virt:sched-coop.config"

# value <log> <loop>: the figure on "bench: <loop>...: N instructions ..."
value() {
	local v
	v=$(sed -n "s/^bench: $2[^:]*: \([0-9]*\) instructions.*/\1/p" "$1" | head -n 1)
	[ -n "$v" ] && echo "$v" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' || echo "-"
}

build_one() {	# build_one <objtree> <defconfig> <fragments>: quiet, log in <objtree>.log
	rm -rf "$1"
	# shellcheck disable=SC2046
	make -s O="$1" "$2_defconfig" $(echo "$3" | tr , ' ') >"$1.log" 2>&1 &&
		make -s O="$1" -j"$jobs" >>"$1.log" 2>&1
}

# boot_one <objtree> <log>: bench typed at the first prompt.  ICOUNT=exact
# (sleep=off): idle time follows instructions too, so every figure, the
# boot's included, repeats exactly whenever QEMU hands the input over.
boot_one() {
	printf 'bench\npoweroff\n' | objtree=$1 ICOUNT=exact QEMU_ARGS="-m 128M -smp 1" timeout 900 \
		"$srctree/scripts/qemu-cmd.sh" run "" 2>&1 | tr -d '\r' >"$2"
}

echo "### Tern against xv6-riscv, instructions per operation (QEMU 7.2, -icount shift=0,sleep=off, one hart)"
echo
echo "| paging, scheduler | board | boot to the prompt | getpid | fork + exit + wait | pipe round trip | fork + exec + wait | sbrk, per page | file read, per KiB | write + read back, per KiB |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| xv6-riscv | virt (Sv39) | 427,000,000 | 1,130 | 518,819 | 95,842 | 1,357,426 | 37,564 | 68,070 | - |"
echo "| target | | 20,000,000 | 150 | 50,000 | 5,000 | 200,000 | 3,000 | 1,500 | - |"
status=0
for c in $CONFIGS; do
	label=${c%%:*} rest=${c#*:}
	board=${rest%%:*} frags=${rest#*:}
	o=$work/${label//,/-}
	if ! build_one "$o" "$board" "$frags"; then
		echo "| $label | $board | build failed: see $o.log |"; status=1; continue
	fi
	l=$o.bench.log
	boot_one "$o" "$l"
	grep -q '^bench: .*FAILED' "$l" && status=1
	grep -q '^bench: getpid' "$l" || status=1
	echo "| $label | $board | $(value "$l" boot) | $(value "$l" getpid) | $(value "$l" fork) |" \
	     "$(value "$l" pipe) | $(value "$l" exec) | $(value "$l" sbrk) | $(value "$l" fileread) |" \
	     "$(value "$l" filerw) |"
done
echo
echo "Raw output: $work/*.bench.log"
# The last line names the default board's getpid figure (the one
# ../shared/checks and the docs quote first).
echo "getpid on Sv39, fair: $(value "$work/Sv39-fair.bench.log" getpid)"
exit $status
