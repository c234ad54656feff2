// SPDX-License-Identifier: MIT
/*
 * The ELF loader with an MMU: maps a static executable (ET_EXEC at its
 * addresses, ET_DYN -- static-PIE -- at ELF_ET_DYN_BASE) into the
 * current address space and builds its stack.  The checks and the stack
 * layout are lib/elf.c's (pure, host-tested) and binfmt_elf.c's; here is
 * the part that touches the address space.  As in Linux, the kernel does not relocate: a
 * static-PIE relocates itself (glibc's _dl_relocate_static_pie).
 * PT_INTERP (a dynamically linked program) is refused with -ENOEXEC:
 * there is no dynamic linker to load.
 *
 * Called by exec.c with a fresh, unshared mm current; on failure exec.c
 * throws that mm away, so nothing here needs undoing.
 */
#include <asm/elf.h>
#include <tern/binfmts.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/pgalloc.h>
#include <tern/process.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/uaccess.h>

#include "binfmt_elf.h"

#define STACK_INITIAL		(128 * 1024UL)	/* mapped at exec; it grows on faults */
#define ALIGN_UP_PAGE(x)	ALIGN_UP(x, PAGE_SIZE)

/* Copies filesz bytes of the file at offset to user address addr, a page at a time. */
static int copy_file_part(struct linux_binprm *bprm, unsigned long addr, u64 offset,
			  u64 filesz, void *page)
{
	while (filesz) {
		size_t n = MIN(filesz, (u64)PAGE_SIZE);
		int err = binprm_read_exact(bprm, page, n, offset);

		if (err)
			return err;
		if (copy_to_user((void __user *)addr, page, n))
			return -EFAULT;
		addr += n;
		offset += n;
		filesz -= n;
	}
	return 0;
}

static unsigned long seg_prot(u32 flags)
{
	return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
	       (flags & PF_X ? PROT_EXEC : 0);
}

/*
 * Gives each segment its protection.  A page two segments share gets
 * both protections; pages between segments are unmapped.
 */
static int protect_segments(struct mm_struct *mm, const struct elf_info *info,
			    unsigned long bias)
{
	unsigned long prev_end = 0, prev_prot = 0;
	unsigned int i;
	int err = 0;

	for (i = 0; i < info->nr_load && !err; i++) {
		const struct elf_seg *s = &info->load[i];
		unsigned long start = (bias + s->vaddr) & PAGE_MASK;
		unsigned long end = ALIGN_UP_PAGE(bias + s->vaddr + s->memsz);
		unsigned long prot = seg_prot(s->flags);

		if (prev_end > start) {		/* shares its first page with the last */
			err = do_mprotect(mm, start, PAGE_SIZE, prot | prev_prot);
			start += PAGE_SIZE;
		} else if (i && prev_end < start) {
			err = do_munmap(mm, prev_end, start - prev_end);
		}
		if (!err && start < end)
			err = do_mprotect(mm, start, end - start, prot);
		prev_end = end;
		prev_prot = prot;
	}
	return err;
}

/*
 * Whether the file parts can be mapped rather than copied: each segment's
 * file offset and address agree modulo the page size (as ld lays them
 * out), and no two segments touch one page.
 */
static bool segments_mappable(const struct elf_info *info, unsigned long bias)
{
	unsigned long prev_end = 0;
	unsigned int i;

	for (i = 0; i < info->nr_load; i++) {
		const struct elf_seg *s = &info->load[i];
		unsigned long addr = bias + s->vaddr;

		if ((s->offset ^ addr) & ~PAGE_MASK || (addr & PAGE_MASK) < prev_end)
			return false;
		prev_end = ALIGN_UP_PAGE(addr + s->memsz);
	}
	return true;
}

/*
 * Maps each segment's file part privately over the extent (mm/filemap.c
 * reads a page at its first touch; a write copies it), so an exec costs
 * the pages the program touches, not its size.  The rest of the page the
 * file part ends in is the file's next bytes: before a bss it is zeroed
 * (that write takes the page's private copy).
 */
static int map_file_parts(struct file *file, const struct elf_info *info, unsigned long bias)
{
	struct mm_struct *mm = current->mm;
	unsigned int i;
	int err = 0;

	for (i = 0; i < info->nr_load && !err; i++) {
		const struct elf_seg *s = &info->load[i];
		unsigned long addr = bias + s->vaddr, start = addr & PAGE_MASK;
		unsigned long file_end = addr + s->filesz, got;

		if (!s->filesz)
			continue;
		err = do_mmap_file(mm, start, file_end - start, PROT_READ | PROT_WRITE,
				   MAP_FIXED | MAP_PRIVATE, file,
				   (s->offset - (addr - start)) >> PAGE_SHIFT, &got);
		if (!err && s->memsz > s->filesz && (file_end & ~PAGE_MASK) &&
		    clear_user((void __user *)file_end, ALIGN_UP_PAGE(file_end) - file_end))
			err = -EFAULT;
	}
	return err;
}

/* Copies each segment's file part in (a program in kernel memory, or an odd layout). */
static int copy_file_parts(struct linux_binprm *bprm, const struct elf_info *info,
			   unsigned long bias)
{
	void *page = alloc_page(GFP_KERNEL);
	unsigned int i;
	int err = 0;

	if (!page)
		return -ENOMEM;
	for (i = 0; i < info->nr_load && !err; i++)
		err = copy_file_part(bprm, bias + info->load[i].vaddr, info->load[i].offset,
				     info->load[i].filesz, page);
	free_page(page);
	return err;
}

/* Maps the segments' extent read-write, brings the file parts in (bss stays zero), protects. */
static int map_segments(struct linux_binprm *bprm, const struct elf_info *info,
			unsigned long bias)
{
	struct mm_struct *mm = current->mm;
	struct file *file = binprm_file(bprm);
	unsigned long addr;
	int err;

	err = do_mmap(mm, bias + info->lo, info->hi - info->lo, PROT_READ | PROT_WRITE,
		      MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, &addr);
	if (err)
		return err;
	if (file && segments_mappable(info, bias))
		err = map_file_parts(file, info, bias);
	else
		err = copy_file_parts(bprm, info, bias);
	if (!err)
		err = protect_segments(mm, info, bias);
	if (!err)
		flush_icache_mm(mm);
	return err;
}

/* Maps the stack and writes argc, argv, envp, auxv on it; the user sp in *sp. */
static int setup_stack(struct linux_binprm *bprm, const struct exec_args *args,
		       const struct elf_info *info, unsigned long bias, unsigned long *sp)
{
	size_t img_len = elf_stack_image_len(bprm, args);
	unsigned long map_len = MAX(STACK_INITIAL, ALIGN_UP_PAGE(img_len) + PAGE_SIZE), addr;
	u64 usp;
	u8 *img;
	int err;

	if (img_len > MAX_ARG_TOTAL + PAGE_SIZE)
		return -E2BIG;
	err = do_mmap(current->mm, STACK_TOP - map_len, map_len,
		      PROT_READ | PROT_WRITE | (info->exec_stack ? PROT_EXEC : 0),
		      MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, &addr);
	if (err)
		return err;
	img = kmalloc(img_len, GFP_KERNEL);
	if (!img)
		return -ENOMEM;
	err = elf_build_stack_image(bprm, args, info, bias, STACK_TOP, img, img_len, &usp);
	elf_set_arg_range(current->mm, bprm, args, STACK_TOP);
	if (!err && copy_to_user((void __user *)(unsigned long)usp,
				 img + (img_len - (STACK_TOP - usp)), STACK_TOP - usp))
		err = -EFAULT;
	kfree(img);
	current->mm->start_stack = (unsigned long)usp;
	*sp = usp;
	return err;
}

int load_elf_binary(struct linux_binprm *bprm, const struct exec_args *args,
		    unsigned long *entry, unsigned long *sp)
{
	struct mm_struct *mm = current->mm;
	struct elf_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	unsigned long bias = 0;
	int err;

	if (!info)
		return -ENOMEM;
	err = elf_read_headers(bprm, info, MMAP_MIN_ADDR, TASK_SIZE);
	if (!err && info->type == ET_DYN)
		bias = ELF_ET_DYN_BASE - info->lo;
	if (!err && bias + info->hi > STACK_TOP - MMAP_GAP)
		err = -ENOEXEC;		/* a huge static-PIE would meet the stack */
	if (!err)
		err = map_segments(bprm, info, bias);
	if (!err) {
		mm->start_brk = mm->brk = bias + info->hi;
		err = setup_stack(bprm, args, info, bias, sp);
	}
	if (!err)
		*entry = bias + info->entry;
	kfree(info);
	return err;
}
