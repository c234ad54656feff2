// SPDX-License-Identifier: MIT
/*
 * What both ELF loaders share (fs/binfmt_elf.h): reading and checking
 * the headers, the auxiliary vector, AT_RANDOM, the initial stack image.
 */
#include <asm/elf.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/random.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/timer.h>

#include "binfmt_elf.h"

#define AT_CLKTCK		17
#define USER_HZ			100

int elf_read_headers(struct linux_binprm *bprm, struct elf_info *info, u64 min_addr,
		     u64 task_size)
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
		err = elf_parse_phdrs(phdrs, len, bprm->size, min_addr, task_size, info);
	kfree(phdrs);
	if (!err && info->has_interp)
		err = -ENOEXEC;
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

size_t elf_stack_image_len(const struct linux_binprm *bprm, const struct exec_args *args)
{
	/* strings, the zero word, 16 random bytes, two 16-byte roundings, the table */
	return (args->len + strlen(bprm->filename) + 1 + 64 +
		(args->argc + args->envc + 3 + 2 * NR_AUXV) * sizeof(long) + 15) & ~15UL;
}

int elf_build_stack_image(const struct linux_binprm *bprm, const struct exec_args *args,
			  const struct elf_info *info, unsigned long bias, u64 stack_top,
			  u8 *img, size_t img_len, u64 *sp)
{
	struct elf_stack_in in = {
		.strings = args->strings, .strings_len = args->len,
		.argc = args->argc, .envc = args->envc, .execfn = bprm->filename,
		.nr_auxv = NR_AUXV - 1, .stack_top = stack_top, .word_size = sizeof(long),
	};
	u64 auxv[2 * NR_AUXV];
	u8 random[16];

	if (get_random_bytes(random, sizeof(random)))
		fill_weak_random(random);
	fill_auxv(auxv, info, bias);
	in.random = random;
	in.auxv = auxv;
	return elf_build_stack(&in, img, img_len, sp);
}

void elf_set_arg_range(struct mm_struct *mm, const struct linux_binprm *bprm,
		       const struct exec_args *args, u64 stack_top)
{
	/* elf_build_stack_image: a zero word, AT_EXECFN's string, then args->strings. */
	unsigned long end = (unsigned long)stack_top - sizeof(long) - strlen(bprm->filename) - 1;
	unsigned long start = end - args->len, argv_len = 0;
	unsigned int i;

	for (i = 0; i < args->argc && argv_len < args->len; i++)
		argv_len += strnlen(args->strings + argv_len, args->len - argv_len) + 1;
	mm->arg_start = start;
	mm->arg_end = mm->env_start = start + argv_len;
	mm->env_end = end;
}
