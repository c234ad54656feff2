// SPDX-License-Identifier: MIT
/*
 * Host tests of the region tree (mm/mmap.c) against a model, built once
 * per paging mode (tests/Makefile: test_vma_sv32 ... _sv57).
 *
 * The model keeps the flags of every page of a window at the bottom of
 * the user half, [MMAP_MIN_ADDR, WINDOW_END); mmap_base is set to its
 * end, so the top-down search for free ranges stays inside it.  The
 * regions must be exactly the model's maximal runs of equal flags
 * (merged), and the tree a valid red-black tree.  Thousands of random
 * mmap (fixed, hinted, searched; private, shared, stacks), munmap,
 * mprotect and brk calls are checked against the model, the address
 * each search returns included, some with every allocation failing (the
 * call must then fail with -ENOMEM and change nothing, or need no
 * memory).
 */
#include "harness.h"
#include "mm_host.h"

#include <tern/errno.h>
#include <tern/mm.h>
#include <tern/mman.h>

#define WINDOW_PAGES	4096UL
#define WINDOW_END	(MMAP_MIN_ADDR + WINDOW_PAGES * PAGE_SIZE)
#define GUARD_PAGES	(STACK_GUARD_GAP / PAGE_SIZE)
#define VM_MAY_ALL	(VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_HEAP		(VM_READ | VM_WRITE | VM_MAY_ALL)
#define RANDOM_OPS	20000
#define PAGE_ALIGN(x)	ALIGN_UP(x, PAGE_SIZE)

static unsigned long model[WINDOW_PAGES];	/* vm_flags per page; 0: unmapped */
static unsigned long model_brk, model_start_brk;
static struct mm_struct *mm;
static unsigned long long rng = 0x5eed0f7e5a11ULL;
static unsigned long succeeded[4];	/* random calls that changed something, per kind */

__attribute__((constructor)) static void setup(void)
{
	mm_host_init();
}

static unsigned int rnd(unsigned int bound)
{
	return harness_rnd(&rng, bound);
}

static unsigned long page_addr(unsigned long i)
{
	return MMAP_MIN_ADDR + i * PAGE_SIZE;
}

static unsigned long page_of(unsigned long addr)
{
	return (addr - MMAP_MIN_ADDR) / PAGE_SIZE;
}

static void new_mm(void)
{
	mm = mm_alloc();
	memset(model, 0, sizeof(model));
	mm->mmap_base = WINDOW_END;
	model_start_brk = model_brk = page_addr(64) + 100;
	mm->start_brk = mm->brk = model_brk;
}

/* ---- checks ---- */

static int rb_check(const struct rb_node *n, const struct rb_node *parent, bool *ok)
{
	int left, right;

	if (!n)
		return 1;
	if (n->rb_parent != parent || (parent && parent->rb_red && n->rb_red))
		*ok = false;
	left = rb_check(n->rb_left, n, ok);
	right = rb_check(n->rb_right, n, ok);
	if (left != right)
		*ok = false;
	return left + !n->rb_red;
}

/* The tree is a red-black tree of sorted, merged regions equal to the model's runs. */
static bool check_regions(const char *after)
{
	struct rb_node *node;
	unsigned long i = 0, count = 0, prev_end = 0, prev_flags = 0;
	bool ok = true;

	rb_check(mm->mm_rb.rb_node, NULL, &ok);
	if (mm->mm_rb.rb_node && mm->mm_rb.rb_node->rb_red)
		ok = false;
	if (!ok)
		return FAIL("after %s: not a valid red-black tree", after);
	for (node = rb_first(&mm->mm_rb); node; node = rb_next(node), count++) {
		struct vm_area_struct *v = rb_entry(node, struct vm_area_struct, vm_rb);
		unsigned long s = page_of(v->vm_start), e;

		if ((v->vm_start | v->vm_end) & ~PAGE_MASK || v->vm_start >= v->vm_end ||
		    v->vm_start < MMAP_MIN_ADDR || v->vm_end > WINDOW_END || v->vm_mm != mm)
			return FAIL("after %s: bad region %#lx-%#lx", after, v->vm_start, v->vm_end);
		if (v->vm_start < prev_end)
			return FAIL("after %s: regions overlap at %#lx", after, v->vm_start);
		if (v->vm_start == prev_end && v->vm_flags == prev_flags)
			return FAIL("after %s: regions not merged at %#lx", after, v->vm_start);
		for (; i < s; i++)
			if (model[i])
				return FAIL("after %s: page %#lx (flags %#lx) is in no region",
					    after, page_addr(i), model[i]);
		for (e = page_of(v->vm_end); i < e; i++)
			if (model[i] != v->vm_flags)
				return FAIL("after %s: page %#lx has flags %#lx, the model %#lx",
					    after, page_addr(i), v->vm_flags, model[i]);
		prev_end = v->vm_end;
		prev_flags = v->vm_flags;
	}
	for (; i < WINDOW_PAGES; i++)
		if (model[i])
			return FAIL("after %s: page %#lx is in no region", after, page_addr(i));
	if (count != mm->map_count)
		return FAIL("after %s: map_count %u, %lu regions", after, mm->map_count, count);
	if (mm->brk != model_brk)
		return FAIL("after %s: brk %#lx, the model %#lx", after, mm->brk, model_brk);
	if (mm_host_mutexes_held())
		return FAIL("after %s: a mutex is still held", after);
	return true;
}

static void dump_regions(void)
{
	struct rb_node *node;

	for (node = rb_first(&mm->mm_rb); node; node = rb_next(node)) {
		struct vm_area_struct *v = rb_entry(node, struct vm_area_struct, vm_rb);

		printf("#   region %#lx-%#lx flags %#lx\n", v->vm_start, v->vm_end, v->vm_flags);
	}
}

/* ---- the model ---- */

/* What range_free says: [i, i + n) free, off a stack's guard gap above, and below if stack. */
static bool model_range_free(unsigned long i, unsigned long n, unsigned long vm_flags)
{
	unsigned long j;

	if (i + n > WINDOW_PAGES)
		return false;
	for (j = i; j < i + n; j++)
		if (model[j])
			return false;
	for (; j < WINDOW_PAGES && j < i + n + GUARD_PAGES && !model[j]; j++)
		;
	if (j < WINDOW_PAGES && j < i + n + GUARD_PAGES && (model[j] & VM_GROWSDOWN))
		return false;		/* the region above is a stack, too close */
	if (vm_flags & VM_GROWSDOWN)
		for (j = i; j-- > 0 && j + GUARD_PAGES >= i;)
			if (model[j])
				return false;
	return true;
}

/* The highest free range top-down below the window's end; false if none. */
static bool model_find_gap(unsigned long n, unsigned long vm_flags, unsigned long *page)
{
	unsigned long i;

	for (i = WINDOW_PAGES - n + 1; i-- > 0;)
		if (model_range_free(i, n, vm_flags)) {
			*page = i;
			return true;
		}
	return false;
}

static void model_set(unsigned long addr, unsigned long len, unsigned long flags)
{
	unsigned long i;

	for (i = page_of(addr); i < page_of(addr + len); i++)
		model[i] = flags;
}

static unsigned long vm_flags_of(unsigned long prot, unsigned long flags)
{
	return prot | VM_MAY_ALL | ((flags & MAP_TYPE) == MAP_SHARED ? VM_SHARED | VM_MAYSHARE : 0) |
	       (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0);
}

/* ---- deterministic cases ---- */

TEST(empty_address_space)
{
	new_mm();
	EXPECT_EQ(mm->map_count, 0);
	EXPECT(find_vma(mm, 0) == NULL);
	EXPECT(check_regions("mm_alloc"));
	mmput(mm);
}

TEST(find_vma_returns_the_first_region_ending_above)
{
	unsigned long a;

	new_mm();
	ASSERT_EQ(do_mmap(mm, page_addr(10), 2 * PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
			  MAP_FIXED, &a), 0);
	ASSERT_EQ(do_mmap(mm, page_addr(20), PAGE_SIZE, PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS |
			  MAP_FIXED, &a), 0);
	mutex_lock(&mm->lock);
	EXPECT_EQ(find_vma(mm, 0)->vm_start, page_addr(10));
	EXPECT_EQ(find_vma(mm, page_addr(11) + 5)->vm_start, page_addr(10));
	EXPECT_EQ(find_vma(mm, page_addr(12))->vm_start, page_addr(20));
	EXPECT(find_vma(mm, page_addr(21)) == NULL);
	mutex_unlock(&mm->lock);
	mmput(mm);
}

TEST(mmap_rejects_bad_arguments)
{
	unsigned long a = 0;

	new_mm();
	EXPECT_EQ(do_mmap(mm, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, &a), -EINVAL);
	EXPECT_EQ(do_mmap(mm, 0, 1, 8, MAP_PRIVATE | MAP_ANONYMOUS, &a), -EINVAL);
	EXPECT_EQ(do_mmap(mm, 0, 1, PROT_READ, MAP_ANONYMOUS, &a), -EINVAL);
	EXPECT_EQ(do_mmap(mm, 0, 1, PROT_READ, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS, &a),
		  -EINVAL);
	EXPECT_EQ(do_mmap(mm, 0, 1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | 0x40, &a), -EINVAL);
	EXPECT_EQ(do_mmap(mm, 0, 1, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, &a),
		  -EINVAL);
	EXPECT_EQ(do_mmap(mm, 0, 1, PROT_READ, MAP_PRIVATE, &a), -ENODEV);
	EXPECT_EQ(do_mmap(mm, page_addr(1) + 1, 1, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &a), -EINVAL);
	EXPECT_EQ(do_mmap(mm, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &a),
		  -EPERM);
	EXPECT_EQ(do_mmap(mm, MMAP_MIN_ADDR - PAGE_SIZE, PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &a), -EPERM);
	EXPECT_EQ(do_mmap(mm, TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &a), -ENOMEM);
	EXPECT_EQ(do_mmap(mm, 0, TASK_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, &a), -ENOMEM);
	EXPECT_EQ(do_mmap(mm, 0, -1UL, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, &a), -ENOMEM);
	EXPECT_EQ(a, 0);
	EXPECT(check_regions("bad mmaps"));
	mmput(mm);
}

TEST(mmap_at_the_top_of_the_user_half)
{
	unsigned long a;

	new_mm();
	ASSERT_EQ(do_mmap(mm, TASK_SIZE - PAGE_SIZE, PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &a), 0);
	EXPECT_EQ(a, TASK_SIZE - PAGE_SIZE);
	EXPECT_EQ(do_munmap(mm, TASK_SIZE - PAGE_SIZE, PAGE_SIZE), 0);
	EXPECT_EQ(do_munmap(mm, TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE), -EINVAL);
	EXPECT_EQ(do_munmap(mm, TASK_SIZE, PAGE_SIZE), -EINVAL);
	EXPECT_EQ(do_munmap(mm, page_addr(0) + 1, PAGE_SIZE), -EINVAL);
	EXPECT_EQ(do_munmap(mm, page_addr(0), 0), -EINVAL);
	EXPECT_EQ(mm->map_count, 0);
	mmput(mm);
}

TEST(search_falls_back_above_mmap_base)
{
	unsigned long a;

	new_mm();
	ASSERT_EQ(do_mmap(mm, MMAP_MIN_ADDR, WINDOW_PAGES * PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &a), 0);
	ASSERT_EQ(do_mmap(mm, 0, 3 * PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, &a), 0);
	EXPECT_EQ(a, STACK_TOP - 3 * PAGE_SIZE);
	mmput(mm);
}

TEST(fixed_noreplace_refuses_a_taken_range)
{
	unsigned long a = 0;

	new_mm();
	ASSERT_EQ(do_mmap(mm, page_addr(8), PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, &a), 0);
	EXPECT_EQ(do_mmap(mm, page_addr(7), 2 * PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, &a), -EEXIST);
	EXPECT_EQ(do_mmap(mm, page_addr(7), 2 * PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_FIXED_NOREPLACE, &a), -EEXIST);
	EXPECT_EQ(do_mmap(mm, page_addr(9), PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, &a), 0);
	EXPECT_EQ(mm->map_count, 1);		/* merged */
	mmput(mm);
}

TEST(mprotect_splits_and_merges)
{
	unsigned long a;

	new_mm();
	ASSERT_EQ(do_mmap(mm, page_addr(0), 10 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &a), 0);
	model_set(page_addr(0), 10 * PAGE_SIZE, VM_READ | VM_WRITE | VM_MAY_ALL);
	EXPECT_EQ(do_mprotect(mm, page_addr(3), 2 * PAGE_SIZE, PROT_READ), 0);
	model_set(page_addr(3), 2 * PAGE_SIZE, VM_READ | VM_MAY_ALL);
	EXPECT_EQ(mm->map_count, 3);
	EXPECT(check_regions("mprotect in the middle"));
	EXPECT_EQ(do_mprotect(mm, page_addr(3), 2 * PAGE_SIZE, PROT_READ | PROT_WRITE), 0);
	model_set(page_addr(3), 2 * PAGE_SIZE, VM_READ | VM_WRITE | VM_MAY_ALL);
	EXPECT_EQ(mm->map_count, 1);
	EXPECT(check_regions("mprotect back"));
	EXPECT_EQ(do_mprotect(mm, page_addr(8), 4 * PAGE_SIZE, PROT_READ), -ENOMEM);
	EXPECT_EQ(do_mprotect(mm, page_addr(8) + 1, PAGE_SIZE, PROT_READ), -EINVAL);
	EXPECT_EQ(do_mprotect(mm, page_addr(8), PAGE_SIZE, 0x10), -EINVAL);
	EXPECT_EQ(do_mprotect(mm, page_addr(8), 0, PROT_READ), 0);
	EXPECT(check_regions("failed mprotects"));
	mmput(mm);
}

TEST(munmap_in_the_middle_splits)
{
	unsigned long a;

	new_mm();
	ASSERT_EQ(do_mmap(mm, page_addr(0), 10 * PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &a), 0);
	model_set(page_addr(0), 10 * PAGE_SIZE, VM_READ | VM_MAY_ALL);
	mm_host_set_budget(0);
	EXPECT_EQ(do_munmap(mm, page_addr(4), PAGE_SIZE), -ENOMEM);	/* needs a region */
	EXPECT_EQ(do_munmap(mm, page_addr(0), PAGE_SIZE), 0);		/* needs none */
	mm_host_set_budget(-1);
	model_set(page_addr(0), PAGE_SIZE, 0);
	EXPECT(check_regions("munmap without memory"));
	EXPECT_EQ(do_munmap(mm, page_addr(4), PAGE_SIZE), 0);
	model_set(page_addr(4), PAGE_SIZE, 0);
	EXPECT_EQ(mm->map_count, 2);
	EXPECT(check_regions("munmap in the middle"));
	mmput(mm);
}

TEST(brk_grows_and_shrinks_the_heap)
{
	unsigned long start;

	new_mm();
	start = model_start_brk;
	EXPECT_EQ(do_brk(mm, 0), start);			/* a query */
	EXPECT_EQ(do_brk(mm, start - 1), start);
	EXPECT_EQ(do_brk(mm, start + 3 * PAGE_SIZE), start + 3 * PAGE_SIZE);
	model_brk = start + 3 * PAGE_SIZE;
	model_set(PAGE_ALIGN(start), 3 * PAGE_SIZE, VM_HEAP);
	EXPECT(check_regions("brk up"));
	EXPECT_EQ(do_brk(mm, start + 10), start + 10);
	model_brk = start + 10;
	model_set(PAGE_ALIGN(start), 3 * PAGE_SIZE, 0);
	EXPECT(check_regions("brk down"));
	EXPECT_EQ(do_brk(mm, TASK_SIZE + 1), start + 10);
	mmput(mm);
}

TEST(brk_stops_at_a_region)
{
	unsigned long a, start;

	new_mm();
	start = model_start_brk;
	ASSERT_EQ(do_mmap(mm, PAGE_ALIGN(start) + 4 * PAGE_SIZE, PAGE_SIZE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, &a), 0);
	EXPECT_EQ(do_brk(mm, start + 8 * PAGE_SIZE), start);
	EXPECT_EQ(do_brk(mm, start + 3 * PAGE_SIZE), start + 3 * PAGE_SIZE);
	mmput(mm);
}

TEST(a_stack_keeps_its_guard_gap)
{
	unsigned long a, b;

	new_mm();
	ASSERT_EQ(do_mmap(mm, WINDOW_END - 4 * PAGE_SIZE, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN | MAP_FIXED, &a), 0);
	ASSERT_EQ(do_mmap(mm, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, &b), 0);
	EXPECT_EQ(b, a - STACK_GUARD_GAP - PAGE_SIZE);
	mmput(mm);
}

/* ---- random operations against the model ---- */

static unsigned long random_prot(void)
{
	return rnd(8);
}

static unsigned long random_len_pages(void)
{
	return rnd(8) ? 1 + rnd(16) : 1 + rnd(300);
}

static void random_mmap(bool no_memory)
{
	unsigned long n = random_len_pages(), len = n * PAGE_SIZE - rnd(PAGE_SIZE);
	unsigned long prot = random_prot(), type = rnd(8) ? MAP_PRIVATE : MAP_SHARED;
	unsigned long flags = type | MAP_ANONYMOUS, vm_flags, page, addr = 0, got = 0;
	unsigned int how = rnd(4);
	bool fallback = false;
	int err, want;

	if (type == MAP_PRIVATE && !rnd(8))
		flags |= MAP_GROWSDOWN;
	vm_flags = vm_flags_of(prot, flags);
	if (how == 0 || how == 1) {			/* fixed, replacing or not */
		page = rnd(WINDOW_PAGES - n + 1);
		addr = page_addr(page);
		flags |= how == 0 ? MAP_FIXED : MAP_FIXED_NOREPLACE;
		want = 0;
		if (how == 1) {
			unsigned long j;

			for (j = page; j < page + n; j++)
				if (model[j])
					want = -EEXIST;
		}
	} else {					/* a hint, or none */
		/* A hint inside the window, whatever it rounds up to. */
		addr = how == 2 ? page_addr(rnd(WINDOW_PAGES - n)) + rnd(PAGE_SIZE) : 0;
		page = page_of(PAGE_ALIGN(addr));
		want = 0;
		if (!(addr && model_range_free(page, n, vm_flags))) {
			fallback = !model_find_gap(n, vm_flags, &page);
		}
	}
	if (no_memory && !want)
		want = -ENOMEM;
	mm_host_set_budget(no_memory ? 0 : -1);
	err = do_mmap(mm, addr, len, prot, flags, &got);
	mm_host_set_budget(-1);
	if (err != want) {
		FAIL("mmap(%#lx, %#lx, prot %lu, flags %#lx) = %d, expected %d", addr, len, prot, flags,
		     err, want);
		return;
	}
	if (err)
		return;
	if (fallback) {
		EXPECT_EQ(got, STACK_TOP - n * PAGE_SIZE);
		EXPECT_EQ(do_munmap(mm, got, len), 0);
		return;
	}
	if (got != page_addr(page)) {
		FAIL("mmap(%#lx, %lu pages, flags %#lx) at %#lx, expected %#lx", addr, n, flags, got,
		     page_addr(page));
		dump_regions();
	}
	model_set(got, n * PAGE_SIZE, vm_flags);
	succeeded[0]++;
}

static void random_munmap(bool no_memory)
{
	unsigned long page = rnd(WINDOW_PAGES), n = random_len_pages(), j;
	int err, want = 0;

	if (page + n > WINDOW_PAGES)
		n = WINDOW_PAGES - page;
	/* Only a range strictly inside one region needs memory (the upper part). */
	if (no_memory && page > 0 && page + n < WINDOW_PAGES && model[page - 1] &&
	    model[page + n]) {
		for (j = page - 1; j <= page + n && model[j] == model[page - 1]; j++)
			;
		if (j > page + n)
			want = -ENOMEM;
	}
	mm_host_set_budget(no_memory ? 0 : -1);
	err = do_munmap(mm, page_addr(page), n * PAGE_SIZE - rnd(PAGE_SIZE));
	mm_host_set_budget(-1);
	EXPECT_EQ(err, want);
	if (!err) {
		model_set(page_addr(page), n * PAGE_SIZE, 0);
		succeeded[1]++;
	}
}

static void random_mprotect(bool no_memory)
{
	unsigned long page = rnd(WINDOW_PAGES), n = random_len_pages(), prot = random_prot(), j;
	unsigned long acc = prot;		/* PROT_* and VM_READ.. agree */
	bool splits = false;
	int err, want = 0;

	if (page + n > WINDOW_PAGES)
		n = WINDOW_PAGES - page;
	for (j = page; j < page + n; j++)
		if (!model[j])
			want = -ENOMEM;
	if (!want && no_memory) {
		/* A split where a changed region reaches beyond either end. */
		if (page > 0 && model[page - 1] == model[page] &&
		    (model[page] & VM_ACCESS_FLAGS) != acc)
			splits = true;
		if (page + n < WINDOW_PAGES && model[page + n] == model[page + n - 1] &&
		    (model[page + n - 1] & VM_ACCESS_FLAGS) != acc)
			splits = true;
		if (splits)
			want = -ENOMEM;
	}
	mm_host_set_budget(no_memory ? 0 : -1);
	err = do_mprotect(mm, page_addr(page), n * PAGE_SIZE - rnd(PAGE_SIZE), prot);
	mm_host_set_budget(-1);
	EXPECT_EQ(err, want);
	if (err)
		return;
	for (j = page; j < page + n; j++)
		model[j] = (model[j] & ~VM_ACCESS_FLAGS) | acc;
	succeeded[2]++;
}

static void random_brk(bool no_memory)
{
	unsigned long target = model_start_brk - PAGE_SIZE + rnd(300 * PAGE_SIZE);
	unsigned long old_end = PAGE_ALIGN(model_brk), new_end = PAGE_ALIGN(target), got;
	unsigned long want = model_brk;

	if (target >= model_start_brk) {
		if (new_end <= old_end) {
			want = target;
		} else if (model_range_free(page_of(old_end), page_of(new_end) - page_of(old_end),
					    VM_HEAP) && !no_memory) {
			want = target;
		}
	}
	/* Shrinking needs memory only to split a region the heap merged with: no memory, no change. */
	mm_host_set_budget(no_memory ? 0 : -1);
	got = do_brk(mm, target);
	mm_host_set_budget(-1);
	if (no_memory && new_end < old_end && got != target && got == model_brk)
		return;
	if (got != want) {
		FAIL("brk(%#lx) from %#lx = %#lx, expected %#lx", target, model_brk, got, want);
		return;
	}
	if (got != target)
		return;
	if (new_end < old_end)
		model_set(new_end, old_end - new_end, 0);
	else
		model_set(old_end, new_end - old_end, VM_HEAP);
	model_brk = target;
	succeeded[3]++;
}

TEST(random_operations_match_the_model)
{
	static const char *const names[] = { "mmap", "munmap", "mprotect", "brk" };
	unsigned long free_pages = mm_host_free_pages();
	long objects = mm_host_kmalloc_live();
	int i;

	new_mm();
	for (i = 0; i < RANDOM_OPS; i++) {
		unsigned int op = rnd(10);
		bool no_memory = !rnd(8);
		const char *name = names[op < 4 ? 0 : op < 6 ? 1 : op < 8 ? 2 : 3];

		if (op < 4)
			random_mmap(no_memory);
		else if (op < 6)
			random_munmap(no_memory);
		else if (op < 8)
			random_mprotect(no_memory);
		else
			random_brk(no_memory);
		if (!check_regions(name)) {
			printf("# at operation %d\n", i);
			break;
		}
	}
	printf("# %lu mmap, %lu munmap, %lu mprotect, %lu brk calls succeeded; %u regions at the end\n",
	       succeeded[0], succeeded[1], succeeded[2], succeeded[3], mm->map_count);
	/* Most calls of each kind must do something, or the test tests little. */
	EXPECT(succeeded[0] > RANDOM_OPS / 8 && succeeded[1] > RANDOM_OPS / 8 &&
	       succeeded[2] > RANDOM_OPS / 16 && succeeded[3] > RANDOM_OPS / 50);
	mmput(mm);
	EXPECT_EQ(mm_host_free_pages(), free_pages);
	EXPECT_EQ(mm_host_kmalloc_live(), objects);
}

TEST_MAIN()
