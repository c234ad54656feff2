/* SPDX-License-Identifier: MIT */
/*
 * The ELF loader's halves (fs/binfmt_elf*.c): the checks and the stack
 * image both loaders share (binfmt_elf.c), and the part that places the
 * program -- mapped in its own address space (binfmt_elf_mmu.c), or
 * copied into one block of physical memory and relocated
 * (binfmt_elf_nommu.c).  Each half defines load_elf_binary
 * (<tern/binfmts.h>).
 */
#ifndef FS_BINFMT_ELF_H
#define FS_BINFMT_ELF_H

#include <tern/binfmts.h>
#include <tern/elf.h>

#define NR_AUXV			17

/*
 * The ELF and program headers of bprm, checked (lib/elf.c) with the
 * segments inside [min_addr, task_size): 0, -ENOEXEC (also for
 * PT_INTERP: there is no dynamic linker), -ENOMEM, the read's error.
 */
int elf_read_headers(struct linux_binprm *bprm, struct elf_info *info, u64 min_addr,
		     u64 task_size);

/* Bytes the initial stack image of bprm with args takes (a multiple of 16). */
size_t elf_stack_image_len(const struct linux_binprm *bprm, const struct exec_args *args);

/*
 * Builds the initial stack (argc, argv, envp, auxv, strings, AT_RANDOM)
 * for a stack ending at stack_top, the program loaded with bias, into
 * img (img_len bytes from elf_stack_image_len, standing for
 * [stack_top - img_len, stack_top)).  The user sp in *sp.  0 or -E2BIG.
 */
int elf_build_stack_image(const struct linux_binprm *bprm, const struct exec_args *args,
			  const struct elf_info *info, unsigned long bias, u64 stack_top,
			  u8 *img, size_t img_len, u64 *sp);

/*
 * Where argv's and envp's strings landed on a stack ending at stack_top
 * (/proc/<pid>/cmdline and environ read them): mm's arg_* and env_*.
 */
struct mm_struct;
void elf_set_arg_range(struct mm_struct *mm, const struct linux_binprm *bprm,
		       const struct exec_args *args, u64 stack_top);

#endif
