// SPDX-License-Identifier: MIT
/*
 * The ELF loader without an MMU (Documentation/process.md, "Without an
 * MMU"): a static-PIE (ET_DYN without PT_INTERP) is copied into one
 * block of physical memory the page allocator picks (mm_add_program:
 * the image, a fixed heap after it, the stack on top), its
 * R_RISCV_RELATIVE relocations are applied for that address
 * (lib/elf.c's elf_relocate), and its stack is built as with an MMU,
 * the auxiliary vector giving the loaded addresses.  An ET_EXEC, which
 * needs its link addresses, is refused: -ENOEXEC, with a line in the
 * log saying why, as for a relocation the loader does not know.
 *
 * Called by exec.c with a fresh mm current; on failure exec.c drops
 * that mm and with it the block, so nothing here needs undoing.
 */
#include <asm/cacheflush.h>
#include <asm/elf.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/printk.h>
#include <tern/process.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/string.h>

#include "binfmt_elf.h"

/* Where link addresses may go: anywhere an ELF64 segment can sit and still fit (lib/elf.c). */
#define NOMMU_LINK_MAX		(1ULL << 62)

/* The stack: NOMMU_STACK_SIZE, less if RLIMIT_STACK says so, but room for the arguments. */
static unsigned long stack_len(size_t img_len)
{
	unsigned long len = MIN(NOMMU_STACK_SIZE, stack_rlimit()) & PAGE_MASK;

	return MAX(len, ALIGN_UP(img_len, PAGE_SIZE) + PAGE_SIZE);
}

static int copy_segments(struct linux_binprm *bprm, const struct elf_info *info,
			 unsigned long bias)
{
	unsigned int i;
	int err = 0;

	for (i = 0; i < info->nr_load && !err; i++)
		err = binprm_read_exact(bprm, (void *)(unsigned long)(bias + info->load[i].vaddr),
					info->load[i].filesz, info->load[i].offset);
	return err;
}

static int refuse(const struct linux_binprm *bprm, const char *why)
{
	printk("%s: cannot run without an MMU: %s\n", bprm->filename, why);
	return -ENOEXEC;
}

static int setup_stack(struct linux_binprm *bprm, const struct exec_args *args,
		       const struct elf_info *info, unsigned long bias, u64 stack_top,
		       unsigned long *sp)
{
	size_t img_len = elf_stack_image_len(bprm, args);
	u8 *img = kmalloc(img_len, GFP_KERNEL);
	u64 usp;
	int err;

	if (!img)
		return -ENOMEM;
	err = elf_build_stack_image(bprm, args, info, bias, stack_top, img, img_len, &usp);
	if (!err) {
		memcpy((void *)(unsigned long)usp, img + (img_len - (stack_top - usp)),
		       stack_top - usp);
		elf_set_arg_range(current->mm, bprm, args, stack_top);
		current->mm->start_stack = (unsigned long)usp;
	}
	kfree(img);
	*sp = usp;
	return err;
}

int load_elf_binary(struct linux_binprm *bprm, const struct exec_args *args,
		    unsigned long *entry, unsigned long *sp)
{
	struct elf_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	size_t img_len = elf_stack_image_len(bprm, args);
	unsigned long base, bias, image, stack;
	const char *why;
	int err;

	if (!info)
		return -ENOMEM;
	if (img_len > MAX_ARG_TOTAL + PAGE_SIZE) {
		err = -E2BIG;
		goto out;
	}
	/* Any link addresses first, so that every ET_EXEC is refused saying why. */
	err = elf_read_headers(bprm, info, 0, NOMMU_LINK_MAX);
	if (!err && info->type != ET_DYN)
		err = refuse(bprm, "not a static-PIE (ET_EXEC needs its link addresses)");
	if (!err && info->hi - info->lo > NOMMU_IMAGE_MAX)
		err = refuse(bprm, "the image is larger than the loader takes");
	if (err)
		goto out;
	image = info->hi - info->lo;
	stack = stack_len(img_len);
	err = mm_add_program(current->mm, image, NOMMU_BRK_SIZE, stack, &base);
	if (err)
		goto out;
	bias = base - info->lo;
	err = copy_segments(bprm, info, bias);
	if (!err && elf_relocate((u8 *)base, info->lo, image, bias, info->dyn_vaddr,
				 info->dyn_size, ELF_CLASS, &why))
		err = refuse(bprm, why);
	if (!err) {
		flush_icache_all();
		err = setup_stack(bprm, args, info, bias, base + image + NOMMU_BRK_SIZE + stack, sp);
	}
	if (!err)
		*entry = bias + info->entry;
out:
	kfree(info);
	return err;
}
