// SPDX-License-Identifier: MIT
/*
 * ioremap without an MMU: the kernel reaches physical addresses directly,
 * so a mapping is the physical address as a pointer, and unmapping has
 * nothing to undo.  With paging, mm/vmalloc.c maps the range instead.
 */
#include <tern/io.h>

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	if (!size || phys > UINTPTR_MAX || size - 1 > UINTPTR_MAX - phys)
		return NULL;
	return (void __iomem *)(uintptr_t)phys;
}

void iounmap(volatile void __iomem *addr)
{
}
