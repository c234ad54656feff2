// SPDX-License-Identifier: MIT
/*
 * Processes from the outside: each case runs the embedded user program
 * (utest.c, as a static executable and as a static-PIE) in a new
 * process and checks its wait status -- 0 means every check inside
 * passed, another exit code names the failed check.  The ktest thread
 * is the programs' parent and, for the duration, the child reaper; an
 * in-memory table stands in for the filesystem behind execve
 * (binprm_open): /utest, /script ("#!/utest script"), /loop ("#!/loop")
 * and /bad.
 *
 * Without an MMU only the static-PIE can run (the static executable is
 * checked to be refused), and the cases that need fork skip: fork is
 * -ENOSYS there, which a case of its own checks.
 */
#include <asm/elf.h>
#include <tern/binfmts.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/ktest.h>
#include <tern/mm.h>
#include <tern/pgalloc.h>
#include <tern/printf.h>
#include <tern/process.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/smp.h>
#include <tern/string.h>

extern const char __user_utest_begin[], __user_utest_end[];
extern const char __user_utest_pie_begin[], __user_utest_pie_end[];

static const char script[] = "#!/utest script\n";
static const char loop[] = "#!/loop\n";	/* its own interpreter */
static const char bad_elf[64] = "\177ELF";	/* the magic, and nothing right after */

static bool use_pie;	/* which build /utest is; only the ktest thread writes it */

#define MMU		IS_ENABLED(CONFIG_MMU)
#define NEEDS_FORK	"needs fork, which is -ENOSYS without an MMU"

/* Where user addresses end, for the malformed-ELF mutations. */
#ifdef CONFIG_MMU
#define USER_TOP	TASK_SIZE
#else
#define USER_TOP	NOMMU_IMAGE_MAX
#endif
static bool spread;	/* the program may run on every CPU (else the ktest's only) */

#if __riscv_xlen == 64
typedef struct elf64_hdr elf_hdr;
typedef struct elf64_phdr elf_phdr;
#else
typedef struct elf32_hdr elf_hdr;
typedef struct elf32_phdr elf_phdr;
#endif

static const char *utest_data(size_t *size)
{
	const char *b = use_pie ? __user_utest_pie_begin : __user_utest_begin;
	const char *e = use_pie ? __user_utest_pie_end : __user_utest_end;

	*size = e - b;
	return b;
}

static int table_open(const char *path, struct linux_binprm *bprm)
{
	size_t size;
	const char *data = utest_data(&size);

	if (!strcmp(path, "/utest"))
		binprm_init_mem(bprm, "/utest", data, size);
	else if (!strcmp(path, "/script"))
		binprm_init_mem(bprm, "/script", script, sizeof(script) - 1);
	else if (!strcmp(path, "/loop"))
		binprm_init_mem(bprm, "/loop", loop, sizeof(loop) - 1);
	else if (!strcmp(path, "/bad"))
		binprm_init_mem(bprm, "/bad", bad_elf, sizeof(bad_elf));
	else
		return -ENOENT;
	return 0;
}

struct run {
	const char *const *argv;
	const void *data;	/* the binary: /utest unless set */
	size_t size;
};

/* The new process: exec the program; if that fails, exit with the errno. */
static int run_fn(void *arg)
{
	static const char *const envp[] = { "HOME=/", "TERM=tern", NULL };
	struct run *r = arg;
	struct linux_binprm bprm;

	if (spread)
		sched_setaffinity(current, cpu_online_mask);
	binprm_init_mem(&bprm, "/utest", r->data, r->size);
	return -kernel_execve(&bprm, r->argv, envp);
}

/* Runs one binary with argv in a child; its wait status, or -1 if it could not run. */
static int run_binary(struct ktest *t, const void *data, size_t size, const char *const *argv)
{
	struct run r = { argv, data, size };
	int status = -1;
	long pid = kernel_spawn(run_fn, &r, "utest");

	if (pid < 0) {
		ktest_fail(t, __FILE__, __LINE__, "kernel_spawn: %ld", pid);
		return -1;
	}
	if (kernel_wait4(pid, &status, 0) != pid)
		ktest_fail(t, __FILE__, __LINE__, "wait4 did not reap pid %ld", pid);
	return status;
}

static int run_utest(struct ktest *t, const char *a1, const char *a2)
{
	const char *argv[] = { "/utest", a1, a2, NULL };
	size_t size;
	const char *data = utest_data(&size);

	return run_binary(t, data, size, argv);
}

static struct task *old_reaper;
static int (*old_binprm_open)(const char *path, struct linux_binprm *bprm);

static void setup(void)
{
	old_binprm_open = binprm_open;
	binprm_open = table_open;
	old_reaper = set_child_reaper(current);
}

/* Every child must have been reaped by the case. */
static void teardown(struct ktest *t)
{
	int st;

	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &st, 1 /* WNOHANG */), -ECHILD);
	set_child_reaper(old_reaper);
	binprm_open = old_binprm_open;
}

/* One user test with one build of /utest. */
static void run_one(struct ktest *t, bool pie, const char *name, const char *arg, int want)
{
	int st;

	use_pie = pie;
	setup();
	st = run_utest(t, name, arg);
	if (st != want)
		ktest_fail(t, __FILE__, __LINE__, "utest %s (%s): status %#x, want %#x",
			   name, pie ? "static-PIE" : "static", st, want);
	teardown(t);
}

/* Each user test twice, the static executable then the static-PIE (only the PIE without an MMU). */
static void run_both(struct ktest *t, const char *name, const char *arg, int want)
{
	for (int pie = MMU ? 0 : 1; pie < 2; pie++)
		run_one(t, pie, name, arg, want);
}

/* rdcycle, rdtime and rdinstret from user mode (the benchmarks read instret). */
static void user_mode_reads_the_counters(struct ktest *t)
{
	run_both(t, "counters", NULL, 0);
}

static void exit_code_is_the_wait_status(struct ktest *t)
{
	run_both(t, "exit", "42", W_EXITCODE(42, 0));
	run_both(t, "exit", "0", 0);
}

static void the_program_sees_argv_envp_auxv(struct ktest *t)
{
	run_both(t, "args", "alpha", 0);
}

static void faults_end_the_process_with_their_signal(struct ktest *t)
{
	run_both(t, "segv", NULL, W_EXITCODE(0, SIGSEGV));
	run_both(t, "kernel", NULL, W_EXITCODE(0, SIGSEGV));
	run_both(t, "ill", NULL, W_EXITCODE(0, SIGILL));
}

static void fork_wait_and_wnohang(struct ktest *t)
{
	if (!MMU)
		KTEST_SKIP(t, NEEDS_FORK);
	run_both(t, "fork", NULL, 0);
}

static void fork_is_enosys_without_an_mmu(struct ktest *t)
{
	if (MMU)
		KTEST_SKIP(t, "fork works with an MMU");
	run_both(t, "nofork", NULL, 0);
}

/* Without an MMU the static executable (ET_EXEC, fixed addresses) cannot run. */
static void a_static_executable_needs_an_mmu(struct ktest *t)
{
	run_one(t, false, "exit", "0", MMU ? 0 : W_EXITCODE(ENOEXEC, 0));
}

static void vfork_exec_and_wait(struct ktest *t)
{
	run_both(t, "vforkexec", NULL, 0);
}

/* The vfork child execs a second copy, which checks it was loaded elsewhere. */
static void two_programs_run_at_different_addresses(struct ktest *t)
{
	if (MMU)
		KTEST_SKIP(t, "with an MMU each program has its link addresses in its own space");
	run_both(t, "vforkexec", "where", 0);
}

/*
 * A table of pointers in initialised data: the static executable has
 * the addresses linked in; without an MMU the PIE is relocated by the
 * loader (with one, no start-up code relocates our PIE: not run).
 */
static void relocations_are_applied(struct ktest *t)
{
	run_one(t, !MMU, "reloc", NULL, 0);
}

static void vfork_shares_memory_until_exit(struct ktest *t)
{
	run_both(t, "vfork", NULL, 0);
}

static void each_process_has_its_fp_registers(struct ktest *t)
{
	if (!MMU)
		KTEST_SKIP(t, NEEDS_FORK);
	run_both(t, "fp", NULL, 0);
}

static void brk_grows_and_shrinks(struct ktest *t)
{
	run_both(t, "brk", NULL, 0);
}

static void mmap_munmap_mprotect(struct ktest *t)
{
	run_both(t, "mmap", NULL, 0);
}

/* NULL, the top page, a hole, a wrapping range and kernel text (passed in argv[2]). */
static void bad_pointers_give_efault(struct ktest *t)
{
	char text[24];

	scnprintf(text, sizeof(text), "%lu", (unsigned long)&kernel_wait4);
	run_both(t, "efault", text, 0);
}

static void orphans_go_to_the_reaper(struct ktest *t)
{
	char pid[16];
	int st;

	scnprintf(pid, sizeof(pid), "%u", current->pid);
	for (int pie = MMU ? 0 : 1; pie < 2; pie++) {
		use_pie = pie;
		setup();
		KTEST_EXPECT_EQ(t, run_utest(t, "orphan", pid), 0);
		/* The grandchild was handed to us: reap it. */
		KTEST_EXPECT(t, kernel_wait4(-1, &st, 0) > 0 && st == 0);
		teardown(t);
	}
}

static void execve_replaces_the_program(struct ktest *t)
{
	for (int pie = MMU ? 0 : 1; pie < 2; pie++) {
		int st = -1;

		use_pie = pie;
		setup();
		/* exec failures come back; the script child, then exit 5 */
		KTEST_EXPECT_EQ(t, run_utest(t, "exec", NULL), W_EXITCODE(5, 0));
		KTEST_EXPECT(t, kernel_wait4(-1, &st, 0) > 0);
		KTEST_EXPECT_EQ(t, st, 0);
		teardown(t);
	}
}

static unsigned long free_pages_now(void)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	return s.free_pages;
}

static void a_fork_bomb_gets_eagain_and_pages_come_back(struct ktest *t)
{
	unsigned long limit = nproc_limit, before = 0;

	if (!MMU)
		KTEST_SKIP(t, NEEDS_FORK);
	for (int round = 0; round < 2; round++) {	/* the first warms the caches */
		if (round)
			before = free_pages_now();
		use_pie = false;
		setup();
		KTEST_EXPECT_EQ(t, run_utest(t, "forkbomb", NULL), 0);
		teardown(t);
		nproc_limit = limit;
	}
	if (!IS_ENABLED(CONFIG_PGALLOC_BUMP))
		KTEST_EXPECT_EQ(t, free_pages_now(), before);
	KTEST_EXPECT_EQ(t, nr_processes(), 0);
}

/*
 * A process that touches memory until there is none is killed (SIGKILL,
 * as by Linux's OOM killer), the kernel goes on, and every page comes
 * back.  Without an MMU mmap itself says -ENOMEM (the program then
 * exits 0).  Skipped above 1 GiB: filling it would take the ktest minutes.
 */
/* The hog (utest.c) until it ends, twice (the first warms the caches): its wait status. */
static void hog_twice(struct ktest *t, int want)
{
	/* Without an MMU nothing is committed ahead: mmap takes the pages. */
	unsigned long before = 0, committed = MMU ? vm_committed_pages() : 0;

	for (int round = 0; round < 2; round++) {
		if (round)
			before = free_pages_now();
		run_one(t, !MMU, "hog", NULL, want);
	}
	if (!IS_ENABLED(CONFIG_KMEM_BUMP))	/* it keeps every page kmalloc took */
		KTEST_EXPECT_EQ(t, free_pages_now(), before);
	if (MMU)
		KTEST_EXPECT_EQ(t, vm_committed_pages(), committed);
}

static void out_of_memory_kills_the_process_and_pages_come_back(struct ktest *t)
{
	struct pgalloc_stats s;
	unsigned long limit;

	pgalloc_get_stats(&s);
	if (s.total_pages > (1UL << 30) / PAGE_SIZE)
		KTEST_SKIP(t, "more than 1 GiB of memory");
	if (IS_ENABLED(CONFIG_PGALLOC_BUMP))
		KTEST_SKIP(t, "the bump allocator never gets pages back");
	if (MMU) {	/* no commit limit: the pages run out first, and the fault kills */
		limit = vm_commit_set_limit(~0UL);
		hog_twice(t, W_EXITCODE(0, SIGKILL));
		vm_commit_set_limit(limit);
	} else {	/* mmap takes the pages at once: it says -ENOMEM */
		hog_twice(t, 0);
	}
}

/* mmap, munmap, brk and exec (each block of a program) give every page back. */
static void memory_calls_give_every_page_back(struct ktest *t)
{
	static const char *const names[] = { "mmap", "brk", "vforkexec" };
	unsigned long before = 0;

	if (IS_ENABLED(CONFIG_PGALLOC_BUMP) || IS_ENABLED(CONFIG_KMEM_BUMP))
		KTEST_SKIP(t, "a bump allocator never gets pages back");
	for (int round = 0; round < 2; round++) {	/* the first warms the caches */
		if (round)
			before = free_pages_now();
		for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
			run_one(t, !MMU, names[i], NULL, 0);
	}
	KTEST_EXPECT_EQ(t, free_pages_now(), before);
}

/*
 * Under the strict policy the hog's mmap fails first (utest.c exits 2 on
 * -ENOMEM from mmap), before any page runs out.
 */
static void strict_commit_gives_enomem_before_memory_runs_out(struct ktest *t)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	if (!IS_ENABLED(CONFIG_MM_OVERCOMMIT_NEVER))
		KTEST_SKIP(t, "the heuristic overcommit policy (MM_OVERCOMMIT_GUESS), or no MMU");
	if (s.total_pages > (1UL << 30) / PAGE_SIZE)
		KTEST_SKIP(t, "more than 1 GiB of memory");
	if (IS_ENABLED(CONFIG_PGALLOC_BUMP))
		KTEST_SKIP(t, "the bump allocator never gets pages back");
	hog_twice(t, W_EXITCODE(2, 0));
	KTEST_EXPECT_LE(t, vm_commit_limit(), s.total_pages);
}

/* ---- malformed executables: each gives -ENOEXEC, and the caller goes on ---- */

enum bad_kind {
	BAD_MAGIC, BAD_CLASS, BAD_MACHINE, BAD_TRUNCATED_EHDR, BAD_TRUNCATED_PHDRS,
	BAD_PHNUM_0, BAD_PHNUM_HUGE, BAD_OVERLAP, BAD_FILESZ, BAD_HUGE_MEMSZ,
	BAD_KERNEL_HALF, BAD_WRAP, BAD_ENTRY, BAD_INTERP, BAD_OFFSET,
	BAD_RELOC_TYPE, BAD_RELOC_OUTSIDE, NR_BAD
};

/* Without an MMU: the first R_RISCV_RELATIVE entry of the PIE image (a file copy), or NULL. */
static u8 *first_rela(char *image, size_t size)
{
	elf_hdr *eh = (elf_hdr *)image;
	elf_phdr *ph = (elf_phdr *)(image + eh->e_phoff);
	unsigned long w = sizeof(long), rela = 0;

	for (unsigned int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_DYNAMIC)
			continue;
		for (unsigned long *d = (unsigned long *)(image + ph[i].p_offset);
		     (char *)d + 2 * w <= image + ph[i].p_offset + ph[i].p_filesz && d[0]; d += 2)
			if (d[0] == DT_RELA)
				rela = d[1];
	}
	for (unsigned int i = 0; rela && i < eh->e_phnum; i++)	/* link address -> file offset */
		if (ph[i].p_type == PT_LOAD && rela >= ph[i].p_vaddr &&
		    rela - ph[i].p_vaddr < ph[i].p_filesz)
			return (u8 *)image + ph[i].p_offset + (rela - ph[i].p_vaddr);
	return NULL;
}

static elf_phdr *nth_load(elf_phdr *ph, unsigned int phnum, unsigned int n)
{
	for (unsigned int i = 0; i < phnum; i++)
		if (ph[i].p_type == PT_LOAD && n-- == 0)
			return &ph[i];
	return NULL;
}

/* Breaks image (size bytes, a copy of /utest) one way; the size it now has. */
static size_t mutate(char *image, size_t size, enum bad_kind kind)
{
	elf_hdr *eh = (elf_hdr *)image;
	elf_phdr *ph = (elf_phdr *)(image + eh->e_phoff);
	elf_phdr *l0 = nth_load(ph, eh->e_phnum, 0), *l1 = nth_load(ph, eh->e_phnum, 1);
	unsigned long page_off = l0->p_offset & 0xfff;

	switch (kind) {
	case BAD_MAGIC: image[1] = 'X'; break;
	case BAD_CLASS: image[4] = ELF_CLASS == ELFCLASS64 ? ELFCLASS32 : ELFCLASS64; break;
	case BAD_MACHINE: eh->e_machine = 62; break;
	case BAD_TRUNCATED_EHDR: return sizeof(*eh) - 1;
	case BAD_TRUNCATED_PHDRS: return eh->e_phoff + sizeof(*ph) - 1;
	case BAD_PHNUM_0: eh->e_phnum = 0; break;
	case BAD_PHNUM_HUGE: eh->e_phnum = 0xffff; break;
	case BAD_OVERLAP: l1->p_vaddr = l0->p_vaddr; l1->p_offset = l0->p_offset; break;
	case BAD_FILESZ: l0->p_filesz = l0->p_memsz + 1; break;
	case BAD_HUGE_MEMSZ: l1->p_memsz = USER_TOP; break;
	case BAD_KERNEL_HALF: l1->p_vaddr = USER_TOP + (l1->p_offset & 0xfff); break;
	case BAD_WRAP: l1->p_vaddr = (-0x1000UL) + (l1->p_offset & 0xfff); l1->p_memsz = 0x2000; break;
	case BAD_ENTRY: eh->e_entry = l1->p_vaddr; l1->p_flags &= ~PF_X; break;
	case BAD_INTERP:
		for (unsigned int i = 0; i < eh->e_phnum; i++)
			if (ph[i].p_type != PT_LOAD) {
				ph[i].p_type = PT_INTERP;
				break;
			}
		break;
	case BAD_OFFSET: l0->p_offset = ALIGN_UP(size, 0x1000UL) + page_off; break;
	case BAD_RELOC_TYPE:	/* r_info: R_RISCV_64 / R_RISCV_32 (absolute, needs a symbol) */
		first_rela(image, size)[sizeof(long)] = sizeof(long) == 8 ? 2 : 1;
		break;
	case BAD_RELOC_OUTSIDE: {	/* r_offset past the image */
		unsigned long past = ALIGN_UP(l1->p_vaddr + l1->p_memsz, 0x1000UL);

		memcpy(first_rela(image, size), &past, sizeof(past));
		break;
	}
	default: break;
	}
	return size;
}

static void malformed_elf_gives_enoexec(struct ktest *t)
{
	const char *argv[] = { "/utest", "exit", "0", NULL };
	size_t size;
	const char *good;
	char *copy;

	use_pie = !MMU;
	good = utest_data(&size);
	copy = kmalloc(size, GFP_KERNEL);
	KTEST_ASSERT(t, copy);
	setup();
	for (int kind = 0; kind < NR_BAD; kind++) {
		size_t n;
		int st;

		if (kind >= BAD_RELOC_TYPE && MMU)
			break;		/* the MMU loader does not relocate */
		memcpy(copy, good, size);
		if (kind >= BAD_RELOC_TYPE && !first_rela(copy, size)) {
			ktest_fail(t, __FILE__, __LINE__, "the PIE has no relocations to break");
			continue;
		}
		n = mutate(copy, size, kind);
		st = run_binary(t, copy, n, argv);
		if (st != W_EXITCODE(ENOEXEC, 0))
			ktest_fail(t, __FILE__, __LINE__, "malformed kind %d: status %#x", kind, st);
	}
	/* The unchanged copy still runs. */
	memcpy(copy, good, size);
	KTEST_EXPECT_EQ(t, run_binary(t, copy, size, argv), 0);
	teardown(t);
	kfree(copy);
}

static int exec_from_kthread(void *arg)
{
	const char *argv[] = { "/utest", "exit", "3", NULL };
	size_t size;
	const char *data = utest_data(&size);
	struct linux_binprm bprm;

	binprm_init_mem(&bprm, "/utest", data, size);
	return -kernel_execve(&bprm, argv, NULL);
}

/*
 * A kernel thread (no parent) that execs becomes a process, and at its
 * exit nobody reaps it: it is released at once, without freeing its
 * struct under itself (the ktest holds it too, to look).
 */
static void a_kernel_thread_that_execs_is_released_at_exit(struct ktest *t)
{
	unsigned int before = nr_processes();
	struct task *k;

	use_pie = true;
	k = kthread_create(exec_from_kthread, NULL, "kexec");
	KTEST_ASSERT(t, k);
	__atomic_add_fetch(&k->usage, 1, __ATOMIC_RELAXED);	/* our hold */
	wake_up_process(k);
	while (READ_ONCE(k->exit_state) != EXIT_DEAD)
		msleep(1);
	KTEST_EXPECT_EQ(t, k->exit_status, W_EXITCODE(3, 0));
	KTEST_EXPECT(t, k->is_process);
	while (READ_ONCE(k->state) != TASK_DEAD)	/* until it is off the CPU for good */
		msleep(1);
	KTEST_EXPECT_EQ(t, nr_processes(), before);
	put_task(k);
}

/* The same programs with their processes on every CPU: fork, exit and wait across harts. */
static void processes_on_every_cpu(struct ktest *t)
{
	static const char *const names[] = { "fork", "vfork", "fp", "mmap", "forkbomb" };
	unsigned long limit = nproc_limit;

	if (!MMU)
		KTEST_SKIP(t, NEEDS_FORK);
	if (num_online_cpus() < 2)
		KTEST_SKIP(t, "one CPU online");
	spread = true;
	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++) {
		run_both(t, names[i], NULL, 0);
		nproc_limit = limit;
	}
	spread = false;
	KTEST_EXPECT_EQ(t, nr_processes(), 0);
}

KTEST_SUITE(process,
	    KTEST_CASE(exit_code_is_the_wait_status),
	    KTEST_CASE(the_program_sees_argv_envp_auxv),
	    KTEST_CASE(faults_end_the_process_with_their_signal),
	    KTEST_CASE(fork_wait_and_wnohang),
	    KTEST_CASE(fork_is_enosys_without_an_mmu),
	    KTEST_CASE(a_static_executable_needs_an_mmu),
	    KTEST_CASE(vfork_exec_and_wait),
	    KTEST_CASE(two_programs_run_at_different_addresses),
	    KTEST_CASE(relocations_are_applied),
	    KTEST_CASE(vfork_shares_memory_until_exit),
	    KTEST_CASE(each_process_has_its_fp_registers),
	    KTEST_CASE(brk_grows_and_shrinks),
	    KTEST_CASE(mmap_munmap_mprotect),
	    KTEST_CASE(bad_pointers_give_efault),
	    KTEST_CASE(orphans_go_to_the_reaper),
	    KTEST_CASE(execve_replaces_the_program),
	    KTEST_CASE(a_fork_bomb_gets_eagain_and_pages_come_back),
	    KTEST_CASE(out_of_memory_kills_the_process_and_pages_come_back),
	    KTEST_CASE(memory_calls_give_every_page_back),
	    KTEST_CASE(strict_commit_gives_enomem_before_memory_runs_out),
	    KTEST_CASE(malformed_elf_gives_enoexec),
	    KTEST_CASE(a_kernel_thread_that_execs_is_released_at_exit),
	    KTEST_CASE(processes_on_every_cpu),
	    KTEST_CASE(user_mode_reads_the_counters));
