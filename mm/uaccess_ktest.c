// SPDX-License-Identifier: MIT
/*
 * The uaccess helpers (<tern/uaccess.h>) on memory that works and memory
 * that faults: exact results and counts, every size of get_user and
 * put_user, alignments, the refusals, and SUM clear outside the helpers.
 *
 * The "user" buffer is a kernel page while paging is off (there is one
 * address space).  The end of RAM, where the device tree says it is,
 * makes a range that faults part way, when nothing answers beyond it.
 */
#include <asm/csr.h>
#include <asm/extable.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/memblock.h>
#include <tern/pgalloc.h>
#include <tern/string.h>
#include <tern/uaccess.h>

#define NOTHING_THERE	0x0	/* below RAM and devices on our boards: an access fault */
#define BUF_SIZE	(2 * PAGE_SIZE)

static u8 *kbuf;		/* the kernel's side of each copy */
static u8 __user *ubuf;		/* BUF_SIZE bytes of user memory */
static u8 *uview;		/* the same bytes, seen by the test */

static bool sum_clear(void)
{
	return !(csr_read(sstatus) & SR_SUM);
}

static bool setup(struct ktest *t)
{
	kbuf = alloc_pages(GFP_KERNEL, 1);
	uview = alloc_pages(GFP_KERNEL, 1);
	if (!kbuf || !uview) {
		ktest_fail(t, __FILE__, __LINE__, "no memory");
		return false;
	}
	ubuf = (u8 __user *)uview;
	return true;
}

static void teardown(void)
{
	free_pages(kbuf, 1);
	free_pages(uview, 1);
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

/* The end of the highest memory region: the first byte past it faults, or NULL. */
static uintptr_t end_of_ram(void)
{
	phys_addr_t end = 0;
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++)
		end = MAX(end, memblock_memory.regions[i].base + memblock_memory.regions[i].size);
	if (end > UINTPTR_MAX || (end & (PAGE_SIZE - 1)) || probe_read_word((uintptr_t)end) != -EFAULT)
		return 0;
	return (uintptr_t)end;
}

/* A copy that faults part way returns exactly the bytes it could not copy. */
static void a_partial_copy_counts_exactly(struct ktest *t)
{
	uintptr_t end = IS_ENABLED(CONFIG_MMU) ? 0 : end_of_ram();
	unsigned long before;

	if (!end) {
		ktest_fail(t, __FILE__, __LINE__, "no RAM end that faults beyond: nothing to test");
		return;
	}
	if (!setup(t))
		return;
	for (before = 1; before < 80; before += 13) {
		u8 __user *src = (u8 __user *)(end - before);

		memset(kbuf, 0x77, 128);
		KTEST_EXPECT_EQ(t, copy_from_user(kbuf, src, 100), 100 - before);
		KTEST_EXPECT(t, !memcmp(kbuf, (const void *)(end - before), before));
		KTEST_EXPECT_EQ(t, kbuf[before], 0);		/* the rest zero-filled */
		KTEST_EXPECT_EQ(t, kbuf[99], 0);
		KTEST_EXPECT_EQ(t, kbuf[100], 0x77);
		KTEST_EXPECT_EQ(t, strncpy_from_user((char *)kbuf, (const char __user *)src, 100),
				memchr((const void *)src, 0, before) ? (long)strnlen((const char *)src, before)
								       : -EFAULT);
	}
	KTEST_EXPECT(t, sum_clear());
	teardown();
}

KTEST_SUITE(uaccess,
	    KTEST_CASE(copies_round_trip),
	    KTEST_CASE(get_and_put_every_size),
	    KTEST_CASE(strncpy_from_user_stops_at_the_nul),
	    KTEST_CASE(bad_pointers_fail),
	    KTEST_CASE(a_partial_copy_counts_exactly));
