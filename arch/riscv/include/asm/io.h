/* SPDX-License-Identifier: MIT */
/*
 * Device register access (MMIO) with the ordering Linux gives readl and
 * writel on RISC-V:
 *
 *   readX   the load, then "fence i,r": it completes before any later
 *           memory read, so a buffer the device filled is read after the
 *           status register that said it is full.
 *   writeX  "fence w,o", then the store: every earlier memory write is
 *           visible to the device first, so a descriptor is in memory
 *           before the doorbell register is written.
 *   _relaxed  no fence: ordered with the other accesses to the same
 *           device only; for registers no memory access depends on.
 *
 * Each is exactly one load or store of its width (b 8, w 16, l 32,
 * q 64 bits; q only on rv64: a 64-bit register on rv32 takes two readl).
 * Registers are little-endian, as the harts are.  Addresses come from
 * ioremap (<tern/io.h>), never from a physical address cast to a pointer.
 */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <tern/compiler.h>
#include <tern/types.h>

#define __io_ar()	__asm__ __volatile__("fence i, r" ::: "memory")
#define __io_bw()	__asm__ __volatile__("fence w, o" ::: "memory")

#define __IO_ACCESSORS(sfx, type, load, store)				\
static inline type __raw_read##sfx(const volatile void __iomem *addr)	\
{									\
	type v;								\
									\
	__asm__ __volatile__(load " %0, 0(%1)"				\
			     : "=r"(v) : "r"(addr) : "memory");		\
	return v;							\
}									\
									\
static inline void __raw_write##sfx(type v, volatile void __iomem *addr) \
{									\
	__asm__ __volatile__(store " %0, 0(%1)"				\
			     : : "r"(v), "r"(addr) : "memory");		\
}									\
									\
static inline type read##sfx##_relaxed(const volatile void __iomem *addr) \
{									\
	return __raw_read##sfx(addr);					\
}									\
									\
static inline void write##sfx##_relaxed(type v, volatile void __iomem *addr) \
{									\
	__raw_write##sfx(v, addr);					\
}									\
									\
static inline type read##sfx(const volatile void __iomem *addr)	\
{									\
	type v = __raw_read##sfx(addr);					\
									\
	__io_ar();							\
	return v;							\
}									\
									\
static inline void write##sfx(type v, volatile void __iomem *addr)	\
{									\
	__io_bw();							\
	__raw_write##sfx(v, addr);					\
}

__IO_ACCESSORS(b, u8, "lbu", "sb")
__IO_ACCESSORS(w, u16, "lhu", "sh")
__IO_ACCESSORS(l, u32, "lw", "sw")
#if __riscv_xlen == 64
__IO_ACCESSORS(q, u64, "ld", "sd")
#endif

#undef __IO_ACCESSORS

#endif
