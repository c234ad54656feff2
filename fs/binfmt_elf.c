// SPDX-License-Identifier: MIT
/*
 * The ELF loader: maps a static executable (ET_EXEC at its addresses,
 * ET_DYN -- static-PIE -- at ELF_ET_DYN_BASE) into the current address
 * space and builds its stack.  The checks and the stack layout are
 * lib/elf.c's (pure, host-tested); here is the part that touches the
 * address space.  As in Linux, the kernel does not relocate: a
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
#include <tern/random.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/timer.h>
#include <tern/uaccess.h>

#define AT_CLKTCK		17
#define USER_HZ			100
#define STACK_INITIAL		(128 * 1024UL)	/* mapped at exec; it grows on faults */
#define NR_AUXV			17
#define ALIGN_UP_PAGE(x)	ALIGN_UP(x, PAGE_SIZE)

static int read_elf_headers(struct linux_binprm *bprm, struct elf_info *info)
{
	size_t len;
	void *phdrs;
	int err;

	err = elf_parse_ehdr(bprm->buf, bprm->buf_len, bprm->size, ELF_CLASS, info);
	if (err)
		return err;
	len = (size_t)info->phnum * info->phentsize;	/* at most 64 * 56 bytes */
	phdrs = kmalloc(len, GFP_KERNEL);
	if (!phdrs)
		return -ENOMEM;
	err = binprm_read_exact(bprm, phdrs, len, info->phoff);
	if (!err)
		err = elf_parse_phdrs(phdrs, len, bprm->size, MMAP_MIN_ADDR, TASK_SIZE, info);
	kfree(phdrs);
	if (!err && info->has_interp)
		err = -ENOEXEC;
	return err;
}

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

/* Maps the segments' extent read-write, copies the file parts (bss stays zero), protects. */
static int map_segments(struct linux_binprm *bprm, const struct elf_info *info,
			unsigned long bias)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr;
	unsigned int i;
	void *page;
	int err;

	err = do_mmap(mm, bias + info->lo, info->hi - info->lo, PROT_READ | PROT_WRITE,
		      MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, &addr);
	if (err)
		return err;
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	for (i = 0; i < info->nr_load && !err; i++)
		err = copy_file_part(bprm, bias + info->load[i].vaddr, info->load[i].offset,
				     info->load[i].filesz, page);
	free_page(page);
	if (!err)
		err = protect_segments(mm, info, bias);
	if (!err)
		flush_icache_mm(mm);
	return err;
}

static void fill_auxv(u64 *auxv, const struct elf_info *info, unsigned long bias)
{
	const u64 pairs[NR_AUXV][2] = {
		{ AT_HWCAP, elf_hwcap() },
		{ AT_PAGESZ, PAGE_SIZE },
		{ AT_CLKTCK, USER_HZ },
		{ AT_PHDR, info->phdr_vaddr ? bias + info->phdr_vaddr : 0 },
		{ AT_PHENT, info->phentsize },
		{ AT_PHNUM, info->phnum },
		{ AT_BASE, 0 },
		{ AT_FLAGS, 0 },
		{ AT_ENTRY, bias + info->entry },
		{ AT_UID, current->uid },
		{ AT_EUID, current->uid },
		{ AT_GID, current->gid },
		{ AT_EGID, current->gid },
		{ AT_SECURE, 0 },
		{ AT_RANDOM, 0 },	/* lib/elf.c fills in the address */
		{ AT_EXECFN, 0 },	/* likewise */
		{ AT_NULL, 0 },		/* unused slot: elf_build_stack adds AT_NULL */
	};

	memcpy(auxv, pairs, sizeof(pairs));
}

/*
 * AT_RANDOM on a board with no entropy source: the time, the pid and a
 * counter, stirred.  Distinct per exec, not secret: a C library's stack
 * protector and pointer guard are then guessable, as they would be on
 * any machine without randomness.
 */
static void fill_weak_random(u8 *random)
{
	static unsigned long counter;	/* atomic */
	u64 n = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
	u64 x = ktime_ns() ^ ((u64)current->pid << 32) ^ n * 0x9e3779b97f4a7c15ULL;
	unsigned int i;

	for (i = 0; i < 16; i++) {
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		random[i] = (u8)((x * 0x2545f4914f6cdd1dULL) >> 56);
	}
}

/*
 * Where argv's and envp's strings land: elf_build_stack puts a zero word,
 * then AT_EXECFN's string, then args->strings (argv's first) at the top
 * of the stack; end is where the strings end.
 */
static void set_arg_range(struct mm_struct *mm, const struct exec_args *args, unsigned long end)
{
	unsigned long start = end - args->len, argv_len = 0;
	unsigned int i;

	for (i = 0; i < args->argc && argv_len < args->len; i++)
		argv_len += strnlen(args->strings + argv_len, args->len - argv_len) + 1;
	mm->arg_start = start;
	mm->arg_end = mm->env_start = start + argv_len;
	mm->env_end = end;
}

/* Maps the stack and writes argc, argv, envp, auxv on it; the user sp in *sp. */
static int setup_stack(struct linux_binprm *bprm, const struct exec_args *args,
		       const struct elf_info *info, unsigned long bias, unsigned long *sp)
{
	/* strings, the zero word, 16 random bytes, two 16-byte roundings, the table */
	size_t img_len = (args->len + strlen(bprm->filename) + 1 + 64 +
			  (args->argc + args->envc + 3 + 2 * NR_AUXV) * sizeof(long) + 15) & ~15UL;
	unsigned long map_len = MAX(STACK_INITIAL, ALIGN_UP_PAGE(img_len) + PAGE_SIZE), addr;
	struct elf_stack_in in = {
		.strings = args->strings, .strings_len = args->len,
		.argc = args->argc, .envc = args->envc, .execfn = bprm->filename,
		.nr_auxv = NR_AUXV - 1, .stack_top = STACK_TOP, .word_size = sizeof(long),
	};
	u64 auxv[2 * NR_AUXV], usp;
	u8 random[16], *img;
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
	if (get_random_bytes(random, sizeof(random)))
		fill_weak_random(random);
	fill_auxv(auxv, info, bias);
	in.random = random;
	in.auxv = auxv;
	err = elf_build_stack(&in, img, img_len, &usp);
	set_arg_range(current->mm, args, STACK_TOP - sizeof(long) - strlen(bprm->filename) - 1);
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
	err = read_elf_headers(bprm, info);
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
