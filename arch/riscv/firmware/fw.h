/* SPDX-License-Identifier: MIT */
/*
 * Tern firmware: the M-mode SBI implementation that Tern carries for QEMU
 * virt (rv32 and rv64).  Internal interfaces shared by the files of
 * arch/riscv/firmware/; nothing outside this directory includes it.
 *
 * Memory layout (fw.lds.S), from FW_BASE up:
 *
 *	FW_BASE	+------------------------+ _fw_start
 *		| .text .rodata .data    |
 *		| .bss                   |
 *		| hart stacks            | FW_STACK_SIZE each, hart 0 lowest
 *		+------------------------+ _fw_end
 *		| (PMP round-up)         | entry 0 covers FW_BASE .. fw_region_end()
 *		+------------------------+ fw_region_end()
 *		| DTB copy with          | reserved_memory.c
 *		| /reserved-memory       |
 *		+------------------------+ next stage (0x80200000 / 0x80400000)
 *
 * S-mode sees the whole of memory except FW_BASE .. fw_region_end().
 */
#ifndef FW_H
#define FW_H

#define FW_BASE			0x80000000
#define FW_MAX_HARTS		CONFIG_FW_BUILTIN_MAX_HARTS
#define FW_STACK_SIZE		4096	/* deepest path (boot hart: DTB copy) uses ~1.2 KiB */
#define FW_IMAGE_LIMIT		0x100000	/* fw.lds.S asserts the image stays below 1 MiB */

/*
 * The top of each hart's stack holds the frame of a trap (entry.S).  Code
 * that runs outside a trap starts below it, so a trap taken in M-mode (a
 * device probe, a fatal fault) overwrites nothing that is still in use.
 */
#define FW_TRAP_FRAME_SIZE	(32 * (__riscv_xlen / 8))

/*
 * The board's UART and test device (arch/riscv/boards/), for the time
 * before the DTB names its own: they report a DTB the firmware refuses
 * and stop the machine.  0 when the board has none.
 */
#define FW_BOARD_UART		CONFIG_BOARD_UART_BASE
#define FW_BOARD_TEST_DEVICE	CONFIG_BOARD_TEST_DEVICE_BASE

#define FW_VERSION_MAJOR	1
#define FW_VERSION_MINOR	0

#ifndef __ASSEMBLER__

#include <tern/compiler.h>
#include <tern/types.h>
#include <asm/sbi.h>

/* OpenSBI's fw_dynamic interface: QEMU's reset vector passes one in a2. */
#define FW_DYNAMIC_MAGIC	0x4942534f	/* "OSBI" */
#define FW_DYNAMIC_NEXT_MODE_S	1
#define FW_DYNAMIC_ANY_HART	(~0UL)		/* boot_hart: "whoever comes first" */

struct fw_dynamic_info {
	unsigned long magic;
	unsigned long version;
	unsigned long next_addr;
	unsigned long next_mode;
	unsigned long options;
	unsigned long boot_hart;	/* version >= 2 only */
};

/* Registers of the interrupted context, saved by entry.S; index = x number. */
struct fw_regs {
	unsigned long zero, ra, sp, gp, tp, t0, t1, t2;
	unsigned long s0, s1, a0, a1, a2, a3, a4, a5;
	unsigned long a6, a7, s2, s3, s4, s5, s6, s7;
	unsigned long s8, s9, s10, s11, t3, t4, t5, t6;
};

/*
 * What the DTB told us; written by the boot hart before the others start.
 * uart and finisher hold the board's devices until the DTB is read; once
 * the firmware accepts the DTB, every device here is the DTB's and answers.
 */
struct fw_platform {
	uintptr_t uart;		/* ns16550a registers */
	uintptr_t clint;
	uintptr_t finisher;	/* sifive,test0/1 */
	u32 timebase;		/* Hz */
	u32 hart_mask;		/* harts present in the DTB with id < FW_MAX_HARTS */
	unsigned int nr_mem;
	struct { phys_addr_t base, size; } mem[4];	/* RAM, from /memory nodes */
};
extern struct fw_platform fw_plat;

/* Work another hart asks for, in fw_hart.pending; see ipi.c. */
#define FW_IPI_SSIP	(1U << 0)	/* raise mip.SSIP: an SBI IPI */
#define FW_IPI_FENCE	(1U << 1)	/* serve fence_req */
#define FW_IPI_START	(1U << 2)	/* leave the park loop: HSM hart_start */

struct fw_hart {
	int hsm_state;			/* SBI_HSM_STATE_*; AMOs only */
	unsigned int pending;		/* FW_IPI_*; set by amoor, taken by amoswap */
	unsigned long start_addr;	/* written by hart_start before FW_IPI_START */
	unsigned long start_arg;
	unsigned long fence_req;	/* rfence tickets handed out (amoadd) */
	unsigned long fence_done;	/* last ticket served; written by the owner only */
	bool sstc;			/* "riscv,isa" has Sstc: the timer is stimecmp */
};
extern struct fw_hart fw_harts[FW_MAX_HARTS];

/* Linker script symbols */
extern char _fw_start[], _fw_end[], _fw_bss_start[], _fw_bss_end[];

/*
 * MMIO with Linux's ordering rules: earlier memory writes reach memory
 * before a device write (a hart's pending bits before its MSIP), and a
 * device read completes before later memory reads.
 */
static inline void fw_write32(uintptr_t addr, u32 val)
{
	__asm__ __volatile__("fence w, o" ::: "memory");
	*(volatile u32 *)addr = val;
}

static inline u32 fw_read32(uintptr_t addr)
{
	u32 val = *(volatile u32 *)addr;
	__asm__ __volatile__("fence i, r" ::: "memory");
	return val;
}

static inline void fw_write8(uintptr_t addr, u8 val)
{
	__asm__ __volatile__("fence w, o" ::: "memory");
	*(volatile u8 *)addr = val;
}

static inline u8 fw_read8(uintptr_t addr)
{
	u8 val = *(volatile u8 *)addr;
	__asm__ __volatile__("fence i, r" ::: "memory");
	return val;
}

/* Device tree cells are big-endian. */
static inline u32 fw_be32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

static inline void fw_put_be32(void *p, u32 v)
{
	u8 *b = p;

	b[0] = v >> 24;
	b[1] = v >> 16;
	b[2] = v >> 8;
	b[3] = v;
}

static inline void fw_put_be64(void *p, u64 v)
{
	fw_put_be32(p, v >> 32);
	fw_put_be32((u8 *)p + 4, v);
}

static inline bool fw_hart_valid(unsigned long hartid)
{
	return hartid < FW_MAX_HARTS && (fw_plat.hart_mask & (1U << hartid));
}

/* main.c, called from head.S */
__noreturn void fw_main(unsigned long hartid, unsigned long dtb,
			const struct fw_dynamic_info *info);
__noreturn void fw_enter_supervisor(unsigned long hartid, unsigned long addr,
				    unsigned long arg);

/* platform.c */
int fw_platform_init(const void *dtb);

/* console.c: ns16550a UART, firmware printf and SBI DBCN */
bool fw_console_probe(uintptr_t base);
void fw_console_init(void);
void fw_console_putc(char c);
int fw_console_getc(void);
void fw_printf(const char *fmt, ...) __printf(1, 2);
void fw_printf_unlocked(const char *fmt, ...) __printf(1, 2);
struct sbiret fw_sbi_dbcn(unsigned long fid, const struct fw_regs *regs);

/* clint.c */
void fw_clint_set_msip(unsigned long hartid);
void fw_clint_clear_msip(unsigned long hartid);
void fw_clint_set_timecmp(unsigned long hartid, u64 when);

/* timer.c */
void fw_timer_hart_init(unsigned long hartid);
void fw_timer_set(unsigned long hartid, u64 when);
void fw_timer_stop(unsigned long hartid);
void fw_timer_irq(void);

/* ipi.c */
long fw_hart_mask_decode(unsigned long mask, unsigned long base, u32 *harts);
void fw_ipi_raise(unsigned long hartid, unsigned int bits);
unsigned int fw_ipi_take(unsigned long hartid);
void fw_ipi_irq(unsigned long hartid);
struct sbiret fw_sbi_send_ipi(unsigned long mask, unsigned long base);

/* rfence.c */
void fw_fence_serve(unsigned long hartid);
struct sbiret fw_sbi_rfence(unsigned long fid, const struct fw_regs *regs);

/* hsm.c */
void fw_hsm_init(unsigned long boot_hart);
__noreturn void fw_hsm_park(unsigned long hartid);
struct sbiret fw_sbi_hsm(unsigned long fid, const struct fw_regs *regs);

/* reset.c */
__noreturn void fw_poweroff(bool failure);
struct sbiret fw_sbi_srst(const struct fw_regs *regs);

/* pmp.c */
unsigned long fw_region_end(void);
void fw_pmp_init(void);
bool fw_s_memory_ok(phys_addr_t base, phys_addr_t size);

/* trap.c, called from entry.S */
void fw_trap(struct fw_regs *regs);

/*
 * entry.S: one load from a device that may not be there.  True if the load
 * completed; false if it raised an access fault, which fw_trap() then
 * skips.  Byte-wide for 8-bit registers, word-wide for 32-bit ones.
 */
bool fw_probe_lbu(uintptr_t addr);
bool fw_probe_lw(uintptr_t addr);
extern char fw_probe_lbu_insn[], fw_probe_lw_insn[];

/* sbi.c */
void fw_sbi_ecall(struct fw_regs *regs, unsigned long hartid);
bool fw_sbi_probe(unsigned long ext);

/* reserved_memory.c */
unsigned long fw_reserved_memory_publish(unsigned long dtb, unsigned long limit);

#endif /* __ASSEMBLER__ */
#endif
