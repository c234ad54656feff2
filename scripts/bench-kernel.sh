#!/bin/bash
# SPDX-License-Identifier: MIT
# make bench-kernel: every allocator combination, built and booted with "bench"
# (and the block layer on test disks),
# under QEMU -icount shift=0, so each figure (retired instructions) repeats
# exactly.  Prints Markdown tables (kept in Documentation/mm/allocators.md,
# the scheduler's in Documentation/scheduler/, the address spaces' in
# Documentation/mm/address-spaces.md).
#   bench-kernel.sh <work folder>
set -u
# Boots attach the devices they test, never the board's own (qemu-cmd.sh):
# parallel boots of one build must not share its writable disk image.
export QEMU_DEVICES=""
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL O objtree KCONFIG_CONFIG \
	KBUILD_VERBOSE quiet Q
work=${1:?usage: bench-kernel.sh <work folder>}
srctree=${srctree:-.}
jobs=${JOBS:-$(nproc)}
mkdir -p "$work"

# label: page allocator + object allocator, as config fragments
COMBOS="buddy+slab:
	buddy+simple:kmem-simple.config
	buddy+bump:kmem-bump.config
	bump+simple:pgalloc-bump.config
	bump+bump:pgalloc-bump.config,kmem-bump.config"

# value <log> <bench line name>: the number on "bench: <name>: N ..."
value() { sed -n "s/^bench: $2: \([0-9]*\) .*/\1/p" "$1" | head -n 1; }

boot() {	# boot <objtree> <MiB> <bootargs> <log> [more QEMU arguments]
	objtree=$1 ICOUNT=1 QEMU_ARGS="-m $2M ${5:-}" timeout 600 \
		"$srctree/scripts/qemu-cmd.sh" run "$3" </dev/null 2>&1 | tr -d '\r' > "$4"
}

for arch in qemu_virt qemu_virt32; do
	echo "### $arch ($([ $arch = qemu_virt ] && echo rv64 || echo rv32)), instructions per operation"
	echo
	echo "| page + object allocator | page alloc | page order 0 | page order 3 | pages mixed | fragmentation ‰ | kmalloc 32 | kmalloc 256 | kmalloc 2048 | kmalloc mixed | page init 128 MiB | page init 1 GiB |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for combo in $COMBOS; do
		label=${combo%%:*} frags=${combo#*:}
		o=$work/$arch-$label
		rm -rf "$o"
		# shellcheck disable=SC2046
		if ! make -s O="$o" ${arch}_defconfig $(echo "$frags" | tr , ' ') >"$o.log" 2>&1 ||
		   ! make -s O="$o" -j"$jobs" >>"$o.log" 2>&1; then
			echo "| $label | build failed: see $o.log |"; continue
		fi
		boot "$o" 128 bench "$o.bench.log"
		boot "$o" 1024 bench=mm_init "$o.init1g.log"
		l=$o.bench.log
		echo "| $label | $(value "$l" pgalloc_alloc0) | $(value "$l" pgalloc_order0) | $(value "$l" pgalloc_order3) |" \
		     "$(value "$l" pgalloc_mixed) | $(value "$l" pgalloc_mixed.fragmentation_permille) |" \
		     "$(value "$l" kmalloc32) | $(value "$l" kmalloc256) | $(value "$l" kmalloc2048) |" \
		     "$(value "$l" kmalloc_mixed) | $(value "$l" mm_init.pgalloc_init) |" \
		     "$(value "$o.init1g.log" mm_init.pgalloc_init) |"
	done
	echo
done
# Schedulers: the same board, one policy at a time (default allocators).
# The bench threads have no reservation: under deadline they are its background tasks.
SCHEDS="cooperative:sched-coop.config round-robin:sched-rr.config priority:sched-prio.config fair:
	deadline:sched-deadline.config"
for arch in qemu_virt qemu_virt32; do
	echo "### $arch ($([ $arch = qemu_virt ] && echo rv64 || echo rv32)) schedulers, instructions per operation"
	echo
	echo "| scheduler | yield switch | wake-up | pick-next, 10 tasks | 100 tasks | 1000 tasks |"
	echo "|---|---:|---:|---:|---:|---:|"
	for s in $SCHEDS; do
		label=${s%%:*} frag=${s#*:}
		o=$work/$arch-sched-$label
		rm -rf "$o"
		if ! make -s O="$o" ${arch}_defconfig $frag >"$o.log" 2>&1 ||
		   ! make -s O="$o" -j"$jobs" >>"$o.log" 2>&1; then
			echo "| $label | build failed: see $o.log |"; continue
		fi
		boot "$o" 128 bench=sched_yield,sched_wakeup,sched_pick10,sched_pick100,sched_pick1000 \
			"$o.bench.log"
		l=$o.bench.log
		echo "| $label | $(value "$l" sched_yield) | $(value "$l" sched_wakeup) |" \
		     "$(value "$l" sched_pick10) | $(value "$l" sched_pick100) | $(value "$l" sched_pick1000) |"
	done
	echo
done
# Remote TLB shootdown (arch/riscv/mm/tlbflush_bench.c), from the default
# combination's boot above.  SBI RFENCE, the alternative, only runs when
# named (bench=tlb_shootdown_sbi): the firmware's spin-wait does not finish
# under -icount (Documentation/mm/paging.md).
echo "### Remote TLB shootdown of one page, instructions per operation on the requesting hart"
echo
echo "| board | other CPUs | IPI + sfence.vma |"
echo "|---|---:|---:|"
for arch in qemu_virt qemu_virt32; do
	l=$work/$arch-buddy+slab.bench.log
	echo "| $arch | $(value "$l" tlb_shootdown_ipi.other_cpus) | $(value "$l" tlb_shootdown_ipi) |"
done
echo
# User address spaces: each paging mode, default allocators (Documentation/mm/address-spaces.md).
MODES="qemu_virt:Sv39: qemu_virt:Sv48:paging-sv48.config qemu_virt:Sv57:paging-sv57.config
	qemu_virt32:Sv32:"
UVM_BENCHES=uvm_fault_zero,uvm_fault_COW,uvm_fault_COW_reuse,uvm_fork_16MiB,uvm_map_touch_unmap_1MiB
echo "### user address spaces, instructions per page"
echo
echo "| board | mode | hart | demand-zero fault | COW fault | COW fault, page reused | fork, 16 MiB touched | map + touch + unmap 1 MiB |"
echo "|---|---|---|---:|---:|---:|---:|---:|"
for m in $MODES; do
	arch=${m%%:*} rest=${m#*:}
	mode=${rest%%:*} frag=${rest#*:}
	o=$work/$arch-uvm-$mode
	rm -rf "$o"
	# shellcheck disable=SC2086  # no fragment: no argument
	if ! make -s O="$o" "${arch}_defconfig" $frag >"$o.log" 2>&1 ||
	   ! make -s O="$o" -j"$jobs" >>"$o.log" 2>&1; then
		echo "| $arch | $mode | build failed: see $o.log |"; continue
	fi
	# The board's hart (QEMU_CPU: with V, the vector page routines), then
	# QEMU's generic hart without V (the scalar ones).
	width=rv64
	[ "$arch" = qemu_virt32 ] && width=rv32
	for hart in V "no V"; do
		l=$o.bench${hart// /}.log
		extra=
		[ "$hart" = V ] || extra="-cpu $width"
		boot "$o" 128 bench=$UVM_BENCHES "$l" "$extra"
		echo "| $arch | $mode | $hart | $(value "$l" uvm_fault_zero) | $(value "$l" uvm_fault_COW) |" \
		     "$(value "$l" uvm_fault_COW_reuse) | $(value "$l" uvm_fork_16MiB) |" \
		     "$(value "$l" uvm_map_touch_unmap_1MiB) |"
	done
done
echo
# The block layer: the default allocators' build, booted on one hart with
# the disks of scripts/test-disks.sh (block/blk_bench.c says what the
# figures mean; one hart, so that the waiter and the interrupt share it).
for arch in qemu_virt qemu_virt32; do
	o=$work/$arch-buddy+slab
	l=$o.block.bench.log
	[ -f "$o/vmlinux" ] || continue
	args=$("$srctree/scripts/test-disks.sh" "$work/$arch-disks") || continue
	objtree=$o ICOUNT=1 QEMU_ARGS="$args -smp 1" timeout 600 \
		"$srctree/scripts/qemu-cmd.sh" run bench=blk_seq,bcache_hit </dev/null 2>&1 |
		tr -d '\r' >"$l"
	echo "### $arch ($([ $arch = qemu_virt ] && echo rv64 || echo rv32)) virtio-blk, instructions per KiB"
	echo
	echo "| figure | 4 KiB, 1 in flight | 4 KiB, 8 | 64 KiB, 1 | 64 KiB, 8 |"
	echo "|---|---:|---:|---:|---:|"
	for op in read write; do
		for f in cpu total; do
			echo "| $op, $f | $(value "$l" "blk_seq.${op}_4k_qd1.$f") |" \
			     "$(value "$l" "blk_seq.${op}_4k_qd8.$f") | $(value "$l" "blk_seq.${op}_64k_qd1.$f") |" \
			     "$(value "$l" "blk_seq.${op}_64k_qd8.$f") |"
		done
	done
	echo
	echo "Buffer cache hit (bread + brelse): $(value "$l" bcache_hit) instructions."
	echo
done
# Processes: a user program's view (usr/ktest/process_bench.c), on one
# hart, in the default allocators' build (Documentation/process.md).
echo "### processes, instructions per operation as the user program sees it"
echo
echo "| board | getpid | fork + exit + wait | pipe round trip | fork + exec + wait | brk grow + touch + shrink, per page | file read, per KiB | write + read back, per KiB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
PROC_BENCHES=proc_getpid,proc_fork_exit_wait,proc_pipe_roundtrip,proc_fork_exec_wait
PROC_BENCHES=$PROC_BENCHES,proc_brk_page,proc_file_read_kib,proc_file_rw_kib
for arch in qemu_virt qemu_virt32; do
	o=$work/$arch-buddy+slab
	l=$o.proc.bench.log
	[ -f "$o/vmlinux" ] || continue
	objtree=$o ICOUNT=1 QEMU_ARGS="-m 128M -smp 1" timeout 600 \
		"$srctree/scripts/qemu-cmd.sh" run bench=$PROC_BENCHES \
		</dev/null 2>&1 | tr -d '\r' >"$l"
	echo "| $arch | $(value "$l" proc_getpid) | $(value "$l" proc_fork_exit_wait) |" \
	     "$(value "$l" proc_pipe_roundtrip) | $(value "$l" proc_fork_exec_wait) |" \
	     "$(value "$l" proc_brk_page) | $(value "$l" proc_file_read_kib) |" \
	     "$(value "$l" proc_file_rw_kib) |"
done
echo
echo "Raw output: $work/*.bench.log"
