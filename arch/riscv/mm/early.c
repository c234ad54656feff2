// SPDX-License-Identifier: MIT
/*
 * The boot page table (asm/mmu.h: paging_early_setup), built before the
 * MMU is on.
 *
 * Everything here runs at the kernel's physical address with the MMU off,
 * while the kernel is linked at virtual addresses, so it may only make
 * PC-relative references: no pointer stored in data is followed (no
 * printk, no tables of strings), no jump tables (-fno-jump-tables), and
 * it calls only the walker, the fixmap and lib/string.  It writes to
 * .bss, which the kernel reads later at the virtual address: the same
 * memory.
 *
 * The boot page table maps the whole linear map window, LINEAR_MAP_SIZE
 * from PHYS_RAM_BASE, in the largest leaves, read/write/execute, and the
 * fixmap, with the device tree in it when the window does not reach it:
 * enough for start_kernel to read the device tree and build the real
 * page table (init.c) with memory memblock hands out.
 */
#include <asm/csr.h>
#include <asm/fixmap.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/sbi.h>
#include <tern/compiler.h>
#include <tern/string.h>

#define ROOT_LEVEL	(PGTABLE_LEVELS - 1)
/* The leaf size the window is mapped with: 4 MiB on Sv32, 1 GiB on the others. */
#define EARLY_LEAF_LEVEL	(PGTABLE_LEVELS == 2 ? 1 : 2)
/* Tables below the root the window needs: Sv48 one, Sv57 two (none on Sv32, Sv39). */
#define EARLY_TABLES	(PGTABLE_LEVELS > 3 ? PGTABLE_LEVELS - 3 : 1)

_Static_assert(PHYS_RAM_BASE % LEVEL_SIZE(EARLY_LEAF_LEVEL) == 0,
	       "the boot page table maps RAM in 1 GiB (Sv32: 4 MiB) leaves: "
	       "CONFIG_BOARD_RAM_BASE must be aligned to that");

/* The sifive,test finisher (drivers/power/reset/sifive_test.c): fail, exit status 2. */
#define FINISHER_FAIL_2	(0x3333u | 2u << 16)

pteval_t early_pg_dir[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static pteval_t early_tables[EARLY_TABLES][PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static unsigned int early_tables_used;

unsigned long satp_modes_accepted;
static uintptr_t early_dtb_pa, early_dtb_va;	/* where paging_dtb_va finds it */

/* head.S: writes satp, reads it back and turns paging off again. */
unsigned long satp_probe(unsigned long satp);

static void early_putc(char c)
{
	register unsigned long a0 __asm__("a0") = (unsigned char)c;
	register unsigned long a7 __asm__("a7") = SBI_EXT_0_1_CONSOLE_PUTCHAR;

	__asm__ __volatile__("ecall" : "+r"(a0) : "r"(a7) : "a1", "memory");
}

static void early_puts(const char *s)
{
	while (*s)
		early_putc(*s++);
}

static void early_putnum(unsigned long v, unsigned int base)
{
	char buf[24];
	int i = 0;

	do {
		buf[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (i)
		early_putc(buf[--i]);
}

/* Stops the machine with exit status 2: through the board's test device, or SBI. */
static void __noreturn early_stop(void)
{
	register unsigned long a0 __asm__("a0") = SBI_SRST_TYPE_SHUTDOWN;
	register unsigned long a1 __asm__("a1") = SBI_SRST_REASON_SYSFAIL;
	register unsigned long a6 __asm__("a6") = SBI_SRST_RESET;
	register unsigned long a7 __asm__("a7") = SBI_EXT_SRST;

	if (CONFIG_BOARD_TEST_DEVICE_BASE)
		*(volatile u32 *)CONFIG_BOARD_TEST_DEVICE_BASE = FINISHER_FAIL_2;
	__asm__ __volatile__("ecall" : "+r"(a0), "+r"(a1) : "r"(a6), "r"(a7) : "memory");
	for (;;)
		__asm__ __volatile__("wfi");
}

/* head.S's trap vector until paging is on: nothing should trap here. */
void __noreturn early_trap(void);
void __noreturn early_trap(void)
{
	early_puts("tern: trap before paging was on: scause 0x");
	early_putnum(csr_read(scause), 16);
	early_puts(" sepc 0x");
	early_putnum(csr_read(sepc), 16);
	early_puts(" stval 0x");
	early_putnum(csr_read(stval), 16);
	early_putc('\n');
	early_stop();
}

/*
 * Does the hart keep satp.MODE mode, for a mode of the given levels?  The
 * probe's code page is mapped to itself by one root-level leaf, so the
 * hart can go on fetching while the mode is on.
 */
static bool probe_mode(unsigned long mode, unsigned int levels)
{
	unsigned int shift = 12 + (levels - 1) * PGTABLE_LEVEL_BITS;
	uintptr_t pc = (uintptr_t)satp_probe;
	unsigned int i = (unsigned int)(pc >> shift) & (PTRS_PER_TABLE - 1);
	unsigned long got;

	if (levels > 2 && (pc >> (11 + levels * PGTABLE_LEVEL_BITS)))
		return false;	/* the address is not canonical in that mode */
	early_pg_dir[i] = pfn_pte((phys_addr_t)(pc >> shift) << shift, PAGE_KERNEL_RWX);
	got = satp_probe(mode << SATP_MODE_SHIFT | (uintptr_t)early_pg_dir >> PAGE_SHIFT);
	early_pg_dir[i] = 0;
	return got >> SATP_MODE_SHIFT == mode;
}

static void probe_modes(void)
{
	if (PGTABLE_LEVELS == 2) {
		satp_modes_accepted |= probe_mode(SATP_MODE_SV32, 2) << SATP_MODE_SV32;
		return;
	}
	satp_modes_accepted |= (unsigned long)probe_mode(SATP_MODE_SV39, 3) << SATP_MODE_SV39;
	satp_modes_accepted |= (unsigned long)probe_mode(SATP_MODE_SV48, 4) << SATP_MODE_SV48;
	satp_modes_accepted |= (unsigned long)probe_mode(SATP_MODE_SV57, 5) << SATP_MODE_SV57;
}

/* "Sv48": the modes are named by their virtual address bits. */
static void early_put_mode(unsigned long mode)
{
	early_puts("Sv");
	early_putnum(mode == SATP_MODE_SV32 ? 32 : 39 + 9 * (mode - SATP_MODE_SV39), 10);
}

/* The configured mode is not there: name the best one that is, and stop. */
static void __noreturn refuse_mode(void)
{
	unsigned long m;

	early_put_mode(SATP_MODE_CONFIGURED);
	early_puts(" not supported by this hart; rebuild with ");
	for (m = SATP_MODE_CONFIGURED; m-- > SATP_MODE_SV39 && !(satp_modes_accepted & (1UL << m));)
		;
	if (PGTABLE_LEVELS > 2 && m >= SATP_MODE_SV39 && m < SATP_MODE_CONFIGURED)
		early_put_mode(m);
	else
		early_puts("paging off (PAGING_NONE)");
	early_putc('\n');
	early_stop();
}

static phys_addr_t early_alloc_table(void *unused)
{
	if (early_tables_used == EARLY_TABLES)
		return 0;
	return (uintptr_t)early_tables[early_tables_used++];	/* .bss: zeroed */
}

/* The device tree: in the window, or in the fixmap's slots for it. */
static void early_map_dtb(uintptr_t dtb_pa)
{
	phys_addr_t end = (phys_addr_t)dtb_pa + DTB_MAX_SIZE;

	early_dtb_pa = dtb_pa;
	if (!dtb_pa)
		return;
	if (dtb_pa >= PHYS_RAM_BASE && end <= (phys_addr_t)PHYS_RAM_BASE + LINEAR_MAP_SIZE) {
		early_dtb_va = dtb_pa - PHYS_RAM_BASE + PAGE_OFFSET;
	} else if (end - 1 <= PHYS_ADDR_LAST) {
		fixmap_set(FIX_DTB_FIRST, dtb_pa & PAGE_MASK, FIX_DTB_PAGES * PAGE_SIZE,
			   PAGE_KERNEL_RO);
		early_dtb_va = fix_to_virt(FIX_DTB_FIRST) + (dtb_pa & ~PAGE_MASK);
	}
}

unsigned long paging_early_setup(uintptr_t dtb_pa)
{
	struct pgtable pt;

	probe_modes();
	if (!(satp_modes_accepted & (1UL << SATP_MODE_CONFIGURED)))
		refuse_mode();
	memset(&pt, 0, sizeof(pt));
	pt.root = early_pg_dir;
	pt.alloc_table = early_alloc_table;	/* its address now: the physical one */
	if (pgtable_map(&pt, PAGE_OFFSET, PHYS_RAM_BASE, LINEAR_MAP_SIZE, PAGE_KERNEL_RWX,
			ROOT_LEVEL)) {
		early_puts("tern: cannot build the boot page table\n");
		early_stop();
	}
	fixmap_link(early_pg_dir, 0);
	early_map_dtb(dtb_pa);
	return (unsigned long)SATP_MODE_CONFIGURED << SATP_MODE_SHIFT |
	       (uintptr_t)early_pg_dir >> PAGE_SHIFT;
}

const void *paging_dtb_va(uintptr_t dtb_pa)
{
	return dtb_pa == early_dtb_pa ? (const void *)early_dtb_va : NULL;
}
