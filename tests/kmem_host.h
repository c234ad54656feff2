/* SPDX-License-Identifier: MIT */
/*
 * Host stand-ins for what the object allocators (mm/kmem_*.c) call: a fake
 * page allocator over aligned_alloc that keeps a registry of its blocks,
 * and printk, panic and sprint_backtrace.  panic longjmps back into the
 * test when one is expected (EXPECT_PANIC), so DEBUG_SLAB's checks can be
 * tried; otherwise it aborts.  kmem_init() runs before the tests.  All of
 * them abort when called with an allocator lock held: the allocators
 * promise to drop their locks first.
 *
 * Include after harness.h and rename.h.
 */
#ifndef TESTS_KMEM_HOST_H
#define TESTS_KMEM_HOST_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

/* Allocations fail once this many pages are in use; 0: no limit. */
void fake_pgalloc_set_limit(unsigned long pages);
/*
 * Bump mode, like mm/pgalloc_bump.c: pgalloc_block_start knows no block
 * and free_pages only counts.  Blocks allocated before keep their mode.
 */
void fake_pgalloc_set_bump(bool bump);
unsigned long fake_pgalloc_used_pages(void);
unsigned long fake_pgalloc_blocks(void);
/*
 * The owner words of the 8-byte granules of [addr, addr + len), when the
 * range lies in one allocated block (in either mode); NULL otherwise.
 * The fake only stores them: the tests say what an owner is.
 */
unsigned int *fake_pgalloc_shadow(const void *addr, size_t len);

extern jmp_buf *host_panic_jmp;		/* set: panic longjmps here */
extern char host_panic_msg[512];	/* the last panic's message */
extern char host_printk_msg[512];	/* the last printk, level marker dropped */
extern unsigned long host_printk_count;

/* stmt must panic with a message containing needle. */
#define EXPECT_PANIC(stmt, needle) do {					\
	jmp_buf __jb;							\
	host_panic_msg[0] = '\0';					\
	host_panic_jmp = &__jb;						\
	if (!setjmp(__jb)) {						\
		stmt;							\
		FAIL("expected a panic from %s", #stmt);		\
	} else if (!strstr(host_panic_msg, needle)) {			\
		FAIL("panic \"%s\" does not say \"%s\"", host_panic_msg, needle); \
	}								\
	host_panic_jmp = NULL;						\
} while (0)

/* stmt must printk a message containing needle. */
#define EXPECT_PRINTK(stmt, needle) do {				\
	unsigned long __n = host_printk_count;				\
	stmt;								\
	if (host_printk_count == __n)					\
		FAIL("expected a message from %s", #stmt);		\
	else if (!strstr(host_printk_msg, needle))			\
		FAIL("message \"%s\" does not say \"%s\"", host_printk_msg, needle); \
} while (0)

#endif
