/* SPDX-License-Identifier: MIT */
/*
 * Kernel image layout.  The image starts with the Linux RISC-V image header
 * (head.S).  The firmware loads it at RAM base + the header's text_offset;
 * it is linked there too without paging, and at the same offset in the
 * linear map with it (asm/memlayout.h: KERNEL_LINK_ADDR).  It ends with
 * the kallsyms table so that adding the table moves nothing
 * (scripts/link-vmlinux.sh checks that).
 *
 * With paging, each part starts on a page, so that the page table can
 * give it its own permissions (arch/riscv/mm/init.c):
 *	[_start, __start_rodata)	text		read, execute
 *	[__start_rodata, __end_rodata)	rodata		read
 *	[__end_rodata, __end_rw)	data, bss, boot stack	read, write
 *	[__end_rw, _end)		kallsyms	read
 */
#include <asm/memlayout.h>

OUTPUT_ARCH(riscv)
ENTRY(_start)

#ifdef CONFIG_MMU
#define SECTION_ALIGN	4096
#else
#define SECTION_ALIGN	16
#endif

SECTIONS
{
	. = KERNEL_LINK_ADDR;
	_start = .;

	.text : {
		KEEP(*(.head.text))
		_stext = .;
		*(.text .text.*)
		_etext = .;
	}

	. = ALIGN(SECTION_ALIGN);
	__start_rodata = .;
	.rodata : {
		*(.rodata .rodata.* .srodata .srodata.*)
		. = ALIGN(16);
		__ktest_suites_start = .;
		KEEP(*(.ktest_suites))
		__ktest_suites_end = .;
		. = ALIGN(16);
		__initcall_early_start = .;
		KEEP(*(.initcalls.early))
		__initcall_core_start = .;
		KEEP(*(.initcalls.core))
		__initcall_arch_start = .;
		KEEP(*(.initcalls.arch))
		__initcall_subsys_start = .;
		KEEP(*(.initcalls.subsys))
		__initcall_device_start = .;
		KEEP(*(.initcalls.device))
		__initcall_late_start = .;
		KEEP(*(.initcalls.late))
		__initcall_end = .;
		. = ALIGN(16);
		__drivers_start = .;
		KEEP(*(.drivers))
		__drivers_end = .;
		. = ALIGN(16);
		__virtio_drivers_start = .;
		KEEP(*(.virtio_drivers))
		__virtio_drivers_end = .;
		. = ALIGN(16);
		__boot_params_start = .;
		KEEP(*(.boot_params))
		__boot_params_end = .;
		. = ALIGN(16);
		__ex_table_start = .;
		KEEP(*(__ex_table))
		__ex_table_end = .;
		. = ALIGN(16);
		__benches_start = .;
		KEEP(*(.benches))
		__benches_end = .;
		. = ALIGN(16);
		KEEP(*(.init.ramfs))
	}

	. = ALIGN(SECTION_ALIGN);
	__end_rodata = .;
	.data : {
		*(.data .data.*)
		__global_pointer$ = . + 0x800;
		*(.sdata .sdata.*)
	}

	. = ALIGN(16);
	.bss (NOLOAD) : {
		__bss_start = .;
		*(.sbss .sbss.* .bss .bss.* COMMON)
		. = ALIGN(16);
		__bss_end = .;
		. += CONFIG_BOOT_STACK_SIZE;
		boot_stack_top = .;
	}

	/*
	 * Last of all, so that its size cannot move anything: not even the
	 * gp-relative relaxation of accesses to .bss.  The Image therefore
	 * carries .bss as zeros.
	 */
	. = ALIGN(SECTION_ALIGN);
	__end_rw = .;
	.ksyms : {
		KEEP(*(.ksyms))
	}
	. = ALIGN(4096);
	_end = .;

	/DISCARD/ : {
		*(.comment .note .note.* .eh_frame .riscv.attributes)
	}
}
