#!/bin/sh
# SPDX-License-Identifier: MIT
# Makes the disk images the ktest suite "block" uses and prints the QEMU
# arguments that attach them as virtio-blk devices, then a virtio-rng
# device and two virtio-net cards joined by a QEMU hub (suites "random"
# and "net"; no host network), eight virtio-mmio slots in all:
#   test-disks.sh <folder>
# scratch.img  16 MiB, sector 0 "TERN-KTEST-SCRATCH": the only disk the tests write
# ro.img       1 MiB, "TERN-KTEST-READONLY", attached read-only
# mbr.img      8 MiB, MBR: 1 2 primary, 3 extended holding 5 6 (sfdisk)
# gpt.img      8 MiB, GPT: 1 2 3 (sfdisk)
# badgpt.img   gpt.img with its header CRC broken: the kernel must refuse it
# Each boot needs its own folder: QEMU locks the images it writes.
set -e
d=${1:?usage: test-disks.sh <folder>}
mkdir -p "$d"
sfdisk=$(command -v sfdisk || echo /usr/sbin/sfdisk)	# often not on a user's PATH
img() { rm -f "$d/$1"; truncate -s "$2" "$d/$1"; }
img scratch.img 16M
printf 'TERN-KTEST-SCRATCH\n' | dd of="$d/scratch.img" conv=notrunc status=none
img ro.img 1M
printf 'TERN-KTEST-READONLY\n' | dd of="$d/ro.img" conv=notrunc status=none
img mbr.img 8M
printf 'label: dos\nstart=2048, size=4096, type=83\nstart=6144, size=2048, type=83
start=8192, type=5\nsize=2048, type=83\nsize=2048, type=83\n' | "$sfdisk" -q "$d/mbr.img" >/dev/null
img gpt.img 8M
printf 'label: gpt\nstart=2048, size=2048\nstart=4096, size=4096\nstart=10240, size=2048\n' |
	"$sfdisk" -q "$d/gpt.img" >/dev/null
cp "$d/gpt.img" "$d/badgpt.img"
# a byte of the primary header's disk GUID (sector 1, offset 56)
printf '\377' | dd of="$d/badgpt.img" bs=1 seek=$((512 + 56)) conv=notrunc status=none
n=0
for f in scratch.img ro.img,readonly=on mbr.img gpt.img badgpt.img; do
	printf -- '-drive if=none,id=disk%d,format=raw,file=%s/%s -device virtio-blk-device,drive=disk%d ' \
		$n "$d" "$f" $n
	n=$((n + 1))
done
printf -- '-device virtio-rng-device '
printf -- '-netdev hubport,id=net%d,hubid=0 -device virtio-net-device,netdev=net%d ' 0 0 1 1
echo
