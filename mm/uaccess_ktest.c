// SPDX-License-Identifier: MIT
/*
 * The uaccess helpers (<tern/uaccess.h>) on memory that works and memory
 * that faults: exact results and counts, every size of get_user and
 * put_user, alignments, the refusals, and SUM clear outside the helpers.
 *
 * With paging, the user buffer is two pages of an address space of the
 * test's own (mm_alloc, do_mmap, use_mm), faulted in by clear_user (a
 * demand-zero fault inside a helper), with nothing mapped after them,
 * which makes a range that faults part way; the test sees the same
 * pages through a kernel alias (a vmalloc-area mapping of their frames).
 * While paging is off the user buffer is a kernel page (there is one
 * address space), and the end of RAM, where the device tree says it is,
 * makes the range that faults part way, when nothing answers beyond it.
 */
#include <asm/csr.h>
#include <asm/extable.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/memblock.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/pgalloc.h>
#include <tern/string.h>
#include <tern/uaccess.h>
#include <tern/vmalloc.h>

#define NOTHING_THERE	0x0	/* below RAM and devices on our boards: an access fault */
#define BUF_SIZE	(2 * PAGE_SIZE)

static u8 *kbuf;		/* the kernel's side of each copy */
static u8 __user *ubuf;		/* BUF_SIZE bytes of user memory */
static u8 *uview;		/* the same bytes, seen by the test */

static bool sum_clear(void)
{
	return !(csr_read(sstatus) & SR_SUM);
}

#ifdef CONFIG_MMU
#define UBUF_ADDR	0x10000000UL	/* the only region of the test's address space */

static struct mm_struct *test_mm;
static struct vm_area *alias;

/* Maps the user pages at UBUF_ADDR into the vmalloc area too, as uview. */
static bool map_alias(void)
{
	unsigned long off;

	alias = get_vm_area(BUF_SIZE, PAGE_SIZE);
	if (!alias)
		return false;
	for (off = 0; off < BUF_SIZE; off += PAGE_SIZE) {
		pteval_t pte = mm_follow_pte(test_mm, UBUF_ADDR + off);

		if (!pte || map_kernel_range(alias->addr + off, pte_phys(pte), PAGE_SIZE,
					     PAGE_KERNEL))
			return false;
	}
	uview = (u8 *)alias->addr;
	return true;
}

static bool setup_user_buffer(void)
{
	unsigned long addr;

	test_mm = mm_alloc();
	if (!test_mm)
		return false;
	if (do_mmap(test_mm, UBUF_ADDR, BUF_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &addr))
		return false;
	use_mm(test_mm);
	ubuf = (u8 __user *)addr;
	/* Demand-zero faults inside a helper bring the pages in. */
	return clear_user(ubuf, BUF_SIZE) == 0 && map_alias();
}

static void free_user_buffer(void)
{
	if (alias)
		free_vm_area(alias);
	alias = NULL;
	if (test_mm) {
		if (current->mm == test_mm)
			unuse_mm(test_mm);
		mmput(test_mm);
	}
	test_mm = NULL;
}
#else
static bool setup_user_buffer(void)
{
	uview = alloc_pages(GFP_KERNEL, 1);
	ubuf = (u8 __user *)uview;
	return uview;
}

static void free_user_buffer(void)
{
	if (uview)
		free_pages(uview, 1);
}
#endif

static void teardown(void)
{
	if (kbuf)
		free_pages(kbuf, 1);
	free_user_buffer();
	kbuf = uview = NULL;
}

static bool setup(struct ktest *t)
{
	kbuf = alloc_pages(GFP_KERNEL, 1);
	if (!kbuf || !setup_user_buffer()) {
		ktest_fail(t, __FILE__, __LINE__, "no memory for the buffers");
		teardown();
		return false;
	}
	return true;
}

static void copies_round_trip(struct ktest *t)
{
	static const unsigned long lens[] = { 0, 1, 7, 8, 9, 63, 64, 65, 200, PAGE_SIZE + 3 };
	unsigned int i, from, to;

	if (!setup(t))
		return;
	for (i = 0; i < ARRAY_SIZE(lens); i++)
		for (from = 0; from < 8; from += 3)
			for (to = 0; to < 8; to += 5) {
				unsigned long n = lens[i], k;

				for (k = 0; k < BUF_SIZE; k++) {
					kbuf[k] = (u8)(k * 13 + 1);
					uview[k] = 0xee;
				}
				KTEST_EXPECT_EQ(t, copy_to_user(ubuf + to, kbuf + from, n), 0);
				KTEST_EXPECT(t, !memcmp(uview + to, kbuf + from, n));
				KTEST_EXPECT_EQ(t, uview[to + n], 0xee);
				memset(kbuf, 0, BUF_SIZE);
				KTEST_EXPECT_EQ(t, copy_from_user(kbuf + from, ubuf + to, n), 0);
				KTEST_EXPECT(t, !memcmp(uview + to, kbuf + from, n));
				KTEST_EXPECT_EQ(t, kbuf[from + n], 0);
			}
	memset(uview, 0xee, BUF_SIZE);
	KTEST_EXPECT_EQ(t, clear_user(ubuf + 3, 100), 0);
	KTEST_EXPECT_EQ(t, uview[2], 0xee);
	KTEST_EXPECT_EQ(t, uview[3], 0);
	KTEST_EXPECT_EQ(t, uview[102], 0);
	KTEST_EXPECT_EQ(t, uview[103], 0xee);
	KTEST_EXPECT(t, sum_clear());
	teardown();
}

static void get_and_put_every_size(struct ktest *t)
{
	u8 __user *p;
	u8 b = 0;
	s8 sb = 0;
	u16 h = 0;
	u32 w = 0;
	u64 d = 0;
	void *ptr = NULL;

	if (!setup(t))
		return;
	p = ubuf + 64;
	KTEST_EXPECT_EQ(t, put_user(0xff, p), 0);
	KTEST_EXPECT_EQ(t, get_user(b, p), 0);
	KTEST_EXPECT_EQ(t, b, 0xff);
	KTEST_EXPECT_EQ(t, get_user(sb, (s8 __user *)p), 0);
	KTEST_EXPECT_EQ(t, sb, -1);
	KTEST_EXPECT_EQ(t, put_user(0xbeef, (u16 __user *)p), 0);
	KTEST_EXPECT_EQ(t, get_user(h, (u16 __user *)p), 0);
	KTEST_EXPECT_EQ(t, h, 0xbeef);
	KTEST_EXPECT_EQ(t, put_user(0xdeadbeefu, (u32 __user *)p), 0);
	KTEST_EXPECT_EQ(t, get_user(w, (u32 __user *)p), 0);
	KTEST_EXPECT_EQ(t, w, 0xdeadbeefu);
	KTEST_EXPECT_EQ(t, put_user(0x0123456789abcdefULL, (u64 __user *)p), 0);
	KTEST_EXPECT_EQ(t, get_user(d, (u64 __user *)p), 0);
	KTEST_EXPECT_EQ(t, d, 0x0123456789abcdefULL);
	KTEST_EXPECT_EQ(t, *(u64 *)(uview + 64), 0x0123456789abcdefULL);
	KTEST_EXPECT_EQ(t, put_user(kbuf, (void *__user *)p), 0);
	KTEST_EXPECT_EQ(t, get_user(ptr, (void *__user *)p), 0);
	KTEST_EXPECT(t, ptr == kbuf);
	KTEST_EXPECT(t, sum_clear());
	teardown();
}

static void strncpy_from_user_stops_at_the_nul(struct ktest *t)
{
	char *dst;

	if (!setup(t))
		return;
	dst = (char *)kbuf;
	memcpy(uview, "hello", 6);
	memset(dst, 'x', 16);
	KTEST_EXPECT_EQ(t, strncpy_from_user(dst, (const char __user *)ubuf, 16), 5);
	KTEST_EXPECT_STREQ(t, dst, "hello");
	memset(dst, 'x', 16);
	KTEST_EXPECT_EQ(t, strncpy_from_user(dst, (const char __user *)ubuf, 3), 3);
	KTEST_EXPECT(t, !memcmp(dst, "helx", 4));	/* count bytes, no NUL */
	KTEST_EXPECT_EQ(t, strncpy_from_user(dst, (const char __user *)ubuf, 6), 5);
	KTEST_EXPECT_EQ(t, strncpy_from_user(dst, (const char __user *)ubuf, 0), 0);
	KTEST_EXPECT(t, sum_clear());
	teardown();
}

/* The end of the highest memory region: the first byte past it faults, or NULL. */
static uintptr_t __unused end_of_ram(void)
{
	phys_addr_t end = 0;
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++)
		end = MAX(end, memblock_memory.regions[i].base + memblock_memory.regions[i].size);
	if (end > UINTPTR_MAX || (end & (PAGE_SIZE - 1)) || probe_read_word((uintptr_t)end) != -EFAULT)
		return 0;
	return (uintptr_t)end;
}

/* NULL, and ranges that wrap around the address space: refused or faulting, never an oops. */
static void bad_pointers_fail(struct ktest *t)
{
	u8 __user *null = (u8 __user *)NOTHING_THERE;
	u8 __user *top = (u8 __user *)(uintptr_t)-16;
	u32 w = 1;

	if (!setup(t))
		return;
	memset(kbuf, 0x77, 64);
	KTEST_EXPECT_EQ(t, copy_from_user(kbuf, null, 64), 64);
	KTEST_EXPECT_EQ(t, kbuf[0], 0);			/* zero-filled */
	KTEST_EXPECT_EQ(t, kbuf[63], 0);
	KTEST_EXPECT_EQ(t, copy_to_user(null, kbuf, 64), 64);
	KTEST_EXPECT_EQ(t, clear_user(null, 64), 64);
	KTEST_EXPECT_EQ(t, get_user(w, (u32 __user *)null), -EFAULT);
	KTEST_EXPECT_EQ(t, w, 0);
	KTEST_EXPECT_EQ(t, put_user(5, (u32 __user *)null), -EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user((char *)kbuf, (const char __user *)null, 8), -EFAULT);
	/* Wrapping ranges are refused before any access. */
	KTEST_EXPECT(t, !access_ok(top, 32));
	KTEST_EXPECT(t, access_ok(ubuf, 0));
	KTEST_EXPECT_EQ(t, copy_from_user(kbuf, top, 32), 32);
	KTEST_EXPECT_EQ(t, copy_to_user(top, kbuf, 32), 32);
	KTEST_EXPECT(t, sum_clear());
	teardown();
}

#ifdef CONFIG_MMU
/*
 * With paging: kernel addresses, ranges that cross into the kernel half,
 * unmapped user addresses and read-only pages fail, and the kernel's
 * memory is untouched.
 */
static void kernel_and_unmapped_pointers_fail(struct ktest *t)
{
	u8 __user *edge = (u8 __user *)(TASK_SIZE - 8);
	u8 __user *kptr, *hole;
	unsigned long ro;
	u32 w = 1;

	if (!setup(t))
		return;
	kptr = (u8 __user *)kbuf;
	hole = ubuf + BUF_SIZE;		/* nothing mapped after the buffer */
	memset(kbuf, 0x55, 64);
	KTEST_EXPECT(t, !access_ok(kptr, 1));
	KTEST_EXPECT_EQ(t, copy_to_user(kptr, uview, 64), 64);
	KTEST_EXPECT_EQ(t, clear_user(kptr, 64), 64);
	KTEST_EXPECT_EQ(t, put_user(0, (u32 __user *)kptr), -EFAULT);
	KTEST_EXPECT_EQ(t, kbuf[0], 0x55);
	KTEST_EXPECT_EQ(t, get_user(w, (u32 __user *)kptr), -EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user((char *)uview, (const char __user *)kptr, 8),
			-EFAULT);
	/* Ends in the kernel half: refused before any access. */
	KTEST_EXPECT(t, !access_ok(edge, 16));
	KTEST_EXPECT_EQ(t, copy_from_user(kbuf, edge, 16), 16);
	KTEST_EXPECT_EQ(t, strncpy_from_user((char *)kbuf, (const char __user *)edge, 16),
			-EFAULT);
	/* In the user half, but in no region. */
	KTEST_EXPECT_EQ(t, copy_from_user(kbuf, hole, 64), 64);
	KTEST_EXPECT_EQ(t, copy_to_user(hole, kbuf, 64), 64);
	KTEST_EXPECT_EQ(t, put_user(1, (u32 __user *)hole), -EFAULT);
	KTEST_EXPECT_EQ(t, get_user(w, (u32 __user *)hole), -EFAULT);
	KTEST_EXPECT_EQ(t, w, 0);
	KTEST_EXPECT_EQ(t, mm_follow_pte(test_mm, (unsigned long)hole), 0);
	/* A read-only region: reads see its zeroes, writes fail. */
	KTEST_ASSERT(t, !do_mmap(test_mm, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
				 &ro));
	KTEST_EXPECT_EQ(t, get_user(w, (u32 __user *)ro), 0);
	KTEST_EXPECT_EQ(t, w, 0);
	KTEST_EXPECT_EQ(t, put_user(7, (u32 __user *)ro), -EFAULT);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)ro, kbuf, 8), 8);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)ro, 8), 8);
	/* PROT_NONE: neither. */
	KTEST_EXPECT_EQ(t, do_mprotect(test_mm, ro, PAGE_SIZE, PROT_NONE), 0);
	KTEST_EXPECT_EQ(t, get_user(w, (u32 __user *)ro), -EFAULT);
	KTEST_EXPECT(t, sum_clear());
	teardown();
}

/* The first user byte that faults: the end of the buffer (nothing is mapped after it). */
static uintptr_t faulting_end(void)
{
	return (uintptr_t)(ubuf + BUF_SIZE);
}

/* What the kernel sees at user address u, a byte of the buffer. */
static const u8 *kernel_view(uintptr_t u)
{
	return uview + (u - (uintptr_t)ubuf);
}
#else
static uintptr_t faulting_end(void)
{
	return end_of_ram();
}

static const u8 *kernel_view(uintptr_t u)
{
	return (const u8 *)u;
}
#endif

/* A copy that faults part way returns exactly the bytes it could not copy. */
static void a_partial_copy_counts_exactly(struct ktest *t)
{
	uintptr_t end;
	unsigned long before;

	if (!setup(t))
		return;
	end = faulting_end();
	if (!end) {
		ktest_fail(t, __FILE__, __LINE__, "no RAM end that faults beyond: nothing to test");
		teardown();
		return;
	}
	if (IS_ENABLED(CONFIG_MMU))	/* a string without a NUL, and one with */
		memset(uview + BUF_SIZE - 80, 'a', 80 - 30);
	for (before = 1; before < 80; before += 13) {
		u8 __user *src = (u8 __user *)(end - before);

		memset(kbuf, 0x77, 128);
		KTEST_EXPECT_EQ(t, copy_from_user(kbuf, src, 100), 100 - before);
		KTEST_EXPECT(t, !memcmp(kbuf, kernel_view(end - before), before));
		KTEST_EXPECT_EQ(t, kbuf[before], 0);		/* the rest zero-filled */
		KTEST_EXPECT_EQ(t, kbuf[99], 0);
		KTEST_EXPECT_EQ(t, kbuf[100], 0x77);
		KTEST_EXPECT_EQ(t, strncpy_from_user((char *)kbuf, (const char __user *)src, 100),
				memchr(kernel_view(end - before), 0, before) ?
				(long)strnlen((const char *)kernel_view(end - before), before) : -EFAULT);
	}
	KTEST_EXPECT(t, sum_clear());
	teardown();
}

KTEST_SUITE(uaccess,
	    KTEST_CASE(copies_round_trip),
	    KTEST_CASE(get_and_put_every_size),
	    KTEST_CASE(strncpy_from_user_stops_at_the_nul),
	    KTEST_CASE(bad_pointers_fail),
#ifdef CONFIG_MMU
	    KTEST_CASE(kernel_and_unmapped_pointers_fail),
#endif
	    KTEST_CASE(a_partial_copy_counts_exactly));
