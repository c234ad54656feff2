// SPDX-License-Identifier: MIT
/*
 * vmalloc without an MMU (include/tern/vmalloc.h): memory is only
 * contiguous physically, so vmalloc is kmalloc, and there are no
 * virtual areas to hand out.
 */
#include <tern/slab.h>
#include <tern/vmalloc.h>

void *vmalloc(size_t size)
{
	return kmalloc(size, GFP_KERNEL);
}

void *vzalloc(size_t size)
{
	return kzalloc(size, GFP_KERNEL);
}

void vfree(const void *addr)
{
	kfree(addr);
}

bool is_vmalloc_addr(const void *addr)
{
	return false;
}

struct vm_area *get_vm_area(unsigned long size, unsigned long align)
{
	return NULL;	/* addresses are physical: there is no area to reserve */
}

void free_vm_area(struct vm_area *area)
{
}

struct vm_area *find_vm_area(const void *addr)
{
	return NULL;
}

void vmalloc_init(void)
{
}
