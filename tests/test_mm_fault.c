// SPDX-License-Identifier: MIT
/*
 * Host tests of user page tables (mm/memory.c, with mm/mmap.c), built
 * once per paging mode (tests/Makefile: test_mm_fault_sv32 ... _sv57),
 * on the fake physical memory of tests/mm_host.c.
 *
 * user_access() plays the hart: it looks the address up in the page
 * table and, when the PTE does not allow the access, calls
 * handle_mm_fault as the trap handler would, then retries once.  The
 * tests check demand-zero pages, copy-on-write after dup_mm, shared
 * regions, mprotect and PROT_NONE, stack growth, and that munmap and
 * mmput return every page and page-table page (1,000 address spaces made,
 * filled and freed); every allocation made to fail in turn must leave
 * nothing behind.  A random sequence over several address spaces, forks
 * included, is checked against a model of each page's flags and
 * contents, and every page's reference count against the PTEs that map
 * it.
 */
#include "harness.h"
#include "mm_host.h"

#include <tern/errno.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/page.h>

#define BASE		MMAP_MIN_ADDR
#define PG(i)		(BASE + (unsigned long)(i) * PAGE_SIZE)
#define RW		(PROT_READ | PROT_WRITE)
#define PRIV		(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define SHARED		(MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED)
#define BYTE_OFFSET	0x123		/* where user_access reads and writes in a page */
#define NO_FAULT_FIX	(-1000)		/* user_access: the fault handler said 0, but... */

enum access { READ, WRITE, EXEC };

__attribute__((constructor)) static void setup(void)
{
	mm_host_init();
}

static bool pte_allows(pteval_t pte, enum access a)
{
	if (!pte_present(pte) || !(pte & _PAGE_U) || !(pte & _PAGE_A))
		return false;
	if (a == WRITE)
		return (pte & _PAGE_W) && (pte & _PAGE_D);
	return pte & (a == EXEC ? _PAGE_X : _PAGE_R);
}

static u8 *user_byte(pteval_t pte, unsigned long va)
{
	return (u8 *)mm_host_phys_to_virt(pte_phys(pte)) + (va & ~PAGE_MASK);
}

/* The access, as a hart and its trap handler would do it: 0 or the fault's error. */
static int user_access(struct mm_struct *mm, unsigned long va, enum access a, u8 *val)
{
	static const unsigned int flags[] = {
		[READ] = FAULT_FLAG_USER,
		[WRITE] = FAULT_FLAG_USER | FAULT_FLAG_WRITE,
		[EXEC] = FAULT_FLAG_USER | FAULT_FLAG_INSTRUCTION,
	};
	pteval_t pte = mm_follow_pte(mm, va);

	if (!pte_allows(pte, a)) {
		int err = handle_mm_fault(mm, va, flags[a]);

		if (err)
			return err;
		pte = mm_follow_pte(mm, va);
		if (!pte_allows(pte, a)) {
			FAIL("fault at %#lx (access %d) handled, but the PTE %#llx still refuses it",
			     va, a, (unsigned long long)pte);
			return NO_FAULT_FIX;
		}
	}
	mm_host_tlb_fill(mm, va, pte);
	if (a == WRITE)
		*user_byte(pte, va) = *val;
	else
		*val = *user_byte(pte, va);
	return 0;
}

/* The last user of mm goes: its CPU has switched away (a full flush without ASIDs). */
static void put_mm(struct mm_struct *mm)
{
	if (mm->users == 1)
		mm_host_tlb_forget_mm(mm);
	mmput(mm);
}

static bool tlb_ok(void)
{
	char why[160];

	return mm_host_tlb_check(why, sizeof(why)) || FAIL("%s", why);
}

static int rd(struct mm_struct *mm, unsigned long va, u8 *val)
{
	return user_access(mm, va + BYTE_OFFSET, READ, val);
}

static int wr(struct mm_struct *mm, unsigned long va, u8 val)
{
	return user_access(mm, va + BYTE_OFFSET, WRITE, &val);
}

static struct page *page_at(struct mm_struct *mm, unsigned long va)
{
	pteval_t pte = mm_follow_pte(mm, va);

	return pte ? pfn_to_page((unsigned long)(pte_phys(pte) >> PAGE_SHIFT)) : NULL;
}

static unsigned long map(struct mm_struct *mm, unsigned long addr, unsigned long pages,
			 unsigned long prot, unsigned long flags)
{
	unsigned long got = 0;
	int err = do_mmap(mm, addr, pages * PAGE_SIZE, prot, flags, &got);

	if (err)
		FAIL("mmap(%#lx, %lu pages) = %d", addr, pages, err);
	return got;
}

struct baseline {
	unsigned long free_pages;
	long objects;
};

static struct baseline baseline(void)
{
	return (struct baseline){ mm_host_free_pages(), mm_host_kmalloc_live() };
}

static bool back_to(struct baseline b)
{
	return EXPECT_EQ(mm_host_free_pages(), b.free_pages) &&
	       EXPECT_EQ(mm_host_kmalloc_live(), b.objects) && EXPECT_EQ(mm_host_mutexes_held(), 0);
}

/* ---- deterministic cases ---- */

TEST(a_new_address_space_shares_the_kernel_half)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long i, user = mm_host_user_root_entries();

	ASSERT(mm);
	for (i = 0; i < PTRS_PER_TABLE; i++)
		if (!EXPECT_EQ(mm->pgt.root[i], i < user ? 0 : swapper_pg_dir[i]))
			break;
	EXPECT_EQ(mm->users, 1);
	EXPECT_EQ(mm->map_count, 0);
	EXPECT_EQ(mm->nr_pgtables, 0);
	put_mm(mm);
}

TEST(demand_zero_on_first_touch)
{
	struct baseline b = baseline();
	struct mm_struct *mm = mm_alloc();
	unsigned long before, local;
	pteval_t pte;
	u8 v = 0xff;

	map(mm, PG(0), 4, RW, PRIV);
	EXPECT_EQ(mm->rss, 0);
	before = mm_host_free_pages();
	local = mm_host_flushes.local_page;
	EXPECT_EQ(rd(mm, PG(1), &v), 0);
	EXPECT_EQ(v, 0);
	EXPECT_EQ(mm->rss, 1);
	EXPECT_EQ(before - mm_host_free_pages(), 1 + mm->nr_pgtables);
	EXPECT_EQ(mm_host_flushes.local_page, local + 1);
	pte = mm_follow_pte(mm, PG(1));
	EXPECT_EQ(pte & 0x3ff, _PAGE_V | _PAGE_R | _PAGE_W | _PAGE_U | _PAGE_A | _PAGE_D);
	EXPECT_EQ(page_ref_count(page_at(mm, PG(1))), 1);
	/* The whole page is zero, not just the byte read. */
	EXPECT(!memcmp(user_byte(pte, PG(1)), user_byte(pte, PG(1)) + 1, PAGE_SIZE - 1));
	EXPECT_EQ(*user_byte(pte, PG(1)), 0);
	EXPECT_EQ(wr(mm, PG(1), 0x42), 0);
	EXPECT_EQ(rd(mm, PG(1), &v), 0);
	EXPECT_EQ(v, 0x42);
	EXPECT_EQ(mm->rss, 1);
	EXPECT_EQ(mm_follow_pte(mm, PG(0)), 0);		/* untouched: nothing mapped */
	put_mm(mm);
	back_to(b);
}

TEST(faults_outside_regions_or_against_permissions)
{
	struct mm_struct *mm = mm_alloc();
	u8 v;

	map(mm, PG(0), 1, PROT_READ, PRIV);
	map(mm, PG(2), 1, RW, PRIV);
	map(mm, PG(4), 1, PROT_NONE, PRIV);
	map(mm, PG(6), 1, PROT_EXEC, PRIV);
	map(mm, PG(8), 1, PROT_WRITE, PRIV);
	EXPECT_EQ(rd(mm, PG(1), &v), -EFAULT);			/* a hole */
	EXPECT_EQ(rd(mm, BASE - PAGE_SIZE, &v), -EFAULT);
	EXPECT_EQ(handle_mm_fault(mm, 0, 0), -EFAULT);		/* NULL */
	EXPECT_EQ(handle_mm_fault(mm, TASK_SIZE, 0), -EFAULT);
	EXPECT_EQ(handle_mm_fault(mm, -1UL, FAULT_FLAG_WRITE), -EFAULT);
	EXPECT_EQ(rd(mm, PG(0), &v), 0);
	EXPECT_EQ(wr(mm, PG(0), 1), -EFAULT);			/* read-only */
	EXPECT_EQ(user_access(mm, PG(2), EXEC, &v), -EFAULT);	/* not executable */
	EXPECT_EQ(rd(mm, PG(4), &v), -EFAULT);			/* PROT_NONE */
	EXPECT_EQ(wr(mm, PG(4), 1), -EFAULT);
	EXPECT_EQ(rd(mm, PG(6), &v), -EFAULT);			/* execute-only */
	EXPECT_EQ(user_access(mm, PG(6), EXEC, &v), 0);
	EXPECT_EQ(mm_follow_pte(mm, PG(6)) & _PAGE_RWX, _PAGE_X);
	EXPECT_EQ(rd(mm, PG(8), &v), 0);			/* write implies read */
	EXPECT_EQ(mm_host_mutexes_held(), 0);
	put_mm(mm);
}

TEST(cow_shares_a_page_until_a_write)
{
	struct baseline b = baseline();
	struct mm_struct *parent = mm_alloc(), *child;
	struct page *shared;
	unsigned long free_before, ranged;
	u8 v;

	map(parent, PG(0), 2, RW, PRIV);
	EXPECT_EQ(wr(parent, PG(0), 7), 0);
	child = dup_mm(parent);
	ASSERT(child);
	EXPECT(tlb_ok());			/* the parent's W was flushed */
	shared = page_at(parent, PG(0));
	EXPECT(page_at(child, PG(0)) == shared);
	EXPECT_EQ(page_ref_count(shared), 2);
	EXPECT_EQ(mm_follow_pte(parent, PG(0)) & _PAGE_W, 0);
	EXPECT_EQ(mm_follow_pte(child, PG(0)) & _PAGE_W, 0);
	EXPECT_EQ(child->rss, 1);
	EXPECT_EQ(child->map_count, 1);
	EXPECT_EQ(rd(child, PG(0), &v), 0);
	EXPECT_EQ(v, 7);
	EXPECT_EQ(page_ref_count(shared), 2);		/* a read copies nothing */

	ranged = mm_host_flushes.mm_range;
	EXPECT_EQ(wr(child, PG(0), 9), 0);		/* the child copies */
	EXPECT(page_at(child, PG(0)) != shared);
	EXPECT(page_at(parent, PG(0)) == shared);
	EXPECT_EQ(page_ref_count(shared), 1);
	EXPECT_EQ(mm_host_flushes.mm_range, ranged + 1);
	EXPECT_EQ(mm_host_flushes.range_start, PG(0));
	EXPECT_EQ(mm_host_flushes.range_end, PG(1));
	EXPECT_EQ(rd(child, PG(0), &v), 0);
	EXPECT_EQ(v, 9);
	EXPECT_EQ(rd(parent, PG(0), &v), 0);
	EXPECT_EQ(v, 7);
	/* The rest of the page was copied too. */
	EXPECT(!memcmp(user_byte(mm_follow_pte(child, PG(0)), PG(0)),
		       user_byte(mm_follow_pte(parent, PG(0)), PG(0)), BYTE_OFFSET));

	free_before = mm_host_free_pages();
	EXPECT_EQ(wr(parent, PG(0), 8), 0);		/* the parent's is its own again */
	EXPECT(page_at(parent, PG(0)) == shared);
	EXPECT_EQ(mm_host_free_pages(), free_before);
	put_mm(parent);
	EXPECT_EQ(rd(child, PG(0), &v), 0);
	EXPECT_EQ(v, 9);
	put_mm(child);
	back_to(b);
}

TEST(shared_regions_stay_shared_across_fork)
{
	struct baseline b = baseline();
	struct mm_struct *parent = mm_alloc(), *child;
	u8 v;

	map(parent, PG(0), 3, RW, SHARED);
	EXPECT_EQ(parent->rss, 3);			/* filled when mapped */
	child = dup_mm(parent);
	ASSERT(child);
	EXPECT_EQ(wr(child, PG(2), 5), 0);
	EXPECT_EQ(rd(parent, PG(2), &v), 0);
	EXPECT_EQ(v, 5);
	EXPECT(page_at(child, PG(2)) == page_at(parent, PG(2)));
	EXPECT_EQ(page_ref_count(page_at(parent, PG(2))), 2);
	EXPECT(mm_follow_pte(child, PG(1)) & _PAGE_W);
	put_mm(child);
	put_mm(parent);
	back_to(b);
}

TEST(mprotect_keeps_copy_on_write)
{
	struct baseline b = baseline();
	struct mm_struct *parent = mm_alloc(), *child;
	u8 v;

	map(parent, PG(0), 1, RW, PRIV);
	EXPECT_EQ(wr(parent, PG(0), 1), 0);
	child = dup_mm(parent);
	ASSERT(child);
	EXPECT_EQ(rd(parent, PG(0), &v), 0);
	EXPECT_EQ(do_mprotect(parent, PG(0), PAGE_SIZE, PROT_READ), 0);
	EXPECT(tlb_ok());
	EXPECT_EQ(wr(parent, PG(0), 2), -EFAULT);
	EXPECT_EQ(do_mprotect(parent, PG(0), PAGE_SIZE, RW), 0);
	EXPECT_EQ(mm_follow_pte(parent, PG(0)) & _PAGE_W, 0);	/* still shared */
	EXPECT_EQ(wr(parent, PG(0), 2), 0);
	EXPECT(page_at(parent, PG(0)) != page_at(child, PG(0)));
	EXPECT_EQ(rd(child, PG(0), &v), 0);
	EXPECT_EQ(v, 1);
	put_mm(child);
	put_mm(parent);
	back_to(b);
}

TEST(prot_none_keeps_the_contents)
{
	struct mm_struct *mm = mm_alloc();
	pteval_t pte;
	u8 v;

	map(mm, PG(0), 1, RW, PRIV);
	EXPECT_EQ(wr(mm, PG(0), 3), 0);
	EXPECT_EQ(do_mprotect(mm, PG(0), PAGE_SIZE, PROT_NONE), 0);
	pte = mm_follow_pte(mm, PG(0));
	EXPECT(pte_present(pte));
	EXPECT_EQ(pte & _PAGE_RWX, 0);
	EXPECT(!pte_allows(pte, READ));
	EXPECT_EQ(rd(mm, PG(0), &v), -EFAULT);
	EXPECT_EQ(do_mprotect(mm, PG(0), PAGE_SIZE, PROT_READ | PROT_EXEC), 0);
	EXPECT_EQ(mm_follow_pte(mm, PG(0)) & _PAGE_RWX, _PAGE_R | _PAGE_X);
	EXPECT_EQ(rd(mm, PG(0), &v), 0);
	EXPECT_EQ(v, 3);
	EXPECT_EQ(do_mprotect(mm, PG(0), PAGE_SIZE, RW), 0);
	EXPECT_EQ(wr(mm, PG(0), 4), 0);			/* its own: made writable, not copied */
	EXPECT_EQ(rd(mm, PG(0), &v), 0);
	EXPECT_EQ(v, 4);
	put_mm(mm);
}

TEST(a_stack_grows_down_to_its_limit)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long top = STACK_TOP, start = top - 4 * PAGE_SIZE;
	struct vm_area_struct *vma;
	u8 v;

	map(mm, start, 4, RW, PRIV | MAP_GROWSDOWN);
	EXPECT_EQ(wr(mm, start - 3 * PAGE_SIZE, 1), 0);
	mutex_lock(&mm->lock);
	vma = find_vma(mm, start);
	EXPECT_EQ(vma->vm_start, start - 3 * PAGE_SIZE);
	mutex_unlock(&mm->lock);
	EXPECT_EQ(rd(mm, top - STACK_LIMIT, &v), 0);
	EXPECT_EQ(v, 0);
	EXPECT_EQ(rd(mm, top - STACK_LIMIT - PAGE_SIZE, &v), -EFAULT);
	EXPECT_EQ(mm->map_count, 1);
	put_mm(mm);
}

TEST(a_stack_stops_at_the_guard_gap)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long start = STACK_TOP - PAGE_SIZE;
	u8 v;

	map(mm, start, 1, RW, PRIV | MAP_GROWSDOWN);
	/* A region ending one page plus the guard gap below the stack. */
	map(mm, start - STACK_GUARD_GAP - 2 * PAGE_SIZE, 1, PROT_READ, PRIV);
	EXPECT_EQ(rd(mm, start - PAGE_SIZE, &v), 0);
	EXPECT_EQ(rd(mm, start - 2 * PAGE_SIZE, &v), -EFAULT);
	put_mm(mm);
}

TEST(munmap_returns_pages_and_tables)
{
	struct baseline b;
	struct mm_struct *mm = mm_alloc();
	unsigned long span = LEVEL_SIZE(1) / PAGE_SIZE, i, all, free_mid;

	b = baseline();
	map(mm, PG(0), 3 * span, RW, PRIV);		/* over four level-0 tables */
	for (i = 0; i < 3 * span; i += 97)
		EXPECT_EQ(wr(mm, PG(i), 1), 0);
	EXPECT_EQ(wr(mm, PG(3 * span - 1), 1), 0);
	EXPECT(mm->nr_pgtables >= 4);
	all = mm_host_flushes.mm_all;
	free_mid = mm_host_free_pages();
	EXPECT_EQ(do_munmap(mm, PG(span), span * PAGE_SIZE), 0);	/* one table's worth */
	EXPECT(tlb_ok());
	EXPECT(mm_host_free_pages() > free_mid);
	EXPECT_EQ(mm_follow_pte(mm, PG(span + 97 - span % 97)), 0);
	EXPECT_EQ(do_munmap(mm, PG(0), 3 * span * PAGE_SIZE), 0);
	EXPECT_EQ(mm->rss, 0);
	EXPECT_EQ(mm->nr_pgtables, 0);
	EXPECT_EQ(mm->map_count, 0);
	EXPECT(mm_host_flushes.mm_all > all);		/* tables went: the whole mm flushed */
	back_to(b);
	put_mm(mm);
}

/* Maps, touches and forks a little of everything; errors are allowed (allocations may fail). */
static void populate(struct mm_struct *mm, unsigned int seed)
{
	unsigned long got, i;

	do_mmap(mm, PG(0), 40 * PAGE_SIZE, RW, PRIV, &got);
	do_mmap(mm, PG(600), 2 * PAGE_SIZE, RW, SHARED, &got);
	do_mmap(mm, STACK_TOP - PAGE_SIZE, PAGE_SIZE, RW, PRIV | MAP_GROWSDOWN, &got);
	for (i = 0; i < 40; i += 3)
		wr(mm, PG(i), (u8)(seed + i));
	wr(mm, STACK_TOP - 2 * PAGE_SIZE, 1);
	mm->start_brk = mm->brk = PG(1000);
	do_brk(mm, PG(1003));
	wr(mm, PG(1001), 2);
}

TEST(a_thousand_address_spaces_leak_nothing)
{
	struct baseline b = baseline();
	unsigned int i;

	for (i = 0; i < 1000; i++) {
		struct mm_struct *mm = mm_alloc(), *child;

		ASSERT(mm);
		populate(mm, i);
		child = dup_mm(mm);
		ASSERT(child);
		wr(child, PG(3), 1);
		do_mprotect(mm, PG(10), 10 * PAGE_SIZE, PROT_READ);
		do_munmap(child, PG(20), 5 * PAGE_SIZE);
		if (i % 2)
			put_mm(mm);
		put_mm(child);
		if (!(i % 2))
			put_mm(mm);
	}
	back_to(b);
}

/* Every allocation of a whole life, made to fail in turn, leaks nothing. */
TEST(failed_allocations_leak_nothing)
{
	struct baseline b = baseline();
	long budget;
	bool completed = false;

	for (budget = 0; budget < 400 && !completed; budget++) {
		struct mm_struct *mm, *child = NULL;
		u8 v;

		mm_host_set_budget(budget);
		mm = mm_alloc();
		if (mm) {
			populate(mm, 1);
			child = dup_mm(mm);
			if (child) {
				completed = wr(child, PG(3), 1) == 0 && rd(child, PG(6), &v) == 0 &&
					    do_munmap(child, PG(5), PAGE_SIZE) == 0;
				put_mm(child);
			}
			put_mm(mm);
		}
		mm_host_set_budget(-1);
		if (!back_to(b)) {
			printf("# with a budget of %ld allocations\n", budget);
			break;
		}
	}
	EXPECT(completed);
}

/* ---- random operations against a model ---- */

#define RAND_PAGES	2048
#define RAND_MMS	4
#define RAND_OPS	6000

struct model_mm {
	struct mm_struct *mm;
	u8 prot[RAND_PAGES];		/* PROT_* + 8 when mapped */
	u8 val[RAND_PAGES];		/* the byte at BYTE_OFFSET */
};

static struct model_mm mms[RAND_MMS];
static unsigned long long rng = 0xc0ffee1234ULL;

static unsigned int rnd(unsigned int bound)
{
	return harness_rnd(&rng, bound);
}

static bool model_allows(const struct model_mm *m, unsigned long i, enum access a)
{
	unsigned int p = m->prot[i];

	if (!p)
		return false;
	if (a == WRITE)
		return p & PROT_WRITE;
	if (a == EXEC)
		return p & PROT_EXEC;
	return p & (PROT_READ | PROT_WRITE);
}

static void random_op(struct model_mm *m)
{
	unsigned long i = rnd(RAND_PAGES), n = 1 + rnd(rnd(4) ? 8 : 64), j, got;
	unsigned int op = rnd(16), prot = rnd(8);
	u8 v;

	if (i + n > RAND_PAGES)
		n = RAND_PAGES - i;
	if (op < 2) {
		if (!do_mmap(m->mm, PG(i), n * PAGE_SIZE, prot, PRIV, &got))
			for (j = i; j < i + n; j++) {
				m->prot[j] = (u8)(prot + 8);
				m->val[j] = 0;
			}
	} else if (op < 3) {
		EXPECT_EQ(do_munmap(m->mm, PG(i), n * PAGE_SIZE), 0);
		memset(&m->prot[i], 0, n);
	} else if (op < 5) {
		int want = 0;

		for (j = i; j < i + n; j++)
			if (!m->prot[j])
				want = -ENOMEM;
		EXPECT_EQ(do_mprotect(m->mm, PG(i), n * PAGE_SIZE, prot), want);
		for (j = i; !want && j < i + n; j++)
			m->prot[j] = (u8)(prot + 8);
	} else {
		enum access a = op < 10 ? WRITE : op < 15 ? READ : EXEC;
		int want = model_allows(m, i, a) ? 0 : -EFAULT, err;

		v = (u8)rnd(256);
		err = user_access(m->mm, PG(i) + BYTE_OFFSET, a, &v);
		if (err != want)
			FAIL("access %d at page %lu (prot %u) = %d, expected %d", a, i, m->prot[i],
			     err, want);
		else if (!err && a == WRITE)
			m->val[i] = v;
		else if (!err && a == READ && v != m->val[i])
			FAIL("page %lu reads %#x, expected %#x", i, v, m->val[i]);
	}
}

/* Counts the PTEs of the window that map each page, and checks them against the model. */
static bool check_ptes(unsigned int *refs)
{
	unsigned int k;
	unsigned long i;

	for (k = 0; k < RAND_MMS; k++) {
		struct model_mm *m = &mms[k];
		unsigned long present = 0;

		if (!m->mm)
			continue;
		for (i = 0; i < RAND_PAGES; i++) {
			pteval_t pte = mm_follow_pte(m->mm, PG(i));
			unsigned long pfn;

			if (!pte)
				continue;
			present++;
			if (!m->prot[i])
				return FAIL("mm %u: page %lu mapped outside every region", k, i);
			if (((pte & _PAGE_X) != 0) != ((m->prot[i] & PROT_EXEC) != 0) ||
			    ((pte & _PAGE_W) && !(m->prot[i] & PROT_WRITE)))
				return FAIL("mm %u: page %lu has PTE %#llx, prot %u", k, i,
					    (unsigned long long)pte, m->prot[i] - 8);
			pfn = (unsigned long)(pte_phys(pte) >> PAGE_SHIFT) - mem_map_start_pfn;
			refs[pfn]++;
		}
		if (present != m->mm->rss)
			return FAIL("mm %u: rss %lu, %lu pages mapped", k, m->mm->rss, present);
	}
	return true;
}

static bool check_refcounts(void)
{
	static unsigned int refs[MM_HOST_PAGES];
	unsigned long i;

	memset(refs, 0, sizeof(refs));
	if (!check_ptes(refs))
		return false;
	for (i = 0; i < MM_HOST_PAGES; i++)
		if (refs[i] && page_ref_count(&mem_map[i]) != (int)refs[i])
			return FAIL("page %lu: %d references, %u PTEs map it", i,
				    page_ref_count(&mem_map[i]), refs[i]);
	return tlb_ok();
}

TEST(random_operations_and_forks_match_the_model)
{
	struct baseline b = baseline();
	unsigned long forks = 0, exits = 0;
	unsigned int k;
	int step;

	mms[0].mm = mm_alloc();
	for (step = 0; step < RAND_OPS; step++) {
		struct model_mm *m = &mms[rnd(RAND_MMS)];
		unsigned int free_slot;

		if (!m->mm)
			continue;
		if (!rnd(150)) {				/* fork */
			for (free_slot = 0; free_slot < RAND_MMS && mms[free_slot].mm; free_slot++)
				;
			if (free_slot < RAND_MMS) {
				struct model_mm *c = &mms[free_slot];

				c->mm = dup_mm(m->mm);
				ASSERT(c->mm);
				memcpy(c->prot, m->prot, sizeof(c->prot));
				memcpy(c->val, m->val, sizeof(c->val));
				forks++;
			}
		} else if (!rnd(300) && m != &mms[0]) {	/* exit */
			put_mm(m->mm);
			m->mm = NULL;
			exits++;
		} else {
			random_op(m);
		}
		if ((step % 50 == 0 && !check_refcounts()) || !tlb_ok()) {
			printf("# at step %d\n", step);
			break;
		}
	}
	printf("# %lu forks, %lu exits\n", forks, exits);
	EXPECT(forks > 10);
	for (k = 0; k < RAND_MMS; k++)
		if (mms[k].mm) {
			put_mm(mms[k].mm);
			mms[k].mm = NULL;
		}
	back_to(b);
}

TEST_MAIN()
