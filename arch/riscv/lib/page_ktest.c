// SPDX-License-Identifier: MIT
/*
 * clear_page and copy_page, both implementations (arch/riscv/lib/page.S
 * and page_vector.S): one whole page, nothing around it.  The vector
 * cases skip on harts without V; the cases of the pair the kernel picked
 * run on every machine.
 */
#include <asm/cpufeature.h>
#include <asm/csr.h>
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

static void check_clear(struct ktest *t, void (*clear)(void *page))
{
	u8 *p = three_pages(t, 0xa5);

	if (!p)
		return;
	clear(p + PAGE_SIZE);
	KTEST_EXPECT(t, all_bytes(p + PAGE_SIZE, PAGE_SIZE, 0));
	KTEST_EXPECT(t, all_bytes(p, PAGE_SIZE, 0xa5));
	KTEST_EXPECT(t, all_bytes(p + 2 * PAGE_SIZE, PAGE_SIZE, 0xa5));
	free_pages(p, 2);
}

static void check_copy(struct ktest *t, void (*copy)(void *to, const void *from))
{
	u8 *dst = three_pages(t, 0x5a), *src = three_pages(t, 0xc3);
	unsigned long i;

	if (!dst || !src)
		goto out;
	for (i = 0; i < PAGE_SIZE; i++)
		src[PAGE_SIZE + i] = (u8)(i * 7 + i / 256);
	copy(dst + PAGE_SIZE, src + PAGE_SIZE);
	KTEST_EXPECT(t, !memcmp(dst + PAGE_SIZE, src + PAGE_SIZE, PAGE_SIZE));
	KTEST_EXPECT(t, all_bytes(dst, PAGE_SIZE, 0x5a));
	KTEST_EXPECT(t, all_bytes(dst + 2 * PAGE_SIZE, PAGE_SIZE, 0x5a));
out:
	if (dst)
		free_pages(dst, 2);
	if (src)
		free_pages(src, 2);
}

static void clear_page_zeroes_one_page(struct ktest *t)
{
	check_clear(t, clear_page);
}

static void copy_page_copies_one_page(struct ktest *t)
{
	check_copy(t, copy_page);
}

static void scalar_clear_page_zeroes_one_page(struct ktest *t)
{
	check_clear(t, clear_page_scalar);
}

static void scalar_copy_page_copies_one_page(struct ktest *t)
{
	check_copy(t, copy_page_scalar);
}

/* Why the vector routines cannot run here, or NULL if they can. */
static const char *vector_missing(void)
{
	if (!IS_ENABLED(CONFIG_RISCV_ISA_V))
		return "RISCV_ISA_V is off";
	if (!riscv_has_extension('v'))
		return "the harts have no vector extension";
	return NULL;
}

#define REQUIRE_VECTOR(t) do {						\
	const char *__why = vector_missing();				\
	if (__why)							\
		KTEST_SKIP(t, __why);					\
} while (0)

static void vector_clear_page_zeroes_one_page(struct ktest *t)
{
	REQUIRE_VECTOR(t);
	check_clear(t, clear_page_vector);
}

static void vector_copy_page_copies_one_page(struct ktest *t)
{
	REQUIRE_VECTOR(t);
	check_copy(t, copy_page_vector);
}

/* The vector routines hand sstatus back as they found it: VS Off, interrupts as before. */
static void vector_ops_leave_sstatus_unchanged(struct ktest *t)
{
	unsigned long before, after;
	u8 *p;

	REQUIRE_VECTOR(t);
	p = three_pages(t, 0);
	if (!p)
		return;
	before = csr_read(sstatus);
	clear_page_vector(p);
	copy_page_vector(p + PAGE_SIZE, p);
	after = csr_read(sstatus);
	KTEST_EXPECT_EQ(t, after, before);
	KTEST_EXPECT_EQ(t, after & SR_VS, 0UL);
	free_pages(p, 2);
}

/* The choice made at boot follows the harts: vector exactly when all have V. */
static void page_ops_follow_the_harts(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, riscv_page_ops_vector,
			IS_ENABLED(CONFIG_RISCV_ISA_V) && riscv_has_extension('v'));
}

KTEST_SUITE(page_ops,
	    KTEST_CASE(clear_page_zeroes_one_page),
	    KTEST_CASE(copy_page_copies_one_page),
	    KTEST_CASE(scalar_clear_page_zeroes_one_page),
	    KTEST_CASE(scalar_copy_page_copies_one_page),
	    KTEST_CASE(vector_clear_page_zeroes_one_page),
	    KTEST_CASE(vector_copy_page_copies_one_page),
	    KTEST_CASE(vector_ops_leave_sstatus_unchanged),
	    KTEST_CASE(page_ops_follow_the_harts));
