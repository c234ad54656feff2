/* SPDX-License-Identifier: MIT */
/*
 * Device registers: a driver maps the physical range its device tree
 * node gives (reg) with ioremap, and reaches the registers only through
 * the accessors of asm/io.h (readl, writel, ...) on the pointer it got.
 *
 * Without an MMU (PAGING_NONE) the mapping is the physical address
 * itself (mm/ioremap_nommu.c); with paging it is a kernel virtual area
 * of uncached pages.  Either way the driver's code is the same.
 */
#ifndef TERN_IO_H
#define TERN_IO_H

#include <asm/io.h>
#include <tern/compiler.h>
#include <tern/types.h>

/*
 * Maps size bytes of registers at phys.  NULL if size is 0 or the range
 * cannot be reached (it wraps, or lies beyond the kernel's addresses).
 * May sleep (with paging it allocates); not from interrupt handlers.
 */
void __iomem *ioremap(phys_addr_t phys, size_t size);

/* Unmaps what ioremap returned; NULL is ignored.  Same context as ioremap. */
void iounmap(volatile void __iomem *addr);

#endif
