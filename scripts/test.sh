#!/bin/bash
# SPDX-License-Identifier: MIT
# make test: everything, in one run, ending with "N passed, N failed".
#   test.sh <work folder>
# 1. host unit tests (tests/, ASan + UBSan)
# 2. Kconfig hygiene: help text everywhere, defconfigs as savedefconfig writes them
# 3. the board matrix: every configs/*_defconfig, plus fragments that switch
#    a policy (TEST_MATRIX below), each configured with unmet requests as
#    errors, built, rebuilt as a no-op, booted with ktest, and crashed on
#    purpose to check panic reports and QEMU's exit status; the defconfigs
#    also on machines of other shapes, and on device trees with one thing
#    wrong each; kernels with virtio-blk also boot the ktest suite "block"
#    on the disks of scripts/test-disks.sh, legacy and modern virtio-mmio
# 4. corrupt device trees booted on the built-in firmware
#    (scripts/test-dtb-corpus.sh; DTB_CORPUS_SEED overrides the seed)
# 5. the static glibc programs of tests/linux/ on qemu_virt against
#    qemu-riscv64 (scripts/test-linux.sh)
# 6. build-system behaviour (scripts/test-kbuild.sh)
# 7. seeded randconfigs, built and booted (RANDCONFIG_SEEDS overrides)
# Builds run one at a time (each with make -j$JOBS); the boots of a built
# configuration run in the background, JOBS at a time, while the next one
# builds.  Each check writes its own log, so concurrent boots of one build
# never share a file.  Logs are kept under the work folder; a failure names
# its log.
set -u
# Boots attach the devices they test, never the board's own (qemu-cmd.sh):
# parallel boots of one build must not share its writable disk image.
export QEMU_DEVICES=""
# Every make below is a fresh top-level one: the caller's O=, V= and other
# command-line variables travel in MAKEFLAGS and must not leak into them.
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL O objtree KCONFIG_CONFIG \
	KBUILD_VERBOSE quiet Q
work=${1:?usage: test.sh <work folder>}
# Every boot runs QEMU with -icount shift=0: guest time follows retired
# instructions, so scheduler shares, ticks and timers come out the same on
# a loaded machine as on an idle one, and a result repeats exactly.
export ICOUNT=1
srctree=${srctree:-.}
jobs=${JOBS:-$(nproc)}
mkdir -p "$work"
# Every verdict is one line of $results ("PASS <n> <name>" or "FAIL <name>"),
# appended by whichever job reached it; the total is counted at the end.
results=$work/results
: >"$results"
: >"$work/timing"

# pass <name> [<n>]: n passed cases under one name (default 1)
pass() { printf 'PASS %s %s\n' "${2:-1}" "$1" >>"$results"; printf '  PASS    %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1" >>"$results"; printf '  FAIL    %s\n' "$1"; }
# check <name> <log> <command...>: one named test, its output in <log>
# (its start and end, in seconds of the run, go to $work/timing)
check() {
	local name=$1 log=$2 t0=$SECONDS; shift 2
	if "$@" >"$log" 2>&1; then pass "$name"; else fail "$name (log: $log)"; fi
	printf '%5d %5d %s\n' "$t0" "$SECONDS" "$name" >>"$work/timing"
}
# stage <name>: a heading, with the seconds the run has taken so far
stage() { echo "== $1 (${SECONDS} s)"; }
# bg <command...>: runs a job in the background once fewer than JOBS run
bg() {
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
	"$@" &
}
# stage_counts <name> <log>: folds a script's "N passed, N failed" into results
stage_counts() {
	local p f
	read -r p f < <(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$2")
	[ "${p:-0}" -gt 0 ] && printf 'PASS %s %s\n' "$p" "$1" >>"$results"
	[ "${f:-1}" = 0 ] || fail "$1: ${f:-?} failed (log: $2)"
}

# Combinations beyond the defconfigs: both firmwares on rv64; every page
# allocator (bump, buddy; buddy without per-CPU lists on rv32), object
# allocator (slab, simple, bump) and scheduler (cooperative, round-robin,
# priority, deadline, fair: the default) on both rv32 and rv64; both
# preemption models; the allocator debug checks; SMP kernels on 1, 2 and
# 4 harts (4: the defconfigs) and a uniprocessor kernel (up.config);
# every paging mode: Sv39 and Sv32 (the defconfigs), Sv48, Sv57, and
# none on both widths.
TEST_MATRIX="qemu_virt_defconfig+builtin-firmware.config
	qemu_virt_defconfig+kmem-simple.config+sched-coop.config+smp-2harts.config+paging-sv48.config
	qemu_virt_defconfig+pgalloc-bump.config+kmem-bump.config+sched-rr.config+smp-1hart.config+paging-none.config
	qemu_virt_defconfig+debug.config+sched-prio.config+preempt-voluntary.config
	qemu_virt_defconfig+sched-deadline.config+paging-sv57.config
	qemu_virt32_defconfig+pgalloc-bump.config+sched-coop.config
	qemu_virt32_defconfig+kmem-bump.config+sched-rr.config+preempt-voluntary.config+up.config+paging-none.config
	qemu_virt32_defconfig+debug.config+sched-prio.config
	qemu_virt32_defconfig+sched-deadline.config+preempt-voluntary.config+pgalloc-nopcp.config"

stage "host unit tests"
hostlog=$work/hosttests.log
make -C "$srctree/tests" -j"$jobs" run B="$work/hosttests" >"$hostlog" 2>&1
host_status=$?
while read -r name p f; do
	if [ "$f" = 0 ]; then pass "$name ($p cases)" "$p"
	else
		[ "$p" -gt 0 ] && printf 'PASS %s %s\n' "$p" "$name" >>"$results"
		for ((i = 1; i < f; i++)); do printf 'FAIL %s\n' "$name" >>"$results"; done
		fail "$name: $f of $((p + f)) cases (log: $hostlog)"
	fi
done < <(sed -n 's/^\([a-z_0-9]*\): \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2 \3/p' "$hostlog")
grep -q ' passed, ' "$hostlog" && [ $host_status -eq 0 ] || fail "host tests did not run cleanly (log: $hostlog)"

stage "Kconfig"
check "every symbol has help text" "$work/checkkconfig.log" make -s checkkconfig
check "defconfigs are minimal (checkdefconfigs)" "$work/checkdefconfigs.log" make -s checkdefconfigs

# boot_expect <objtree> <bootargs> <status> <pattern...>: QEMU must exit with
# <status> ("nonzero": any failure) and the console must show every pattern.
# QEMU_ARGS passes through; BOOT_INPUT (printf %b escapes) is QEMU's stdin,
# the console's input.
boot_expect() {
	local o=$1 args=$2 want=$3 status log; shift 3
	log=$(mktemp "$o/boot.XXXXXX.log")
	printf '%b' "${BOOT_INPUT:-}" | objtree=$o timeout 120 "$srctree/scripts/qemu-cmd.sh" run "$args" \
		>"$log" 2>&1
	status=${PIPESTATUS[1]}
	sed -i 's/\r$//' "$log"
	cat "$log"
	case $want in
	nonzero) [ "$status" -ne 0 ] ;;
	*) [ "$status" -eq "$want" ] ;;
	esac || { echo "exit status $status, expected $want"; return 1; }
	for p in "$@"; do grep -qE -- "$p" "$log" || { echo "missing: $p"; return 1; }; done
	rm -f "$log"
}
# ktest_boot <objtree> <log>: scripts/ktest-boot.sh, its console in <log>.console; at
# loglevel=7, so that the whole boot report (memory, harts, SBI) is there to check
ktest_boot() {
	env srctree="$srctree" KTEST_LOG="$2.console" "$srctree/scripts/ktest-boot.sh" "$1" "loglevel=7 ktest"
}

# no_op_rebuild <objtree>: a second make compiles nothing
no_op_rebuild() {
	make O="$1" -j"$jobs" >"$1/noop.log" 2>&1 || return 1
	! grep -E '^  (CC|AS|LD|AR) ' "$1/noop.log"
}

# Tern's user programs depend on the configuration only through the word
# size and the MMU (static or static-PIE), so one build of them serves every
# configuration that shares those two: share_user_programs seeds a new
# objtree's usr/<program folder>s from the first build with the same pair
# (user_donor), its paths rewritten.  Kbuild then decides as always: a
# seeded object whose command line or sources differ is rebuilt.
declare -A user_donor
user_key() { echo "k: $(grep -E '^CONFIG_(64BIT|MMU)=' "$1/.config" | sort | tr '\n' ' ')"; }
share_user_programs() {
	local o=$1 key donor d
	key=$(user_key "$o")
	donor=${user_donor[$key]:-}
	[ -n "$donor" ] || return 0
	for d in "$donor"/usr/*/; do
		[ -e "$d/userprogs.list" ] || [ -e "$d/libtern.a" ] || continue
		mkdir -p "$o/usr"
		cp -a "$d" "$o/usr/"
	done
	[ -d "$o/usr" ] || return 0
	find "$o/usr" \( -name '.*.cmd' -o -name 'userprogs.*' \) -print0 |
		xargs -0 -r sed -i "s|$donor/|$o/|g"
}

# test_config <label> <objtree> <config targets...>: configures and builds
# in the foreground (the user programs shared, above), then queues the
# boot checks (boot_checks) as a job.
test_config() {
	local label=$1 o=$2 t0=$SECONDS; shift 2
	stage "$label"
	rm -rf "$o"
	if ! KCONFIG_WERROR=1 make O="$o" "$@" >"$work/$label.config.log" 2>&1; then
		fail "$label: configure (log: $work/$label.config.log)"; return 1
	fi
	share_user_programs "$o"
	if ! make O="$o" -j"$jobs" >"$work/$label.build.log" 2>&1; then
		fail "$label: build (log: $work/$label.build.log)"; return 1
	fi
	pass "$label: build"
	[ -n "${user_donor[$(user_key "$o")]:-}" ] || user_donor[$(user_key "$o")]=$o
	printf '%5d %5d %s\n' "$t0" "$SECONDS" "$label: build" >>"$work/timing"
	check "$label: no-op rebuild compiles nothing" "$work/$label.noop.log" no_op_rebuild "$o"
	bg boot_checks "$label" "$o"
}

# user_checks <label> <objtree>: with Tern's init and shell in the rootfs,
# a boot reaches the prompt and runs a pipe typed on the console; on the
# boards themselves (the defconfigs), the user-space test suites
# (scripts/test-user.sh) run too.
user_checks() {
	local label=$1 o=$2
	BOOT_INPUT='echo hi | wc -c\npoweroff\n' \
	check "$label: boots to the shell prompt; a pipe typed on the console runs" \
		"$work/$label.shell.log" boot_expect "$o" "" 0 '^# ' '^ *3 *$' 'init: powering off'
	if [[ $label == qemu_* && $label != *+* ]] && grep -q '^CONFIG_USER_TESTS=y' "$o/.config"; then
		env srctree="$srctree" "$srctree/scripts/test-user.sh" "$o" "$work/$label.user.console" \
			>"$work/$label.user.log" 2>&1
		grep -E '^FAIL ' "$work/$label.user.log" | sed 's/^/  /' || true
		stage_counts "$label: user-space tests" "$work/$label.user.log"
	fi
}

# boot_checks <label> <objtree>: ktest and the crash tests of one build.
boot_checks() {
	local label=$1 o=$2
	# A failure status reaches QEMU through the test finisher driver or
	# semihosting (sifive_u), or through the built-in firmware's SRST;
	# OpenSBI reports success.  The finisher and semihosting pass the
	# kernel's exact status (1 tests failed, 2 panic); an SBI shutdown can
	# only say "failure".
	local reports= panic_status=nonzero firmware=OpenSBI
	grep -qE '^CONFIG_(POWER_RESET_SIFIVE_TEST|POWER_RESET_SEMIHOSTING|FIRMWARE_BUILTIN)=y' \
		"$o/.config" && reports=y
	grep -qE '^CONFIG_POWER_RESET_(SIFIVE_TEST|SEMIHOSTING)=y' "$o/.config" && panic_status=2
	grep -q '^CONFIG_FIRMWARE_BUILTIN=y' "$o/.config" && firmware="Tern firmware"
	# With Tern's init and shell a boot ends at the prompt: type poweroff.
	local shell_input=
	[ "$(grep -cE '^CONFIG_USER_(INIT|SH)=y' "$o/.config")" = 2 ] && shell_input='poweroff\n'
	[ -n "$shell_input" ] && user_checks "$label" "$o"
	if grep -q '^CONFIG_KTEST=y' "$o/.config"; then
		check "$label: ktest boot" "$work/$label.ktest.log" \
			ktest_boot "$o" "$work/$label.ktest.log"
		check "$label: firmware is the configured one" "$work/$label.firmware.log" \
			grep -E "SBI: $firmware," "$work/$label.ktest.log.console"
		check "$label: ktest=\"string,fdt\" runs just those suites" "$work/$label.filter.log" \
			boot_expect "$o" 'ktest="string,fdt" no_such_param=1' 0 '^1\.\.2$' \
			'# Subtest: string' '# Subtest: fdt' '# ktest: 2 suites, 2 passed, 0 failed' \
			'Unknown command line parameters .*: no_such_param="1"$'
		[ -n "$reports" ] && check "$label: unknown ktest suite fails the run" \
			"$work/$label.nosuite.log" \
			boot_expect "$o" "ktest=no_such_suite" 1 'no ktest suite matches'
	else
		BOOT_INPUT=$shell_input check "$label: boots and powers off (CONFIG_KTEST=n)" \
			"$work/$label.boot.log" boot_expect "$o" "" 0 'Tern [0-9]' 'powering off'
	fi
	# (the defconfigs have all three drivers; a randconfig may not)
	# (and the PLIC, without which virtio-mmio has no interrupt: a randconfig may lack it)
	[ "$(grep -cE '^CONFIG_(KTEST|VIRTIO_BLK|VIRTIO_NET|HW_RANDOM_VIRTIO|IRQCHIP_SIFIVE_PLIC)=y' "$o/.config")" = 5 ] &&
		disk_checks "$label" "$o"
	# make run's own devices, from the board's Kconfig (the only boot of a
	# build that attaches them: their disk image is writable).
	[ "$(grep -cE '^CONFIG_(VIRTIO_BLK|VIRTIO_NET|HW_RANDOM_VIRTIO|IRQCHIP_SIFIVE_PLIC)=y' "$o/.config")" = 4 ] &&
	grep -q '^CONFIG_QEMU_VIRTIO_DISK_MB=[1-9]' "$o/.config" &&
		grep -q '^CONFIG_QEMU_VIRTIO_NET_HUB=y' "$o/.config" &&
		grep -q '^CONFIG_QEMU_VIRTIO_RNG=y' "$o/.config" &&
		BOOT_INPUT=$shell_input check "$label: make run attaches the board's virtio disk, rng and hub" \
			"$work/$label.board-devices.log" board_devices_boot "$o" "$work/$label.board-devices.log"
	grep -q '^CONFIG_CRASH_TEST=y' "$o/.config" && [ -n "$reports" ] || return 0
	local sym=
	grep -q '^CONFIG_KALLSYMS=y' "$o/.config" && sym=y
	check "$label: panic report and exit status" "$work/$label.panic.log" \
		boot_expect "$o" "crashtest=panic" $panic_status 'Kernel panic - not syncing: crashtest' \
		'Call trace:' ${sym:+'crashtest_panic\+0x' 'start_kernel\+0x'}
	# machine_restart: the restart driver when configured, else SBI SRST
	# (both end in the test device's reset, and -no-reboot makes QEMU exit 0).
	local restarter="the firmware"
	grep -q '^CONFIG_POWER_RESET_SYSCON_REBOOT=y' "$o/.config" && restarter=syscon-reboot
	check "$label: crashtest=restart restarts through $restarter" "$work/$label.restart.log" \
		boot_expect "$o" "crashtest=restart" 0 "Restarting the machine through $restarter"
	# What a panic before the device tree is read falls back on:
	# SBI SRST, reason "failure".  OpenSBI v1.1 reports it as success.
	[ "$firmware" = OpenSBI ] ||
	check "$label: panic with only SBI to power off exits non-zero" \
		"$work/$label.panicsbi.log" \
		boot_expect "$o" "crashtest=panic_sbi" nonzero 'Kernel panic - not syncing: crashtest'
	# Address 0: no memory there, or (with paging) nothing mapped.
	check "$label: fatal trap report and exit status" "$work/$label.oops.log" \
		boot_expect "$o" "crashtest=load" $panic_status 'Oops - Load (access|page) fault' \
		'badaddr: 0+ ' 'Bad load at address 0+ ' \
		${sym:+'epc : crashtest_load\+0x' 'crashtest_run\+0x'}
	if grep -q '^CONFIG_MMU=y' "$o/.config"; then
		check "$label: a store to the kernel's text is an oops that says why" \
			"$work/$label.wx.log" boot_expect "$o" "crashtest=write_text" $panic_status \
			'Oops - Store/AMO page fault' \
			'Bad store at address [0-9a-f]+ \(mapped r-x, 4 KiB page\)' \
			${sym:+'in crashtest_write_text\+0x'}
	fi
	# QEMU's generic hart with translation switched off: the configured
	# mode cannot be turned on, and the boot must stop saying so.  This
	# and the next check run on the defconfigs only (a board label without
	# fragments): the code they test is the same in every build.
	local width=rv64 defconfig=
	grep -q '^CONFIG_32BIT=y' "$o/.config" && width=rv32
	[[ $label == qemu_* && $label != *+* ]] && defconfig=y
	if [ -n "$defconfig" ] && grep -q '^CONFIG_MMU=y' "$o/.config" &&
	   grep -q '^CONFIG_BOARD_QEMU_VIRT=y' "$o/.config"; then
		QEMU_ARGS="-cpu $width,mmu=false" \
		check "$label: a hart without the paging mode stops the boot and says so" \
			"$work/$label.nomode.log" boot_expect "$o" "" nonzero \
			'Sv[0-9]+ not supported by this hart; rebuild with paging off \(PAGING_NONE\)'
	fi
	# The page routines on a hart without V (the defconfigs' harts have it).
	if [ -n "$defconfig" ] && grep -q '^CONFIG_RISCV_ISA_V=y' "$o/.config" &&
	   grep -q '^CONFIG_KTEST=y' "$o/.config" &&
	   grep -q '^CONFIG_QEMU_CPU=".*v=true' "$o/.config"; then
		QEMU_ARGS="-cpu $width" \
		check "$label: without V the scalar page routines are used and pass" \
			"$work/$label.novector.log" boot_expect "$o" "loglevel=7 ktest=page_ops" 0 'page clear/copy: scalar$' \
			'ok [0-9]+ vector_copy_page_copies_one_page # SKIP the harts have no vector' \
			'# ktest: 1 suites, 1 passed, 0 failed'
	fi
	if grep -q '^CONFIG_VMAP_STACK=y' "$o/.config"; then
		check "$label: a kernel stack overflow is caught by the guard page" \
			"$work/$label.stack.log" boot_expect "$o" "crashtest=stack_overflow" \
			$panic_status 'kernel stack overflow in task crashtest-deep' \
			'Kernel panic - not syncing: kernel stack overflow in task crashtest-deep' \
			${sym:+'epc : crashtest_recurse\+0x'}
	fi
	if grep -q '^CONFIG_DEBUG_SLAB=y' "$o/.config"; then
		check "$label: DEBUG_SLAB catches a double kfree" "$work/$label.dfree.log" \
			boot_expect "$o" "crashtest=kfree_twice" $panic_status '[Dd]ouble free' \
			'kmalloc-32' ${sym:+'crashtest_kfree_twice\+0x'}
		check "$label: DEBUG_SLAB catches kfree of a bad pointer" "$work/$label.badptr.log" \
			boot_expect "$o" "crashtest=kfree_bad" $panic_status 'kmalloc-64' \
			${sym:+'crashtest_kfree_bad\+0x'}
		check "$label: DEBUG_SLAB catches a red zone overwrite" "$work/$label.redzone.log" \
			boot_expect "$o" "crashtest=redzone" $panic_status '[Rr]ed ?zone' 'kmalloc-32' \
			${sym:+'crashtest_redzone\+0x'}
	fi
	if grep -q '^CONFIG_DEBUG_PAGEALLOC=y' "$o/.config"; then
		check "$label: DEBUG_PAGEALLOC catches a double free_page" "$work/$label.pfree.log" \
			boot_expect "$o" "crashtest=free_page_twice" $panic_status '[Dd]ouble free' \
			${sym:+'crashtest_free_page_twice\+0x'}
	fi
}

# disk_checks <label> <objtree>: the ktest suites "block", "random",
# "net" and "virtio" on the devices of scripts/test-disks.sh (a scratch disk, a
# read-only one, MBR and GPT tables sfdisk made, a damaged GPT, an entropy
# source, two network cards on a hub), on legacy and on modern
# virtio-mmio.  The patterns are what the kernel must have found.
disk_checks() {
	local label=$1 o=$2 mode global
	for mode in legacy modern; do
		global=
		[ $mode = modern ] && global="-global virtio-mmio.force-legacy=false"
		check "$label: virtio-blk disks, $mode virtio-mmio" "$work/$label.disks-$mode.log" \
			disk_boot "$o" "$o/disks-$mode" "$global" $mode
	done
}

# board_devices_boot <objtree> <log>: a boot with QEMU_DEVICES unset binds
# the disk, entropy source and two hub-joined cards of the board's Kconfig.
board_devices_boot() {
	local mb
	mb=$(sed -n 's/^CONFIG_QEMU_VIRTIO_DISK_MB=//p' "$1/.config")
	rm -f "$1/disk.img"
	printf '%b' "${BOOT_INPUT:-}" | env -u QEMU_DEVICES objtree="$1" timeout 120 \
		"$srctree/scripts/qemu-cmd.sh" run "" >"$2" 2>&1 ||
		{ echo "exit status ${PIPESTATUS[1]}"; return 1; }
	test "$(stat -c %s "$1/disk.img")" = $((mb * 1048576)) || { echo "disk.img size"; return 1; }
	for p in "virtio-blk .*: vda, $mb MiB" 'virtio-rng .*: entropy source' \
		 'virtio-net .*: eth0, MAC' 'virtio-net .*: eth1, MAC'; do
		grep -qE -- "$p" "$2" || { echo "missing: $p"; return 1; }
	done
	rm -f "$2"
}

# disk_boot <objtree> <disk folder> <extra QEMU args> <legacy|modern>
disk_boot() {
	local args
	args=$("$srctree/scripts/test-disks.sh" "$2") || return 1
	QEMU_ARGS="$args $3" boot_expect "$1" "ktest=block,random,net,virtio" 0 \
		'# ktest: 4 suites, 4 passed, 0 failed' '# random: source virtio-rng$' \
		"# virtio: 10003000\\.virtio_mmio: device 4, $4, virtio-rng\$" \
		'# net: eth0 -> eth1: 3 frames$' '# net: eth1 -> eth0: 3 frames$' \
		"virtio-blk 10008000\.virtio_mmio: vda, 16 MiB \(32768 sectors\), write cache, $4" \
		'vdb, 1 MiB .*read-only' '# block: scratch disk vda$' '# block: read-only disk vdb$' \
		'vdc: MBR: vdc1 vdc2 vdc5 vdc6$' 'vdd: GPT: vdd1 vdd2 vdd3$' \
		'# block: vdc5: sectors 10240-12287 of vdc' '# block: vdd2: sectors 4096-8191 of vdd' \
		'vde: partition table refused: GPT: header CRC does not match'
}

# shape_sweep <label> <objtree> <MiB:harts...>: every ktest on machines of
# other shapes than the board's default.  QEMU takes the last -m and -smp
# it is given, and QEMU_ARGS comes last.  Nothing is rebuilt: the kernel
# reads the shape from the device tree, and so must every ktest.
shape_sweep() {
	local label=$1 o=$2 shape; shift 2
	grep -q '^CONFIG_KTEST=y' "$o/.config" || return 0
	for shape in "$@"; do
		local log=$work/$label.shape-${shape/:/-}.log
		QEMU_ARGS="-m ${shape%:*}M -smp ${shape#*:}" bg check \
			"$label: ktest with -m ${shape%:*}M -smp ${shape#*:}" \
			"$log" ktest_on_shape "$o" "$log" "${shape%:*}" "${shape#*:}"
	done
}

# ktest_on_shape <objtree> <log> <MiB> <harts>: ktest passes, and the kernel
# saw that shape (on sifive_u, less the E51 monitor hart it cannot run on)
ktest_on_shape() {
	local harts=$4
	grep -q '^CONFIG_BOARD_QEMU_SIFIVE_U=y' "$1/.config" && harts=$((harts - 1))
	ktest_boot "$1" "$2" || return 1
	grep -qE "Memory: 0x[0-9a-f]+-0x[0-9a-f]+ \($3 MiB\)" "$2.console" &&
	grep -qE "CPUs: $harts harts? in the device tree" "$2.console" ||
	{ echo "the kernel did not see $3 MiB and $harts harts"; return 1; }
}

# dtb_variants <objtree> <folder>: QEMU's device tree for the board at its
# default shape, and variants of it with one thing wrong each, as files
# <folder>/<name>.dtb (the names bad_dtb_tests uses).
dtb_variants() (
	o=$1 d=$2
	. "$o/include/config/auto.conf"
	max=$CONFIG_MEMBLOCK_MAX_REGIONS
	mkdir -p "$d"
	"$CONFIG_QEMU_SYSTEM" -machine "$CONFIG_QEMU_MACHINE,dumpdtb=$d/qemu.dtb" \
		-m "${CONFIG_QEMU_MEMORY_MB}M" -smp "$CONFIG_QEMU_SMP" -bios none -nographic \
		>/dev/null 2>&1 || return 1
	dtc -q -I dtb -O dts -o "$d/qemu.dts" "$d/qemu.dtb" || return 1
	variant() { dtc -q -I dts -O dtb -o "$d/$1.dtb" -; }
	awk '/^\tmemory@/ { skip = 1 } skip && /^\t};/ { skip = 0; next } !skip' "$d/qemu.dts" |
		variant no-memory
	sed '/timebase-frequency/d' "$d/qemu.dts" | variant no-timebase
	sed 's/timebase-frequency = <[^>]*>/timebase-frequency = <0x00>/' "$d/qemu.dts" |
		variant zero-timebase
	sed '/cpu@0 {/,/status/ s/status = "okay"/status = "disabled"/' "$d/qemu.dts" |
		variant cpu0-disabled
	# reg = <0 base 0 size>: four times the RAM QEMU gives the machine
	sed -E "/^\tmemory@/,/^\t};/ s/(reg = <0x00 0x[0-9a-f]+ 0x00) 0x[0-9a-f]+>/\1 $(printf '%#x' \
		$((CONFIG_QEMU_MEMORY_MB * 4 << 20)))>/" "$d/qemu.dts" | variant memory-too-large
	{ sed '$d' "$d/qemu.dts"
	  printf '\treserved-memory {\n\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n\t\tranges;\n'
	  for ((i = 0; i < max + 8; i++)); do
		printf '\t\tr@%x {\n\t\t\treg = <0x00 %#x 0x00 0x1000>;\n\t\t};\n' \
			$((CONFIG_BOARD_RAM_BASE + (64 << 20) + i * 0x2000)) \
			$((CONFIG_BOARD_RAM_BASE + (64 << 20) + i * 0x2000))
	  done
	  printf '\t};\n};\n'; } | variant too-many-reservations
	sed 's/chosen {/chosen {\n\t\tbootargs = [6b 74 65 73 74];/' "$d/qemu.dts" |
		variant bootargs-without-nul
	# 1.5 MiB of padding: more than the kernel's DTB_MAX_SIZE (1 MiB)
	awk '{ print } /chosen {/ { printf "\t\tpadding = ["
		for (i = 0; i < 1536 * 1024; i++) printf "00 "; print "];" }' "$d/qemu.dts" |
		variant too-big
	[ -f "$d/bootargs-without-nul.dtb" ]
)

# cpu0_disabled_ok <objtree>: the boot hart's CPU node is disabled.  The
# kernel refuses to run on such a hart (a panic that says so, status 2),
# or the firmware boots another hart (OpenSBI does) and ktest passes;
# never an oops.
cpu0_disabled_ok() {
	local o=$1 status log
	log=$(mktemp "$o/boot.XXXXXX.log")
	objtree=$o timeout 120 "$srctree/scripts/qemu-cmd.sh" run ktest </dev/null >"$log" 2>&1
	status=$?
	sed -i 's/\r$//' "$log"
	cat "$log"
	! grep -q 'Oops' "$log" || { echo "an oops"; return 1; }
	case $status in
	2) grep -qE 'panic - not syncing: CPUs: the device tree marks the boot hart [0-9]+ disabled' \
		"$log" ;;
	0) grep -qE '# ktest: [0-9]+ suites, [0-9]+ passed, 0 failed' "$log" ;;
	*) false ;;
	esac || { echo "exit status $status, and not the panic or the passing run expected"; return 1; }
}

# bad_dtb_tests <label> <objtree>: boots the kernel on device trees with
# one thing wrong each (dtb_variants): each is refused with a panic that
# says what is wrong, and exit status 2, or is reported and survived.
# Under Tern's firmware, which reads the device tree first, the firmware
# may refuse one before the kernel runs; under OpenSBI, a tree without a
# timebase would hang OpenSBI itself, so scripts/qemu-cmd.sh refuses it.
bad_dtb_tests() {
	local label=$1 o=$2 d=$work/$1.dtbs builtin= no_memory_status=2
	grep -q '^CONFIG_KTEST=y' "$o/.config" || return 0
	grep -q '^CONFIG_FIRMWARE_BUILTIN=y' "$o/.config" && builtin=y no_memory_status=nonzero
	if ! dtb_variants "$o" "$d" >"$work/$label.dtbs.log" 2>&1; then
		fail "$label: make device tree variants (log: $work/$label.dtbs.log)"; return
	fi
	dtb() { QEMU_ARGS="-dtb $d/$1.dtb" bg check "$label: device tree with $2" \
		"$work/$label.dtb-$1.log" "${@:3}"; }
	dtb no-memory "no memory node" boot_expect "$o" ktest $no_memory_status 'no memory'
	dtb zero-timebase "timebase-frequency 0" boot_expect "$o" ktest 2 \
		'panic - not syncing: the device tree has no usable /cpus/timebase-frequency'
	if [ -n "$builtin" ]; then
		dtb no-timebase "no timebase-frequency" boot_expect "$o" ktest 2 \
			'panic - not syncing: the device tree has no usable /cpus/timebase-frequency'
	else	# OpenSBI would hang: the launcher refuses the tree (qemu-cmd.sh)
		dtb no-timebase "no timebase-frequency (refused before OpenSBI)" \
			boot_expect "$o" ktest 2 'qemu-cmd.sh: .* has no /cpus/timebase-frequency'
	fi
	dtb cpu0-disabled "the boot hart's CPU node disabled" cpu0_disabled_ok "$o"
	dtb memory-too-large "a memory node 4 times the RAM" boot_expect "$o" ktest 2 \
		'panic - not syncing: Memory: the device tree describes RAM at 0x[0-9a-f]+-0x[0-9a-f]+, but 0x[0-9a-f]+ does not answer'
	dtb too-many-reservations "more reserved ranges than MEMBLOCK_MAX_REGIONS" \
		boot_expect "$o" ktest 2 'panic - not syncing: memblock: no room to reserve .*MEMBLOCK_MAX_REGIONS'
	dtb too-big "a tree larger than the kernel reads" boot_expect "$o" ktest \
		$no_memory_status '(panic - not syncing: no usable device tree at|^tern-fw: )'
	[ "$(grep -cE '^CONFIG_USER_(INIT|SH)=y' "$o/.config")" = 2 ] && BOOT_INPUT='poweroff\n' \
	dtb bootargs-without-nul "bootargs without its NUL" boot_expect "$o" "" 0 \
		'/chosen/bootargs is not a NUL-terminated string \(5 bytes\): ignored' 'powering off'
}

for f in "$srctree"/configs/*_defconfig; do
	name=$(basename "$f")
	test_config "${name%_defconfig}" "$work/${name%_defconfig}" "$name"
done
stage "machine shapes and bad device trees"
if [ -f "$work/qemu_virt/.config" ]; then
	shape_sweep qemu_virt "$work/qemu_virt" 4096:2 64:1
	bad_dtb_tests qemu_virt "$work/qemu_virt"
fi
if [ -f "$work/qemu_virt32/.config" ]; then
	shape_sweep qemu_virt32 "$work/qemu_virt32" 2048:3 64:1
	bad_dtb_tests qemu_virt32 "$work/qemu_virt32"
fi
[ -f "$work/qemu_sifive_u/.config" ] && shape_sweep qemu_sifive_u "$work/qemu_sifive_u" 1024:3
# arch/riscv/kernel calls the generic kernel only at its entry points and
# services, never round a loop through both (scripts/check-layering.py).
stage "layering"
# The boot page table's builder runs before the MMU is on: PC-relative
# references only (scripts/check-early-code.sh).
for b in qemu_virt qemu_virt32; do
	[ -f "$work/$b/vmlinux" ] && check "$b: arch and generic code meet only at hooks" \
		"$work/$b.layering.log" "$srctree/scripts/check-layering.py" "$work/$b"
	grep -q '^CONFIG_MMU=y' "$work/$b/.config" 2>/dev/null &&
		check "$b: the code that runs with the MMU off is PC-relative" \
			"$work/$b.early.log" "$srctree/scripts/check-early-code.sh" "$work/$b"
done
for combo in $TEST_MATRIX; do
	IFS=+ read -r -a parts <<<"$combo"
	label=$(echo "$combo" | sed 's/_defconfig//; s/\.config//g; s/+/+/g')
	test_config "$label" "$work/$label" "${parts[@]}"
done

# Corrupt device trees on both built-in-firmware builds of the matrix.
corpus_stage() {
	"$srctree/scripts/test-dtb-corpus.sh" "$work/dtb-corpus" "$work/qemu_virt32" \
		"$work/qemu_virt+builtin-firmware" >"$work/dtb-corpus.log" 2>&1
	grep -E '^  (PASS|FAIL) ' "$work/dtb-corpus.log" | grep -v '^  PASS ' || true
	stage_counts "corrupt device trees" "$work/dtb-corpus.log"
	echo "  done    corrupt device trees (log: $work/dtb-corpus.log)"
}
bg corpus_stage

# Static glibc programs against Linux (qemu-riscv64), on the rv64 defconfig.
linux_stage() {
	JOBS=1 "$srctree/scripts/test-linux.sh" "$work/linux" "$work/qemu_virt" \
		>"$work/linux.log" 2>&1
	grep -E '^(FAIL|TODO) ' "$work/linux.log" | sed 's/^/  /' || true
	stage_counts "differential tests against Linux" "$work/linux.log"
	echo "  done    differential tests against Linux (log: $work/linux.log)"
}
grep -q '^CONFIG_PROCESSES=y' "$work/qemu_virt/.config" 2>/dev/null && bg linux_stage

# The first process: rdinit=, init=, the fallbacks, argv/envp, pid 1's exit.
init_stage() {
	"$srctree/scripts/test-init.sh" "$work/init" "$work/qemu_virt" >"$work/init.log" 2>&1
	grep -E '^FAIL ' "$work/init.log" | sed 's/^/  /' || true
	stage_counts "first-process boots" "$work/init.log"
	echo "  done    first-process boots (log: $work/init.log)"
}
grep -q '^CONFIG_PROCESSES=y' "$work/qemu_virt/.config" 2>/dev/null && bg init_stage

stage "build system"
"$srctree/scripts/test-kbuild.sh" "$work/kbuild" | tee "$work/kbuild.log" | grep -v ' passed, '
stage_counts "build system tests" "$work/kbuild.log"

for t in allnoconfig allyesconfig; do
	test_config "$t" "$work/$t" "$t"
done

for seed in ${RANDCONFIG_SEEDS:-1 2 3}; do
	test_config "randconfig-$seed" "$work/randconfig-$seed" randconfig KCONFIG_SEED="$seed"
done

wait
passed=$(awk '$1 == "PASS" { n += $2 } END { print n + 0 }' "$results")
failed=$(grep -c '^FAIL ' "$results")
echo
if [ "$failed" -ne 0 ]; then
	echo "Failed:"
	sed -n 's/^FAIL /  /p' "$results"
fi
echo "make test took $SECONDS s (each check's start and end: $work/timing)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
