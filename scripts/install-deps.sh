#!/bin/sh
# SPDX-License-Identifier: MIT
# Make sure the host has what Tern builds and runs with; install the
# missing Debian packages when we may (root, or sudo without a password),
# else name each missing package and fail.  Quick when all is there, and
# then silent.  Arguments name make goals with tools of their own:
#   install-deps.sh [tags] [cscope]
cross=${CROSS_COMPILE:-riscv64-unknown-elf-}
missing=""
need() {	# need <package> <test command...>
	pkg=$1; shift
	"$@" >/dev/null 2>&1 || missing="$missing $pkg"
}
need gcc-riscv64-unknown-elf command -v "${cross}gcc"
need qemu-system-misc command -v qemu-system-riscv64
need qemu-system-data test -e /usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin
need python3-kconfiglib /usr/bin/python3 -c 'import kconfiglib'
need gcc command -v gcc
need make command -v make
need git command -v git
need gdb-multiarch command -v gdb-multiarch
need device-tree-compiler command -v dtc
need fdisk sh -c "command -v sfdisk || test -x /usr/sbin/sfdisk"	# partitioned disk images for the block tests
need cpio command -v cpio				# the initramfs (newc archives)
need gcc-riscv64-linux-gnu command -v riscv64-linux-gnu-gcc	# tests/linux: static Linux programs
need libc6-dev-riscv64-cross test -e /usr/riscv64-linux-gnu/lib/libc.a
need qemu-user command -v qemu-riscv64			# Linux's answers for tests/linux
need picolibc-riscv64-unknown-elf test -e /usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs	# usr/
for goal; do
	case $goal in
	tags)	need universal-ctags command -v ctags ;;
	cscope)	need cscope command -v cscope ;;
	esac
done
[ -z "$missing" ] && exit 0

echo "Tern needs these Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo -n"
else
	echo "Not root and no password-less sudo: install them with" >&2
	echo "  sudo apt-get install$missing" >&2
	exit 1
fi
echo "Installing them with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2 &&
$sudo apt-get install -y -qq --no-install-recommends $missing >&2 || {
	echo "apt-get failed; install by hand:$missing" >&2
	exit 1
}
