// SPDX-License-Identifier: MIT
/*
 * The no-MMU region list (mm/nommu.c) from inside the kernel: the
 * ktest thread takes an mm of its own for a moment (without an MMU
 * nothing is switched: current->mm only names the regions the uaccess
 * helpers accept), builds a program block and mappings, and checks
 * which user ranges the helpers take, what mmap, munmap and brk do, and
 * that every page comes back.
 */
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/ktest.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/pgalloc.h>
#include <tern/sched.h>
#include <tern/uaccess.h>

#define IMAGE	(3 * PAGE_SIZE)
#define HEAP	(2 * PAGE_SIZE)
#define STACK	(4 * PAGE_SIZE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

static unsigned long free_pages_now(void)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	return s.free_pages;
}

/* A fresh mm with a program block, current's while the case runs; the block's base. */
static struct mm_struct *take_mm(struct ktest *t, unsigned long *base)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm || mm_add_program(mm, IMAGE, HEAP, STACK, base)) {
		if (mm)
			mmput(mm);
		ktest_fail(t, __FILE__, __LINE__, "mm_add_program: no memory");
		return NULL;
	}
	current->mm = mm;
	return mm;
}

static void drop_mm(struct mm_struct *mm)
{
	current->mm = NULL;
	mmput(mm);
}

static bool can_read(unsigned long addr, unsigned long n)
{
	char buf[16];

	return copy_from_user(buf, (const void __user *)addr, MIN(n, sizeof(buf))) == 0 &&
	       access_ok((const void __user *)addr, n);
}

static void user_pointers_must_lie_in_one_region(struct ktest *t)
{
	unsigned long base, gap, a;
	struct mm_struct *mm = take_mm(t, &base);
	char c;

	if (!mm)
		return;
	KTEST_EXPECT(t, can_read(base, 16));
	KTEST_EXPECT(t, can_read(base + IMAGE - 16, 16));
	KTEST_EXPECT(t, access_ok((const void __user *)base, IMAGE));
	KTEST_EXPECT(t, access_ok((const void __user *)(base + IMAGE), HEAP));
	KTEST_EXPECT(t, access_ok((const void __user *)(base + IMAGE + HEAP), STACK));
	KTEST_EXPECT(t, access_ok((const void __user *)0, 0));	/* nothing to touch */
	/* NULL, kernel text, a range crossing out of its region, past the block, wrapping */
	KTEST_EXPECT(t, !access_ok((const void __user *)0, 1));
	KTEST_EXPECT_EQ(t, get_user(c, (const char __user *)0), -EFAULT);
	KTEST_EXPECT(t, !access_ok((const void __user *)(unsigned long)&free_pages_now, 4));
	KTEST_EXPECT(t, !access_ok((const void __user *)(base + IMAGE - 8), 16));
	KTEST_EXPECT(t, !access_ok((const void __user *)(base + IMAGE + HEAP + STACK), 1));
	KTEST_EXPECT(t, !access_ok((const void __user *)(base + 8), ~0UL));
	KTEST_EXPECT_EQ(t, strncpy_from_user(&c, (const char __user *)&free_pages_now, 1),
			-EFAULT);
	/* A mapping is a region; once unmapped it is a gap again. */
	KTEST_ASSERT(t, do_mmap(mm, 0, PAGE_SIZE, PROT_READ | PROT_WRITE, ANON, &a) == 0);
	KTEST_EXPECT(t, can_read(a, PAGE_SIZE));
	gap = a;
	KTEST_EXPECT_EQ(t, do_munmap(mm, a, PAGE_SIZE), 0);
	KTEST_EXPECT(t, !access_ok((const void __user *)gap, 1));
	KTEST_EXPECT_EQ(t, put_user('x', (char __user *)gap), -EFAULT);
	drop_mm(mm);
}

static void mmap_semantics_are_linux_nommu(struct ktest *t)
{
	unsigned long base, a, b;
	struct mm_struct *mm = take_mm(t, &base);

	if (!mm)
		return;
	KTEST_ASSERT(t, do_mmap(mm, 0, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE, ANON, &a) == 0);
	KTEST_EXPECT(t, !(a & ~PAGE_MASK));
	for (unsigned long i = 0; i < 3 * PAGE_SIZE; i += 512)
		KTEST_EXPECT_EQ(t, *(char *)(a + i), 0);
	KTEST_EXPECT_EQ(t, do_mmap(mm, a, PAGE_SIZE, PROT_READ, ANON | MAP_FIXED, &b), -EINVAL);
	KTEST_EXPECT_EQ(t, do_mmap(mm, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, &b), -ENODEV);
	KTEST_EXPECT_EQ(t, do_mmap(mm, 0, 0, PROT_READ, ANON, &b), -EINVAL);
	KTEST_EXPECT_EQ(t, do_munmap(mm, a, PAGE_SIZE), -EINVAL);	/* part of it */
	KTEST_EXPECT_EQ(t, do_munmap(mm, a + PAGE_SIZE, PAGE_SIZE), -EINVAL);
	KTEST_EXPECT_EQ(t, do_munmap(mm, base, IMAGE), -EINVAL);	/* not a mapping */
	KTEST_EXPECT_EQ(t, do_mprotect(mm, a, 2 * PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_EQ(t, do_mprotect(mm, a + 1, PAGE_SIZE, PROT_READ), -EINVAL);
	KTEST_EXPECT_EQ(t, do_mprotect(mm, a, 4 * PAGE_SIZE, PROT_READ), -ENOMEM);
	*(char *)a = 5;
	KTEST_EXPECT_EQ(t, do_madvise_dontneed(mm, a, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, *(char *)a, 0);
	KTEST_EXPECT_EQ(t, do_munmap(mm, a, 3 * PAGE_SIZE - 100), 0);	/* rounded up: whole */
	drop_mm(mm);
}

static void brk_moves_inside_the_fixed_heap(struct ktest *t)
{
	unsigned long base, start;
	struct mm_struct *mm = take_mm(t, &base);

	if (!mm)
		return;
	start = base + IMAGE;
	KTEST_EXPECT_EQ(t, do_brk(mm, 0), start);
	KTEST_EXPECT_EQ(t, do_brk(mm, start + 100), start + 100);
	memset((void *)start, 7, 100);
	KTEST_EXPECT_EQ(t, do_brk(mm, start), start);
	KTEST_EXPECT_EQ(t, do_brk(mm, start + 50), start + 50);
	KTEST_EXPECT_EQ(t, *(char *)(start + 10), 0);		/* grown again: zeros */
	KTEST_EXPECT_EQ(t, do_brk(mm, start + HEAP), start + HEAP);
	KTEST_EXPECT_EQ(t, do_brk(mm, start + HEAP + 1), start + HEAP);	/* full */
	KTEST_EXPECT_EQ(t, do_brk(mm, start - 1), start + HEAP);	/* below the heap */
	drop_mm(mm);
}

static void every_page_comes_back(struct ktest *t)
{
	unsigned long before = 0, base, a;

	if (IS_ENABLED(CONFIG_PGALLOC_BUMP) || IS_ENABLED(CONFIG_KMEM_BUMP))
		KTEST_SKIP(t, "a bump allocator never gets pages back");
	for (int round = 0; round < 2; round++) {	/* the first warms the caches */
		struct mm_struct *mm;

		if (round)
			before = free_pages_now();
		mm = take_mm(t, &base);
		if (!mm)
			return;
		for (int i = 1; i <= 8; i++)
			KTEST_EXPECT_EQ(t, do_mmap(mm, 0, i * PAGE_SIZE, PROT_READ, ANON, &a), 0);
		KTEST_EXPECT_EQ(t, do_munmap(mm, a, 8 * PAGE_SIZE), 0);
		drop_mm(mm);	/* the other seven mappings go with the mm */
	}
	KTEST_EXPECT_EQ(t, free_pages_now(), before);
}

KTEST_SUITE(nommu,
	    KTEST_CASE(user_pointers_must_lie_in_one_region),
	    KTEST_CASE(mmap_semantics_are_linux_nommu),
	    KTEST_CASE(brk_moves_inside_the_fixed_heap),
	    KTEST_CASE(every_page_comes_back));
