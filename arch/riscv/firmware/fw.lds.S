/* SPDX-License-Identifier: MIT */
/*
 * Linker script of the Tern firmware (tern-fw.elf / tern-fw.bin).  QEMU
 * loads -bios images at FW_BASE and jumps to the first byte, so head.S's
 * .text.head comes first.  See fw.h for the layout.
 */
#include <generated/autoconf.h>
#include "fw.h"

OUTPUT_ARCH(riscv)
ENTRY(_start)

SECTIONS
{
	. = FW_BASE;
	_fw_start = .;

	.text : {
		KEEP(*(.text.head))
		*(.text .text.*)
	}
	.rodata : ALIGN(16) {
		*(.rodata .rodata.* .srodata .srodata.*)
	}
	.data : ALIGN(16) {
		*(.data .data.* .sdata .sdata.*)
	}
	.bss (NOLOAD) : ALIGN(16) {
		_fw_bss_start = .;
		*(.bss .bss.* .sbss .sbss.* COMMON)
		_fw_bss_end = .;
	}
	/* Hart n's stack is [_fw_stacks + n * FW_STACK_SIZE, + FW_STACK_SIZE). */
	.stacks (NOLOAD) : ALIGN(16) {
		_fw_stacks = .;
		. += FW_STACK_SIZE * FW_MAX_HARTS;
	}
	_fw_end = .;

	/DISCARD/ : {
		*(.comment) *(.note .note.*) *(.eh_frame .eh_frame_hdr)
	}
}

ASSERT(_fw_end - _fw_start <= FW_IMAGE_LIMIT, "Tern firmware too big: the kernel loads at 2 MiB")
