#!/bin/sh
# SPDX-License-Identifier: MIT
# Start QEMU for the configured board: qemu-cmd.sh run|debug|print [BOOTARGS]
#
# Everything comes from the configuration (include/config/auto.conf): the
# QEMU binary from the ISA width, machine, hart model, memory and harts from the board,
# -bios from the firmware choice, semihosting from the power-off driver,
# virtio devices from the board's QEMU_VIRTIO_* symbols.  Environment:
# objtree (build folder), QEMU_ARGS (extra arguments for this run),
# QEMU_DEVICES (replaces the board's virtio devices; empty for none),
# ICOUNT=1 (-icount shift=0: guest time follows retired instructions
# while the harts run; an idle guest's clock still follows the host's),
# ICOUNT=exact (-icount shift=0,sleep=off: idle time too, so instruction
# counts repeat exactly: make bench; either, on more than one hart, with
# scripts/icount-nudge.py beside QEMU),
# GDB_PORT (debug, default 1234).
# QEMU's exit status is the guest's: 0 after a clean power-off.
set -e
mode=$1 bootargs=$2
: "${objtree:?objtree not set}"
conf=$objtree/include/config/auto.conf
[ -r "$conf" ] || { echo "qemu-cmd.sh: no $conf: configure first" >&2; exit 2; }
. "$conf"

if [ "$CONFIG_FIRMWARE_BUILTIN" = y ]; then
	bios=$objtree/arch/riscv/firmware/tern-fw.bin
else
	bios=default
fi
set -- "$CONFIG_QEMU_SYSTEM" -machine "$CONFIG_QEMU_MACHINE"
[ -n "${CONFIG_QEMU_CPU:-}" ] && set -- "$@" -cpu "$CONFIG_QEMU_CPU"
set -- "$@" -m "${CONFIG_QEMU_MEMORY_MB}M" -smp "$CONFIG_QEMU_SMP" \
	-bios "$bios" -kernel "$objtree/arch/riscv/boot/Image" \
	-nographic -no-reboot
[ -n "$bootargs" ] && set -- "$@" -append "$bootargs"
# The board's devices (Kconfig QEMU_VIRTIO_*), unless QEMU_DEVICES is set:
# then it replaces them (scripts/test.sh gives its own disks, or none, so
# that parallel boots of one build never share a writable image).
board_devices() {
	if [ "${CONFIG_QEMU_VIRTIO_DISK_MB:-0}" -gt 0 ]; then
		disk=$objtree/disk.img
		[ -e "$disk" ] || truncate -s "${CONFIG_QEMU_VIRTIO_DISK_MB}M" "$disk" ||
			{ echo "qemu-cmd.sh: cannot create $disk" >&2; exit 2; }
		echo "-drive if=none,id=disk0,format=raw,file=$disk -device virtio-blk-device,drive=disk0"
	fi
	[ "${CONFIG_QEMU_VIRTIO_RNG:-}" = y ] && echo "-device virtio-rng-device"
	[ "${CONFIG_QEMU_VIRTIO_NET_HUB:-}" = y ] &&
		echo "-netdev hubport,id=net0,hubid=0 -device virtio-net-device,netdev=net0" \
		     "-netdev hubport,id=net1,hubid=0 -device virtio-net-device,netdev=net1"
	return 0
}
if [ "${QEMU_DEVICES+set}" = set ]; then
	devices=$QEMU_DEVICES
else
	devices=$(board_devices) || exit 2
fi
# Word splitting is intended: the list is options and their values.
# shellcheck disable=SC2086
set -- "$@" $devices
# The semihosting power-off driver needs QEMU to answer its call.
[ "${CONFIG_POWER_RESET_SEMIHOSTING:-}" = y ] &&
	set -- "$@" -semihosting-config enable=on,target=native
# One host thread runs every hart: -icount needs it anyway, and QEMU 7.2's
# multi-threaded TCG was seen to stall for good under SMP IPI and timer
# traffic (a hart stuck in the firmware's IPI send, the gdbstub deaf).
if [ "${ICOUNT:-0}" = exact ]; then
	set -- "$@" -icount shift=0,sleep=off
elif [ "${ICOUNT:-0}" = 1 ]; then
	set -- "$@" -icount shift=0
else
	set -- "$@" -accel tcg,thread=single
fi
# Word splitting of the extra arguments is intended.  They come last, and
# QEMU takes the last -m, -smp and -cpu it is given: QEMU_ARGS="-m 1G -smp 2"
# changes the machine's shape (scripts/test.sh relies on it).
# shellcheck disable=SC2086
set -- "$@" $CONFIG_QEMU_EXTRA_ARGS ${QEMU_ARGS:-}

# OpenSBI 1.1 (QEMU 7.2's and Debian's) hangs in its own timer setup,
# before the kernel runs, on a device tree without
# /cpus/timebase-frequency: nothing the kernel does can report it.  When
# we hand QEMU such a tree ourselves (-dtb), say so instead of hanging.
# (A value of 0 gets past OpenSBI, and the kernel refuses it.)  Tern's
# firmware and the kernel refuse a missing one with a message of their own.
check_opensbi_dtb() {
	command -v fdtget >/dev/null 2>&1 || return 0
	fdtget "$1" /cpus timebase-frequency >/dev/null 2>&1 && return 0
	echo "qemu-cmd.sh: $1 has no /cpus/timebase-frequency:" \
	     "OpenSBI 1.1 would hang on it before the kernel starts;" \
	     "boot it with the built-in firmware (builtin-firmware.config) to see the kernel refuse it" >&2
	exit 2
}
if [ "$bios" = default ]; then
	prev=
	for arg in "$@"; do
		[ "$prev" = -dtb ] && check_opensbi_dtb "$arg"
		prev=$arg
	done
fi

# The harts of the machine: the last -smp's count (QEMU takes the last).
harts() {
	n=1 prev=
	for arg in "$@"; do
		[ "$prev" = -smp ] && n=$(echo "$arg" | sed 's/^cpus=//; s/[^0-9].*//')
		prev=$arg
	done
	echo "${n:-1}"
}

case $mode in
print)	echo "$@" ;;
run)	# -icount on more than one hart: QEMU 7.2's round robin can starve
	# a hart for good; icount-nudge.py restarts it from the monitor
	# every 2 s (the script says why; the guest sees nothing of it).
	if [ "${ICOUNT:-0}" != 0 ] && [ "$(harts "$@")" -gt 1 ]; then
		monitor=$(mktemp -u "${TMPDIR:-/tmp}/tern-qemu-monitor.XXXXXX")
		set -- "$@" -monitor "unix:$monitor,server=on,wait=off"
		"$(dirname "$0")/icount-nudge.py" "$monitor" &
	fi
	[ "${KBUILD_VERBOSE:-0}" = 1 ] && echo "$@"
	# OpenSBI's UART set-up drops the byte the receiver holds, and QEMU
	# hands piped input over from the first instruction: a scripted
	# session (stdin not a terminal) would lose its first byte.  A newline
	# goes first, for OpenSBI to drop (an empty command line if it does not).
	if [ "$bios" = default ] && [ ! -t 0 ]; then
		{ printf '\n'; exec cat; } | "$@"
		exit $?
	fi
	exec "$@" ;;
debug)
	port=${GDB_PORT:-1234}
	command -v gdb-multiarch >/dev/null || {
		echo "make debug needs gdb-multiarch: apt-get install gdb-multiarch" >&2; exit 1; }
	"$@" -S -gdb "tcp::$port" -monitor none -serial file:"$objtree/debug-console.log" &
	qemu=$!
	echo "QEMU halted at reset (pid $qemu); console output goes to $objtree/debug-console.log"
	gdb-multiarch "$objtree/vmlinux" -ex "target remote :$port" -ex "break start_kernel"
	kill "$qemu" 2>/dev/null || true ;;
*)	echo "usage: qemu-cmd.sh run|debug|print [bootargs]" >&2; exit 2 ;;
esac
