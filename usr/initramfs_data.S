/* SPDX-License-Identifier: MIT */
/*
 * The built-in initramfs: usr/initramfs.cpio (made by
 * scripts/gen-initramfs.sh) between __initramfs_start and
 * __initramfs_end, in its own section, which the linker script keeps in
 * the read-only data.  include/tern/initramfs.h reads it.
 */
	.section .init.ramfs, "a"
	.balign 4
	.globl __initramfs_start, __initramfs_end
__initramfs_start:
	.incbin INITRAMFS_IMAGE
__initramfs_end:
