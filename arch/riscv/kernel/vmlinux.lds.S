/* SPDX-License-Identifier: MIT */
/*
 * Kernel image layout.  The image starts with the Linux RISC-V image header
 * (head.S), is linked where the firmware loads it (RAM base + the header's
 * text_offset), and ends with the kallsyms table so that adding the table
 * moves nothing (scripts/link-vmlinux.sh checks that).
 */
OUTPUT_ARCH(riscv)
ENTRY(_start)

#define LOAD_ADDR (CONFIG_BOARD_RAM_BASE + CONFIG_KERNEL_TEXT_OFFSET)

SECTIONS
{
	. = LOAD_ADDR;
	_start = .;

	.text : {
		KEEP(*(.head.text))
		_stext = .;
		*(.text .text.*)
		_etext = .;
	}

	. = ALIGN(16);
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
	}

	. = ALIGN(16);
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
	. = ALIGN(16);
	.ksyms : {
		KEEP(*(.ksyms))
	}
	. = ALIGN(4096);
	_end = .;

	/DISCARD/ : {
		*(.comment .note .note.* .eh_frame .riscv.attributes)
	}
}
