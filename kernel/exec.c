// SPDX-License-Identifier: MIT
/*
 * execve: copying the arguments in, "#!" scripts, and replacing the
 * address space (include/tern/process.h, include/tern/binfmts.h).
 *
 * Every failure returns to the caller with its old program intact: the
 * new program is loaded into a fresh address space, made current only
 * for the load, and the old one is dropped only once the load has
 * succeeded (exec_commit).  There is no point of no return before that,
 * unlike Linux, whose failures after it kill the process.  In a
 * process with several threads, the others end before the load
 * (de_thread, kernel/thread.c), and the caller takes the group's pid.
 */
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/switch.h>
#include <tern/binfmts.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/futex.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/signal.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>

#define EXEC_PATH_MAX	4096

int (*binprm_open)(const char *path, struct linux_binprm *bprm);

static ssize_t mem_read(void *src, void *buf, size_t n, loff_t pos)
{
	struct linux_binprm *bprm = src;

	memcpy(buf, (const char *)bprm->mem + pos, n);
	return n;
}

void binprm_init_mem(struct linux_binprm *bprm, const char *name, const void *data,
		     size_t size)
{
	memset(bprm, 0, sizeof(*bprm));
	bprm->filename = name;
	bprm->read = mem_read;
	bprm->src = bprm;
	bprm->mem = data;
	bprm->size = size;
}

int binprm_read_exact(struct linux_binprm *bprm, void *buf, size_t n, loff_t pos)
{
	ssize_t got;

	if (pos < 0 || pos > bprm->size || (u64)n > (u64)(bprm->size - pos))
		return -ENOEXEC;
	got = bprm->read(bprm->src, buf, n, pos);
	if (got < 0)
		return got;
	return (size_t)got == n ? 0 : -ENOEXEC;
}

/* Drops bprm's source; a second call does nothing. */
static void binprm_release(struct linux_binprm *bprm)
{
	if (bprm->release)
		bprm->release(bprm->src);
	bprm->release = NULL;
}

/* Room for n more bytes in args->strings (the limits are checked by the callers). */
static int args_reserve(struct exec_args *args, size_t n)
{
	size_t cap = args->cap ? args->cap : 256;
	char *s;

	if (args->len + n <= args->cap)
		return 0;
	while (cap < args->len + n)
		cap *= 2;
	s = krealloc(args->strings, cap, GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	args->strings = s;
	args->cap = cap;
	return 0;
}

/* Bytes one more string may take within MAX_ARG_TOTAL (pointers counted) and MAX_ARG_STRLEN. */
static size_t args_room(const struct exec_args *args)
{
	size_t used = args->len + (args->argc + args->envc + 3) * sizeof(long);

	if (used >= MAX_ARG_TOTAL || args->argc + args->envc >= MAX_ARG_STRINGS)
		return 0;
	return MIN(MAX_ARG_TOTAL - used, (size_t)MAX_ARG_STRLEN);
}

static void args_count(struct exec_args *args, size_t n, bool env)
{
	args->len += n;
	if (env)
		args->envc++;
	else
		args->argc++;
}

static int args_add_kernel(struct exec_args *args, const char *s, bool env)
{
	size_t n = strlen(s) + 1;
	int err;

	if (n > args_room(args))
		return -E2BIG;
	err = args_reserve(args, n);
	if (err)
		return err;
	memcpy(args->strings + args->len, s, n);
	args_count(args, n, env);
	return 0;
}

/*
 * Copies one user string, trying a small buffer first and doubling it
 * up to what the limits leave: -E2BIG when it does not fit.
 */
static int args_add_user(struct exec_args *args, const char __user *s, bool env)
{
	size_t room = args_room(args), want = 256;
	long n;
	int err;

	for (;;) {
		want = MIN(want, room);
		if (!want)
			return -E2BIG;
		err = args_reserve(args, want);
		if (err)
			return err;
		n = strncpy_from_user(args->strings + args->len, s, want);
		if (n < 0)
			return -EFAULT;
		if ((size_t)n < want) {
			args_count(args, n + 1, env);
			return 0;
		}
		if (want == room)
			return -E2BIG;
		want *= 2;
	}
}

/* argv or envp from user memory: a NULL-terminated array of pointers (NULL: empty). */
static int args_copy_user(struct exec_args *args, const unsigned long __user *vec, bool env)
{
	unsigned int i;

	for (i = 0; vec; i++) {
		unsigned long p;
		int err;

		if (get_user(p, vec + i))
			return -EFAULT;
		if (!p)
			return 0;
		err = args_add_user(args, (const char __user *)p, env);
		if (err)
			return err;
	}
	return 0;
}

static int args_copy_kernel(struct exec_args *args, const char *const *vec, bool env)
{
	int err = 0;

	for (; vec && *vec && !err; vec++)
		err = args_add_kernel(args, *vec, env);
	return err;
}

static void args_free(struct exec_args *args)
{
	kfree(args->strings);
	args->strings = NULL;
}

/* Length of the first string of args (its argv[0]), NUL included; 0 if none. */
static size_t args_first_len(const struct exec_args *args)
{
	return args->argc ? strlen(args->strings) + 1 : 0;
}

/*
 * "#!interp [arg]" in bprm->buf: argv becomes interp, [arg], the script's
 * name, then the old argv[1...], and bprm the interpreter's file.
 */
static int exec_script(struct linux_binprm *bprm, struct exec_args *args)
{
	char line[BINPRM_BUF_SIZE], *interp, *arg, *end, *p;
	struct exec_args new = { 0 };
	size_t skip = args_first_len(args);
	const char *script = bprm->filename;
	int err;

	end = memchr(bprm->buf, '\n', bprm->buf_len);
	if (!end)
		return -ENOEXEC;
	memcpy(line, bprm->buf + 2, end - bprm->buf - 2);
	line[end - bprm->buf - 2] = '\0';
	for (interp = line; *interp == ' ' || *interp == '\t'; interp++)
		;
	for (p = interp; *p && *p != ' ' && *p != '\t'; p++)
		;
	arg = *p ? p + 1 : p;
	*p = '\0';
	for (; *arg == ' ' || *arg == '\t'; arg++)
		;
	for (p = arg + strlen(arg); p > arg && (p[-1] == ' ' || p[-1] == '\t'); p--)
		p[-1] = '\0';
	if (!*interp)
		return -ENOEXEC;
	err = args_add_kernel(&new, interp, false);
	if (!err && *arg)
		err = args_add_kernel(&new, arg, false);
	if (!err)
		err = args_add_kernel(&new, script, false);
	if (!err && new.len + args->len - skip +
	    (new.argc + args->argc + args->envc + 2) * sizeof(long) > MAX_ARG_TOTAL)
		err = -E2BIG;
	if (!err)
		err = args_reserve(&new, args->len - skip);
	if (err) {
		args_free(&new);
		return err;
	}
	memcpy(new.strings + new.len, args->strings + skip, args->len - skip);
	new.len += args->len - skip;
	new.argc += args->argc - (skip ? 1 : 0);
	new.envc = args->envc;
	args_free(args);
	*args = new;
	binprm_release(bprm);
	err = binprm_open ? binprm_open(interp, bprm) : -ENOENT;
	bprm->filename = script;	/* AT_EXECFN and the name stay the script's */
	return err;
}

/*
 * The old program's futex state ends as at exit (Linux's
 * exec_mm_release): its robust futexes get FUTEX_OWNER_DIED, and a
 * process that shares the memory (a vfork parent) is told through
 * clear_child_tid.
 */
static void exec_mm_release(struct task *self)
{
	if (!self->mm)
		return;
	exit_robust_list(self);
	if (self->clear_child_tid && __atomic_load_n(&self->mm->users, __ATOMIC_RELAXED) > 1)
		clear_child_tid_wake(self);
	self->clear_child_tid = 0;
}

static void set_current_mm(struct mm_struct *mm)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);	/* against get_task_mm */
	struct mm_struct *old = current->mm;

	current->mm = mm;
	if (IS_ENABLED(CONFIG_MMU))
		switch_mm(old, mm);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* Loads bprm into a new address space; on success current runs in it, the old one dropped. */
static int exec_binary(struct linux_binprm *bprm, const struct exec_args *args,
		       unsigned long *entry, unsigned long *sp)
{
	struct mm_struct *old = current->mm, *mm = mm_alloc();
	int err;

	if (!mm)
		return -ENOMEM;
	set_current_mm(mm);
	err = load_elf_binary(bprm, args, entry, sp);
	if (!err)
		err = arch_setup_sigpage(mm);	/* the signal return trampoline */
	if (err) {
		set_current_mm(old);
		mmput(mm);
		return err;
	}
	if (old)
		mmput(old);
	return 0;
}

/* The point where the new program is in place: name, process state, vfork parent. */
static void exec_commit(const char *filename)
{
	const char *base = strrchr(filename, '/');
	struct task *self = current;

	strlcpy(self->name, base ? base + 1 : filename, sizeof(self->name));
	if (!self->is_process) {	/* a kernel thread becomes a process */
		adopt_kernel_thread(self);
		self->pgid = self->sid = self->pid;
	}
	self->clear_child_tid = 0;
	self->robust_list = 0;
	flush_signal_handlers_on_exec(self);
	if (self->files)
		files_close_on_exec(self->files);
	vfork_release(self);
}

/* Runs bprm (and any "#!" chain) with args; on success regs is the new program's. */
static int do_exec(struct linux_binprm *bprm, struct exec_args *args)
{
	unsigned long entry, sp;
	unsigned int depth;
	int err = 0;

	for (depth = 0;; depth++) {
		memset(bprm->buf, 0, sizeof(bprm->buf));
		bprm->buf_len = MIN((size_t)bprm->size, sizeof(bprm->buf));
		err = binprm_read_exact(bprm, bprm->buf, bprm->buf_len, 0);
		if (err)
			break;
		if (bprm->buf_len < 2 || bprm->buf[0] != '#' || bprm->buf[1] != '!')
			break;
		err = depth == BINPRM_MAX_DEPTH ? -ELOOP : exec_script(bprm, args);
		if (err)
			break;		/* binprm_release below is a no-op if it went */
	}
	if (!err && !current->sighand)
		err = signals_init_process(current);	/* a kernel thread's first exec */
	/*
	 * The other threads end first (de_thread): a load that fails after
	 * this leaves the process running with the calling thread alone.
	 */
	if (!err)
		err = de_thread();
	if (!err)
		exec_mm_release(current);
	if (!err)
		err = exec_binary(bprm, args, &entry, &sp);
	if (!err) {
		start_thread(task_pt_regs(current), entry, sp);
		exec_commit(bprm->filename);	/* is_process from here: the FP switch sees it */
		fpu_reset(current);
	}
	binprm_release(bprm);
	return err;
}

long kernel_execve(struct linux_binprm *bprm, const char *const *argv,
		   const char *const *envp)
{
	struct exec_args args = { 0 };
	long err;

	err = args_copy_kernel(&args, argv, false);
	if (!err)
		err = args_copy_kernel(&args, envp, true);
	if (!err)
		err = do_exec(bprm, &args);
	args_free(&args);
	if (err)
		return err;
	ret_to_user(task_pt_regs(current));
}

long kernel_execve_path(const char *path, const char *const *argv, const char *const *envp)
{
	struct linux_binprm bprm;
	long err = binprm_open ? binprm_open(path, &bprm) : -ENOENT;

	if (err)
		return err;
	bprm.filename = path;
	return kernel_execve(&bprm, argv, envp);
}

SYSCALL_DEFINE3(execve, const char __user *, path, const unsigned long __user *, argv,
		const unsigned long __user *, envp)
{
	struct exec_args args = { 0 };
	struct linux_binprm bprm;
	char *name = kmalloc(EXEC_PATH_MAX, GFP_KERNEL);
	long err, n;

	if (!name)
		return -ENOMEM;
	n = strncpy_from_user(name, path, EXEC_PATH_MAX);
	err = n < 0 ? -EFAULT : n == EXEC_PATH_MAX ? -ENAMETOOLONG : 0;
	if (!err)
		err = args_copy_user(&args, argv, false);
	if (!err)
		err = args_copy_user(&args, envp, true);
	if (!err)
		err = binprm_open ? binprm_open(name, &bprm) : -ENOENT;
	if (!err) {
		bprm.filename = name;
		err = do_exec(&bprm, &args);
	}
	args_free(&args);
	kfree(name);	/* the task's name was copied from it */
	return err;
}
