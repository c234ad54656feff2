// SPDX-License-Identifier: MIT
/*
 * usertests: exec of malformed ELF files.
 *
 * Each case copies this program's own file, breaks one thing and execs
 * the copy in a vfork child.  The exec must fail with the errno Linux
 * gives (ENOEXEC for a header that is not ours, EIO where Linux's read
 * of the program headers comes up short), or, for a segment whose bytes
 * are not in the file, the new process may die of SIGBUS/SIGSEGV as on
 * Linux.  The caller lives on either way.  An untouched copy must run:
 * that shows the breakage, not the copying, is what fails.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

extern char **environ;

/* The copy runs "-c exit RAN" when the exec succeeds. */
#define RAN 177

struct image {
	unsigned char *b;
	size_t len;
	bool is64;
};

static uint64_t get(const unsigned char *p, int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static void put(unsigned char *p, int n, uint64_t v)
{
	for (int i = 0; i < n; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

/* Little-endian header fields, by class. */
#define E_PHOFF(im)	((im)->is64 ? 32 : 28)
#define E_PHENTSIZE(im)	((im)->is64 ? 54 : 42)
#define E_PHNUM(im)	((im)->is64 ? 56 : 44)
#define W(im)		((im)->is64 ? 8 : 4)

static uint64_t phoff(const struct image *im)
{
	return get(im->b + E_PHOFF(im), W(im));
}

/* The first PT_LOAD's header, or NULL. */
static unsigned char *first_load(const struct image *im)
{
	uint64_t off = phoff(im), ent = get(im->b + E_PHENTSIZE(im), 2);
	uint64_t num = get(im->b + E_PHNUM(im), 2);

	for (uint64_t i = 0; i < num; i++) {
		if (off + (i + 1) * ent > im->len)
			return NULL;
		if (get(im->b + off + i * ent, 4) == 1)
			return im->b + off + i * ent;
	}
	return NULL;
}

static int load_self(struct image *im)
{
	struct stat st;
	int fd = open(self_path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0)
		return -1;
	im->len = st.st_size;
	im->b = malloc(im->len);
	if (!im->b || read_all(fd, im->b, im->len) != (ssize_t)im->len) {
		close(fd);
		return -1;
	}
	close(fd);
	im->is64 = im->b[4] == 2;
	return memcmp(im->b, "\177ELF", 4) ? -1 : 0;
}

static int save(const char *name, const unsigned char *b, size_t len)
{
	int fd = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0755);

	if (fd < 0)
		return -1;
	if (len && write_all(fd, b, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* Exec name in a vfork child: the wait status. */
static int exec_status(const char *name)
{
	char *argv[] = { (char *)name, "-c", "exit", "177", NULL };
	int st = -1;
	pid_t pid = vfork();

	if (pid == 0) {
		execve(name, argv, environ);
		_exit(errno & 0xff);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

enum breakage {
	ELF_NONE, ELF_MAGIC, ELF_EMPTY, ELF_TRUNCATED, ELF_PHOFF, ELF_PHNUM,
	ELF_PHENTSIZE, ELF_SEGMENT, ELF_MACHINE, ELF_CLASS, ELF_TYPE,
};

static void do_break(struct image *im, enum breakage how)
{
	unsigned char *ph;

	switch (how) {
	case ELF_NONE:
		break;
	case ELF_MAGIC:
		im->b[1] = 'X';
		break;
	case ELF_EMPTY:
		im->len = 0;
		break;
	case ELF_TRUNCATED:
		im->len = 40;
		break;
	case ELF_PHOFF:
		put(im->b + E_PHOFF(im), W(im), im->len + 4096);
		break;
	case ELF_PHNUM:
		put(im->b + E_PHNUM(im), 2, 0xffff);
		break;
	case ELF_PHENTSIZE:
		put(im->b + E_PHENTSIZE(im), 2, 7);
		break;
	case ELF_SEGMENT:
		/* The first segment's bytes start past the end of the file
		 * (moved by 1 MiB, keeping offset and address congruent). */
		ph = first_load(im);
		if (ph) {
			int at = im->is64 ? 8 : 4;

			put(ph + at, W(im), get(ph + at, W(im)) + 0x100000 +
			    (im->len & ~(uint64_t)0xfffff));
		}
		break;
	case ELF_MACHINE:
		put(im->b + 18, 2, 0x1234);
		break;
	case ELF_CLASS:
		im->b[4] = im->is64 ? 1 : 2;
		break;
	case ELF_TYPE:
		put(im->b + 16, 2, 1);	/* ET_REL */
		break;
	}
}

static enum result elf_case(const char *test, enum breakage how)
{
	struct image im;
	int st;

	if (!have_exec)
		return skip("exec of %s does not work here", self_path);
	CHECK(load_self(&im) == 0, "cannot read %s as ELF", self_path);
	if (enter_scratch(test) < 0)
		return FAIL;
#ifndef __riscv
	/* x86's and Arm's loaders check e_machine only (RISC-V's checks both). */
	if (how == ELF_CLASS)
		return skip("this host's ELF loader ignores EI_CLASS");
#endif
	if (how == ELF_SEGMENT && !first_load(&im))
		return skip("no PT_LOAD found in %s", self_path);
	do_break(&im, how);
	CHECK(save("prog", im.b, im.len) == 0, "write prog: %s", strerror(errno));
	free(im.b);
	st = exec_status("./prog");
	CHECK(st != -1, "vfork/wait: %s", strerror(errno));
	if (how == ELF_NONE) {
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == RAN,
		      "the unbroken copy did not run: status %#x", st);
		return PASS;
	}
	CHECK(!(WIFEXITED(st) && WEXITSTATUS(st) == RAN), "the broken file ran");
	if (WIFSIGNALED(st)) {
		int sig = WTERMSIG(st);

		CHECK(how == ELF_SEGMENT && (sig == SIGBUS || sig == SIGSEGV ||
					     sig == SIGKILL),
		      "the new process died of signal %d", sig);
		return PASS;
	}
	CHECK(WIFEXITED(st), "status %#x", st);
	int e = WEXITSTATUS(st);
	if (how == ELF_PHOFF || how == ELF_SEGMENT)
		CHECK(e == ENOEXEC || e == EIO || e == EINVAL,
		      "exec: %s, want ENOEXEC (or EIO as Linux)", strerror(e));
	else
		CHECK(e == ENOEXEC, "exec: %s, want ENOEXEC", strerror(e));
	return PASS;
}

#define ELF_TEST(fn, how) static enum result fn(void) { return elf_case(#fn, how); }

ELF_TEST(elf_valid_copy, ELF_NONE)
ELF_TEST(elf_bad_magic, ELF_MAGIC)
ELF_TEST(elf_empty, ELF_EMPTY)
ELF_TEST(elf_truncated, ELF_TRUNCATED)
ELF_TEST(elf_bad_phoff, ELF_PHOFF)
ELF_TEST(elf_huge_phnum, ELF_PHNUM)
ELF_TEST(elf_bad_phentsize, ELF_PHENTSIZE)
ELF_TEST(elf_segment_past_eof, ELF_SEGMENT)
ELF_TEST(elf_wrong_machine, ELF_MACHINE)
ELF_TEST(elf_wrong_class, ELF_CLASS)
ELF_TEST(elf_not_executable_type, ELF_TYPE)

const struct test elf_tests[] = {
	{ "elf_valid_copy", elf_valid_copy },
	{ "elf_bad_magic", elf_bad_magic },
	{ "elf_empty", elf_empty },
	{ "elf_truncated", elf_truncated },
	{ "elf_bad_phoff", elf_bad_phoff },
	{ "elf_huge_phnum", elf_huge_phnum },
	{ "elf_bad_phentsize", elf_bad_phentsize },
	{ "elf_segment_past_eof", elf_segment_past_eof },
	{ "elf_wrong_machine", elf_wrong_machine },
	{ "elf_wrong_class", elf_wrong_class },
	{ "elf_not_executable_type", elf_not_executable_type },
	{ NULL, NULL },
};
