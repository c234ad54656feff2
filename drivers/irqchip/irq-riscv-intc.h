/* SPDX-License-Identifier: MIT */
/* The harts' local interrupt controllers, for the controllers chained to them. */
#ifndef DRIVERS_IRQCHIP_IRQ_RISCV_INTC_H
#define DRIVERS_IRQCHIP_IRQ_RISCV_INTC_H

#include <tern/fdt.h>

/*
 * The CPU whose local interrupt controller is node of fdt, or -ENODEV if
 * node is none of the registered ones (another tree, a hart the kernel
 * does not run on, or no hart-local controller at all).
 */
int riscv_intc_cpu(const struct fdt *fdt, int node);

#endif
