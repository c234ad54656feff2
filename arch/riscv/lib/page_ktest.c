// SPDX-License-Identifier: MIT
/* clear_page and copy_page (arch/riscv/lib/page.S): one whole page, nothing around it. */
#include <tern/ktest.h>
#include <tern/pgalloc.h>
#include <tern/string.h>

/* Three pages: the middle one is worked on, the others must not change. */
static u8 *three_pages(struct ktest *t, u8 fill)
{
	u8 *p = alloc_pages(GFP_KERNEL, 2);

	if (p)
		memset(p, fill, 3 * PAGE_SIZE);
	else
		ktest_fail(t, __FILE__, __LINE__, "no memory");
	return p;
}

static bool all_bytes(const u8 *p, size_t n, u8 value)
{
	for (; n; n--, p++)
		if (*p != value)
			return false;
	return true;
}

static void clear_page_zeroes_one_page(struct ktest *t)
{
	u8 *p = three_pages(t, 0xa5);

	if (!p)
		return;
	clear_page(p + PAGE_SIZE);
	KTEST_EXPECT(t, all_bytes(p + PAGE_SIZE, PAGE_SIZE, 0));
	KTEST_EXPECT(t, all_bytes(p, PAGE_SIZE, 0xa5));
	KTEST_EXPECT(t, all_bytes(p + 2 * PAGE_SIZE, PAGE_SIZE, 0xa5));
	free_pages(p, 2);
}

static void copy_page_copies_one_page(struct ktest *t)
{
	u8 *dst = three_pages(t, 0x5a), *src = three_pages(t, 0xc3);
	unsigned long i;

	if (!dst || !src)
		goto out;
	for (i = 0; i < PAGE_SIZE; i++)
		src[PAGE_SIZE + i] = (u8)(i * 7 + i / 256);
	copy_page(dst + PAGE_SIZE, src + PAGE_SIZE);
	KTEST_EXPECT(t, !memcmp(dst + PAGE_SIZE, src + PAGE_SIZE, PAGE_SIZE));
	KTEST_EXPECT(t, all_bytes(dst, PAGE_SIZE, 0x5a));
	KTEST_EXPECT(t, all_bytes(dst + 2 * PAGE_SIZE, PAGE_SIZE, 0x5a));
out:
	if (dst)
		free_pages(dst, 2);
	if (src)
		free_pages(src, 2);
}

KTEST_SUITE(page_ops,
	    KTEST_CASE(clear_page_zeroes_one_page),
	    KTEST_CASE(copy_page_copies_one_page));
