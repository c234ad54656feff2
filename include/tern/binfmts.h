/* SPDX-License-Identifier: MIT */
/*
 * Executable formats (kernel/exec.c, fs/binfmt_elf.c, fs/binfmt_script.c).
 *
 * A binary reaches execve as a struct linux_binprm: a read method over
 * its bytes, its size and name.  Today the only source is memory
 * (binprm_init_mem: the ktests' embedded programs) and files
 * (fs/exec.c, which sets binprm_open at the core initcall level);
 * execve(path) and "#!" interpreters go through binprm_open:
 *
 *	static int open_file_binprm(const char *path, struct linux_binprm *bprm)
 *	{	filp_open(path, O_RDONLY) ... bprm->read = a kernel_read wrapper,
 *		bprm->src = the struct file, bprm->size = its i_size,
 *		bprm->release = fput wrapper; -ENOENT, -EACCES ... }
 *	binprm_open = open_file_binprm;
 *
 * Without PROCESSES (or before the core initcalls) binprm_open is NULL
 * and execve(path) answers -ENOENT; the process ktests put their table
 * of embedded programs in its place while they run.
 *
 * Contract for read: fills buf with n bytes at pos and returns n, or
 * fewer at the end of the file, or -errno; it may sleep.  It is never
 * called with pos + n past what it can address (pos < size is checked).
 */
#ifndef TERN_BINFMTS_H
#define TERN_BINFMTS_H

#include <tern/types.h>

/* Limits of execve's arguments, as Linux's MAX_ARG_STRLEN and a total. */
#define MAX_ARG_STRLEN		(32 * 4096)	/* one argv or envp string, NUL included */
#define MAX_ARG_TOTAL		(128 * 1024)	/* all strings and their pointers */
#define MAX_ARG_STRINGS		4096		/* argc + envc */
#define BINPRM_BUF_SIZE		256		/* the head of the file every format sees */
#define BINPRM_MAX_DEPTH	4		/* "#!" interpreters in a chain */

struct linux_binprm {
	const char *filename;		/* what was asked for: AT_EXECFN, the comm */
	ssize_t (*read)(void *src, void *buf, size_t n, loff_t pos);
	void (*release)(void *src);	/* drops src after exec (NULL: nothing to drop) */
	void *src;
	loff_t size;			/* bytes in the file */
	char buf[BINPRM_BUF_SIZE];	/* its first bytes (exec.c reads them) */
	size_t buf_len;
	const void *mem;		/* binprm_init_mem's data */
};

/* A binary held in kernel memory (size bytes at data). */
void binprm_init_mem(struct linux_binprm *bprm, const char *name, const void *data,
		     size_t size);

/* Finds path and fills bprm (see above); NULL until a source is installed. */
extern int (*binprm_open)(const char *path, struct linux_binprm *bprm);

/* Reads exactly n bytes at pos: 0, -ENOEXEC if the file is shorter, or the read's error. */
int binprm_read_exact(struct linux_binprm *bprm, void *buf, size_t n, loff_t pos);

struct file;
/* The file a binprm reads (fs/exec.c), or NULL for one in kernel memory. */
struct file *binprm_file(const struct linux_binprm *bprm);

/*
 * The arguments of an exec, copied into the kernel: argc + envc strings,
 * NUL-terminated, argv's first, in strings[0, len).  exec_args_* build it.
 */
struct exec_args {
	char *strings;
	size_t len, cap;
	unsigned int argc, envc;
};

/*
 * Loads an ELF executable into the current task's address space
 * (fs/binfmt_elf.c); exec.c has made a fresh one current.  On success
 * *entry and *sp are where user mode starts.  -ENOEXEC (not a valid
 * ELF for this machine, or PT_INTERP: there is no dynamic linker),
 * -ENOMEM, -E2BIG, or the read's error.
 */
int load_elf_binary(struct linux_binprm *bprm, const struct exec_args *args,
		    unsigned long *entry, unsigned long *sp);


#endif
