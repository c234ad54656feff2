// SPDX-License-Identifier: MIT
/*
 * Paging, in the running kernel: the configured mode is on; the walker
 * maps, protects and unmaps a scratch range of kernel addresses, large
 * leaves included; no kernel page is both writable and executable, and
 * writing the kernel's text or running its data faults (as expected
 * faults, through the exception table); the linear map uses large
 * pages; a thread's stack has an unmapped page below it; and an
 * unmapped page faults afterwards on every CPU, not only on the one that
 * unmapped it.
 */
#include <asm/csr.h>
#include <asm/extable.h>
#include <asm/fixmap.h>
#include <asm/mmu.h>
#include <asm/mmu_context.h>
#include <asm/ptrace.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/tlbflush.h>
#include <tern/errno.h>
#include <tern/io.h>
#include <tern/ktest.h>
#include <tern/memblock.h>
#include <tern/mutex.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/string.h>
#include <tern/vmalloc.h>

#define ROOT_LEVEL	(PGTABLE_LEVELS - 1)
#define RET_INSN	0x00008067u	/* jalr x0, 0(ra) */

/* A lone ret in the kernel's text: what probe_exec may run. */
void ktest_lone_ret(void);
__asm__(".pushsection .text\n"
	".balign 4\n"
	".globl ktest_lone_ret\n"
	"ktest_lone_ret:\n"
	"	ret\n"
	".popsection");

static u32 data_ret = RET_INSN;			/* .data: a ret that must not run */
static const u32 rodata_word = 0x600dc0de;	/* .rodata: must not change */

static pteval_t pte_of(const volatile void *p, unsigned int *level)
{
	pteval_t *e = kernel_lookup((uintptr_t)p, level);

	return e ? READ_ONCE(*e) : 0;
}

static void the_configured_mode_is_on(struct ktest *t)
{
	unsigned long satp = csr_read(satp);

	KTEST_EXPECT_EQ(t, satp >> SATP_MODE_SHIFT, SATP_MODE_CONFIGURED);
	KTEST_EXPECT(t, satp_modes_accepted & (1UL << SATP_MODE_CONFIGURED));
	KTEST_EXPECT_EQ(t, satp, swapper_satp);
	KTEST_EXPECT_EQ(t, (phys_addr_t)(satp & ((1UL << PTE_PPN_BITS) - 1)) << PAGE_SHIFT,
			__pa(swapper_pg_dir));
}

/* The probe's answer holds now too: the low asid_bits of satp.ASID stick, no others. */
static void asid_bits_are_what_the_hart_keeps(struct ktest *t)
{
	unsigned long flags = local_irq_save(), all = SATP_ASID_MASK << SATP_ASID_SHIFT, got;

	csr_write(satp, swapper_satp | all);
	got = csr_read(satp) & all;
	csr_write(satp, swapper_satp);
	local_flush_tlb_all();
	local_irq_restore(flags);
	KTEST_EXPECT_LE(t, asid_bits, (unsigned int)__builtin_popcountl(SATP_ASID_MASK));
	KTEST_EXPECT_EQ(t, got >> SATP_ASID_SHIFT, (1UL << asid_bits) - 1);
}

/* Runs fn with interrupts off and puts swapper_satp back afterwards. */
static void on_swapper_after(void (*fn)(struct ktest *t), struct ktest *t)
{
	unsigned long flags = local_irq_save();

	fn(t);
	csr_write(satp, swapper_satp);
	local_flush_tlb_all();
	local_irq_restore(flags);
}

static void switch_and_check(struct ktest *t)
{
	struct mm_asid a = { 0 }, b = { 0 };
	unsigned long satp, asid_a;

	switch_address_space(&a, __pa(swapper_pg_dir));
	satp = csr_read(satp);
	asid_a = satp >> SATP_ASID_SHIFT & SATP_ASID_MASK;
	KTEST_EXPECT_EQ(t, satp >> SATP_MODE_SHIFT, SATP_MODE_CONFIGURED);
	KTEST_EXPECT_EQ(t, satp & ((1UL << SATP_ASID_SHIFT) - 1),
			swapper_satp & ((1UL << SATP_ASID_SHIFT) - 1));	/* the root */
	KTEST_EXPECT_EQ(t, asid_a, (unsigned long)(a.id & SATP_ASID_MASK));
	switch_address_space(&b, __pa(swapper_pg_dir));
	switch_address_space(&a, __pa(swapper_pg_dir));
	KTEST_EXPECT_EQ(t, csr_read(satp) >> SATP_ASID_SHIFT & SATP_ASID_MASK, asid_a);
	if (!asid_bits)
		return;
	KTEST_EXPECT_NE(t, asid_a, 0UL);
	KTEST_EXPECT_NE(t, a.id & SATP_ASID_MASK, b.id & SATP_ASID_MASK);
}

/* satp carries the context's ASID, which stays the context's. */
static void switching_address_spaces_tags_satp(struct ktest *t)
{
	on_swapper_after(switch_and_check, t);
}

/* Running out of ASIDs starts a generation: a flush, and new ASIDs for old contexts. */
static void asids_roll_over_with_a_flush(struct ktest *t)
{
	unsigned int cpu = smp_processor_id(), flushes = 0;
	struct mm_asid old = { 0 }, fresh;
	unsigned long i, asid = 0, prev;
	bool flush;

	if (!asid_bits) {
		KTEST_EXPECT_EQ(t, asid_bits, 0u);
		return;
	}
	preempt_disable();
	prev = asid_get(&old, cpu, &flush);
	for (i = 0; i <= (1UL << asid_bits) && !flushes; i++) {
		fresh.id = 0;
		asid = asid_get(&fresh, cpu, &flush);
		KTEST_EXPECT_GT(t, asid, 0UL);
		KTEST_EXPECT_LT(t, asid, 1UL << asid_bits);
		if (flush)
			flushes++;
		else
			KTEST_EXPECT_EQ(t, asid, prev + 1);
		prev = asid;
	}
	KTEST_EXPECT_EQ(t, flushes, 1u);
	KTEST_EXPECT_EQ(t, asid, 1UL);
	asid_get(&old, cpu, &flush);
	KTEST_EXPECT(t, !flush);
	KTEST_EXPECT_NE(t, old.id >> ASID_GEN_SHIFT, 1ULL);	/* a later generation's */
	KTEST_EXPECT_EQ(t, (unsigned long)(old.id & SATP_ASID_MASK), 2UL);
	preempt_enable();
}

/*
 * What the boot check relies on: a satp write with a mode the hart lacks
 * changes nothing.  (rv32 has no such mode: MODE is one bit.)
 */
static void a_mode_the_hart_lacks_is_ignored(struct ktest *t)
{
	unsigned long flags, before, after;

	if (PGTABLE_LEVELS == 2)
		return;
	flags = local_irq_save();
	before = csr_read(satp);
	csr_write(satp, (before & ~(~0UL << SATP_MODE_SHIFT)) | 15UL << SATP_MODE_SHIFT);
	after = csr_read(satp);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, after, before);
}

/* Two pages mapped into a scratch area, through the walker, then protected and unmapped. */
static void walker_maps_protects_and_unmaps(struct ktest *t)
{
	struct vm_area *area = get_vm_area(4 * PAGE_SIZE, PAGE_SIZE);
	u32 *pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
	unsigned long va;
	unsigned int level;
	phys_addr_t pa;

	KTEST_ASSERT(t, area && pages);
	va = area->addr + PAGE_SIZE;
	KTEST_EXPECT(t, !kernel_lookup(va, NULL));
	KTEST_EXPECT_EQ(t, probe_read_word(va), -EFAULT);
	KTEST_ASSERT(t, map_kernel_range(va, __pa(pages), 2 * PAGE_SIZE, PAGE_KERNEL) == 0);
	KTEST_EXPECT_EQ(t, map_kernel_range(va, __pa(pages), PAGE_SIZE, PAGE_KERNEL), -EEXIST);
	KTEST_EXPECT(t, pte_of((void *)va, &level) && level == 0);
	KTEST_EXPECT(t, kernel_virt_to_phys((void *)(va + PAGE_SIZE + 8), &pa));
	KTEST_EXPECT_EQ(t, pa, __pa(pages) + PAGE_SIZE + 8);

	/* the same memory through both addresses */
	KTEST_EXPECT_EQ(t, probe_write_word(va + 4, 0x1234abcd), 0);
	KTEST_EXPECT_EQ(t, READ_ONCE(pages[1]), 0x1234abcd);
	WRITE_ONCE(pages[PAGE_SIZE / 4], 0x5a5a5a5a);
	KTEST_EXPECT_EQ(t, *(volatile u32 *)(va + PAGE_SIZE), 0x5a5a5a5a);

	/* read-only: a write faults and changes nothing; reads go on */
	KTEST_EXPECT_EQ(t, protect_kernel_range(va, PAGE_SIZE, PAGE_KERNEL_RO), 0);
	KTEST_EXPECT_EQ(t, probe_write_word(va + 4, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, READ_ONCE(pages[1]), 0x1234abcd);
	KTEST_EXPECT_EQ(t, probe_read_word(va + 4), 0);
	KTEST_EXPECT_EQ(t, probe_write_word(va + PAGE_SIZE, 2), 0);	/* the other page */
	KTEST_EXPECT_EQ(t, protect_kernel_range(va, PAGE_SIZE, PAGE_KERNEL), 0);
	KTEST_EXPECT_EQ(t, probe_write_word(va + 4, 3), 0);
	KTEST_EXPECT_EQ(t, READ_ONCE(pages[1]), 3);

	/* unmapped: the page faults, its neighbour stays */
	KTEST_EXPECT_EQ(t, unmap_kernel_range(va, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, probe_read_word(va), -EFAULT);
	KTEST_EXPECT(t, !kernel_virt_to_phys((void *)va, &pa));
	KTEST_EXPECT_EQ(t, probe_read_word(va + PAGE_SIZE), 0);
	free_vm_area(area);
	KTEST_EXPECT_EQ(t, probe_read_word(va + PAGE_SIZE), -EFAULT);
	free_pages(pages, 1);
}

/*
 * A block of a megapage (Sv32: 4 MiB) is mapped by a large leaf in the
 * linear map; protecting one page of it splits the leaf, and the rest
 * stays as it was.  Needs a block that large (PGALLOC_MAX_ORDER).
 */
static void protecting_a_page_splits_a_large_leaf(struct ktest *t)
{
	unsigned int order = LEVEL_SHIFT(1) - PAGE_SHIFT, level = 0;
	unsigned long size = LEVEL_SIZE(1);
	u8 *block;

	if (order > PGALLOC_MAX_ORDER)
		return;
	block = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
	KTEST_ASSERT(t, block != NULL);
	KTEST_EXPECT(t, pte_of(block, &level) && level >= 1);
	KTEST_EXPECT_EQ(t, protect_kernel_range((uintptr_t)block + 5 * PAGE_SIZE, PAGE_SIZE,
						PAGE_KERNEL_RO), 0);
	KTEST_EXPECT(t, pte_of(block, &level) && level == 0);
	KTEST_EXPECT_EQ(t, probe_write_word((uintptr_t)block + 5 * PAGE_SIZE, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_write_word((uintptr_t)block + 4 * PAGE_SIZE, 1), 0);
	KTEST_EXPECT_EQ(t, probe_write_word((uintptr_t)block + size - 4, 1), 0);
	KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)block + 5 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, protect_kernel_range((uintptr_t)block + 5 * PAGE_SIZE, PAGE_SIZE,
						PAGE_KERNEL), 0);
	KTEST_EXPECT_EQ(t, probe_write_word((uintptr_t)block + 5 * PAGE_SIZE, 1), 0);
	free_pages(block, order);
}

static void expect_prot(struct ktest *t, const volatile void *p, pteval_t want, const char *what)
{
	pteval_t pte = pte_of(p, NULL);

	if ((pte & (_PAGE_RWX | _PAGE_U)) != want)
		ktest_fail(t, __FILE__, __LINE__, "%s at %p: PTE %#lx, want permissions %#lx",
			   what, (const void *)p, (unsigned long)pte, (unsigned long)want);
}

static void kernel_sections_have_their_permissions(struct ktest *t)
{
	static u32 bss_word;
	u32 stack_word = 0;

	expect_prot(t, _start, _PAGE_R | _PAGE_X, "text");
	expect_prot(t, ktest_lone_ret, _PAGE_R | _PAGE_X, "text");
	expect_prot(t, &rodata_word, _PAGE_R, "rodata");
	expect_prot(t, __start_rodata, _PAGE_R, "rodata");
	expect_prot(t, &data_ret, _PAGE_R | _PAGE_W, "data");
	expect_prot(t, &bss_word, _PAGE_R | _PAGE_W, "bss");
	expect_prot(t, &stack_word, _PAGE_R | _PAGE_W, "stack");
	expect_prot(t, (void *)((uintptr_t)boot_stack_top - 4), _PAGE_R | _PAGE_W, "boot stack");
	if ((uintptr_t)__end_rw < (uintptr_t)_end)
		expect_prot(t, __end_rw, _PAGE_R, "kallsyms");
	expect_prot(t, mem_map, _PAGE_R | _PAGE_W, "linear map");
	expect_prot(t, boot_fdt.blob, is_fixmap_addr((uintptr_t)boot_fdt.blob) ? _PAGE_R :
		    _PAGE_R | _PAGE_W, "device tree");
}

/* Counts leaves under a table of the given level that are writable and executable, or user. */
static unsigned long count_bad(const pteval_t *table, unsigned int level, unsigned long first,
			      unsigned long *leaves)
{
	unsigned long i, wx = 0;

	for (i = first; i < PTRS_PER_TABLE; i++) {
		pteval_t pte = READ_ONCE(table[i]);

		if (!pte_present(pte))
			continue;
		if (pte_is_leaf(pte)) {
			(*leaves)++;
			wx += (pte & (_PAGE_W | _PAGE_X)) == (_PAGE_W | _PAGE_X) || (pte & _PAGE_U);
		} else if (level) {
			wx += count_bad(__va(pte_phys(pte)), level - 1, 0, leaves);
		}
	}
	return wx;
}

/* Every kernel mapping, the linear map's alias of the text included: W^X, and no U. */
static void no_kernel_page_is_writable_and_executable(struct ktest *t)
{
	unsigned long leaves = 0;

	KTEST_EXPECT_EQ(t, count_bad(swapper_pg_dir, ROOT_LEVEL, pte_index(TASK_SIZE, ROOT_LEVEL),
				    &leaves), 0);
	KTEST_EXPECT_GT(t, leaves, 0);
}

static void writing_kernel_text_or_rodata_faults(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, probe_exec((uintptr_t)ktest_lone_ret), 0);	/* it can run ... */
	KTEST_EXPECT_EQ(t, probe_write_word((uintptr_t)ktest_lone_ret, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_exec((uintptr_t)ktest_lone_ret), 0);	/* ... and still can */
	KTEST_EXPECT_EQ(t, probe_write_word((uintptr_t)_start, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_write_word((uintptr_t)&rodata_word, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, *(const volatile u32 *)&rodata_word, 0x600dc0de);
}

static void running_data_faults(struct ktest *t)
{
	u32 stack_ret[2] = { RET_INSN, RET_INSN };
	u32 *page = alloc_page(GFP_KERNEL);
	u32 *vpage = vmalloc(PAGE_SIZE);

	KTEST_ASSERT(t, page && vpage);
	page[0] = RET_INSN;
	vpage[0] = RET_INSN;
	__asm__ __volatile__("fence.i" ::: "memory");
	KTEST_EXPECT_EQ(t, probe_exec((uintptr_t)&data_ret), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_exec((uintptr_t)stack_ret), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_exec((uintptr_t)page), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_exec((uintptr_t)vpage), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_exec((uintptr_t)&rodata_word), -EFAULT);
	vfree(vpage);
	free_page(page);
}

/*
 * Where a RAM range's alignment allows, the linear map uses leaves above
 * 4 KiB: in each range with at least two whole megapages beside the
 * kernel image (so that one split by another test leaves one).
 */
static void the_linear_map_uses_large_pages(struct ktest *t)
{
	phys_addr_t image_end = __pa(_end);
	unsigned int i, checked = 0;

	for (i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *m = &memblock_memory.regions[i];
		phys_addr_t end = MIN(m->base + m->size, PFN_PHYS(LINEAR_PFN_END));
		phys_addr_t pa = MAX(ALIGN_UP(MAX(m->base, image_end), LEVEL_SIZE(1)),
				     PFN_PHYS(LINEAR_PFN_START));
		unsigned long large = 0;
		unsigned int level;

		end = ALIGN_DOWN(end, LEVEL_SIZE(1));
		if (end < pa + 2 * LEVEL_SIZE(1))
			continue;
		for (; pa < end; pa = ALIGN_DOWN(pa, LEVEL_SIZE(level)) + LEVEL_SIZE(level)) {
			if (!pte_of(__va(pa), &level))
				break;
			large += level >= 1;
		}
		KTEST_EXPECT_GE(t, pa, end);	/* all of it mapped */
		KTEST_EXPECT_GT(t, large, 0);
		checked++;
	}
	KTEST_EXPECT_GT(t, checked, 0);
}

/* The decisions of the page fault handler and of the oops line. */
static void faults_are_told_apart(struct ktest *t)
{
	char buf[48];
	unsigned int i;
	bool retried = true, again;
	unsigned long flags = local_irq_save();	/* one CPU's record throughout */

	KTEST_EXPECT(t, !kernel_fault_spurious(0, EXC_LOAD_PAGE_FAULT));
	KTEST_EXPECT(t, !kernel_fault_spurious((uintptr_t)_start, EXC_STORE_PAGE_FAULT));
	KTEST_EXPECT(t, !kernel_fault_spurious((uintptr_t)&data_ret, EXC_INST_PAGE_FAULT));
	/* a mapping the table allows is retried, a few times, then it is a real fault */
	for (i = 0; i < 8 && retried; i++)
		retried = kernel_fault_spurious((uintptr_t)&rodata_word, EXC_LOAD_PAGE_FAULT);
	again = kernel_fault_spurious((uintptr_t)_start, EXC_INST_PAGE_FAULT);
	local_irq_restore(flags);
	KTEST_EXPECT(t, !retried);
	KTEST_EXPECT_GT(t, i, 1);
	KTEST_EXPECT(t, again);

	/* no user address space yet: a user address is -EFAULT, a kernel one not its business */
	KTEST_EXPECT_EQ(t, do_user_page_fault(&(struct pt_regs){ .badaddr = PAGE_SIZE }), -EFAULT);
	KTEST_EXPECT_EQ(t, do_user_page_fault(&(struct pt_regs){ .badaddr = TASK_SIZE }), -EINVAL);
	KTEST_EXPECT_EQ(t, probe_read_word(PAGE_SIZE), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_write_word(TASK_SIZE - sizeof(u32), 0), -EFAULT);

	describe_kernel_mapping((uintptr_t)_start, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "mapped r-x, 4 KiB page");
	describe_kernel_mapping(0, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "not mapped");
}

/* early_ioremap still works after boot, into the fixmap; iounmap takes it away. */
static void early_ioremap_uses_the_fixmap(struct ktest *t)
{
	u32 *word = alloc_page(GFP_KERNEL);
	void __iomem *io;

	KTEST_ASSERT(t, word != NULL);
	word[3] = 0xfeedface;
	io = early_ioremap(__pa(word) + 12, 4);
	KTEST_ASSERT(t, io != NULL);
	KTEST_EXPECT(t, is_fixmap_addr((uintptr_t)io));
	KTEST_EXPECT_EQ(t, readl(io), 0xfeedface);
	KTEST_EXPECT(t, early_iounmap(io));
	KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)io), -EFAULT);
	KTEST_EXPECT(t, !early_iounmap(word));
	free_page(word);
}

/* ---- a thread's stack has an unmapped page below it (VMAP_STACK) ---- */

struct stack_probe {
	struct completion done;
	void *stack;
	int bottom, below;
};

static int stack_probe_thread(void *arg)
{
	struct stack_probe *p = arg;

	p->stack = current->stack;
	p->bottom = probe_read_word((uintptr_t)p->stack);
	p->below = probe_read_word((uintptr_t)p->stack - sizeof(u32));
	complete(&p->done);
	return 0;
}

static void thread_stacks_have_a_guard_page(struct ktest *t)
{
	struct stack_probe p = { .bottom = 1, .below = 1 };

	init_completion(&p.done);
	KTEST_ASSERT(t, kthread_run(stack_probe_thread, &p, "ktest-stack"));
	wait_for_completion(&p.done);
	KTEST_EXPECT_EQ(t, p.bottom, 0);
	if (!IS_ENABLED(CONFIG_VMAP_STACK)) {
		KTEST_EXPECT(t, !is_vmalloc_addr(p.stack));
		return;
	}
	KTEST_EXPECT(t, is_vmalloc_addr(p.stack));
	KTEST_EXPECT_EQ(t, p.below, -EFAULT);
	KTEST_EXPECT(t, pte_of((const char *)p.stack - 1, NULL) == 0);
}

/* ---- a page unmapped on one CPU faults on all of them ---- */

struct tlb_probe {
	uintptr_t addr;
	struct completion primed, done;
	int before, after;
	unsigned int cpu;
};

static struct tlb_probe tlb_probes[NR_CPUS];
static struct completion tlb_go;

static int tlb_probe_thread(void *arg)
{
	struct tlb_probe *p = arg;

	p->before = probe_read_word(p->addr);	/* now in this CPU's TLB */
	p->cpu = smp_processor_id();
	complete(&p->primed);
	wait_for_completion(&tlb_go);
	p->after = probe_read_word(p->addr);
	complete(&p->done);
	return 0;
}

/*
 * Each online CPU reads the page (a thread bound to it), then sleeps
 * while remove() unmaps it here; woken, each reads again and must fault.
 */
static void faults_everywhere_after(struct ktest *t, uintptr_t addr,
				    void (*remove)(uintptr_t addr))
{
	cpumask_t cpus = READ_ONCE(cpu_online_mask);
	unsigned int cpu;

	init_completion(&tlb_go);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct tlb_probe *p = &tlb_probes[cpu];

		if (!cpumask_test(cpus, cpu))
			continue;
		*p = (struct tlb_probe){ .addr = addr, .before = 1, .after = 1, .cpu = NR_CPUS };
		init_completion(&p->primed);
		init_completion(&p->done);
		KTEST_ASSERT(t, kthread_run_on_cpu(tlb_probe_thread, p, "ktest-tlb", cpu));
	}
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpumask_test(cpus, cpu))
			wait_for_completion(&tlb_probes[cpu].primed);
	remove(addr);
	complete_all(&tlb_go);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct tlb_probe *p = &tlb_probes[cpu];

		if (!cpumask_test(cpus, cpu))
			continue;
		wait_for_completion(&p->done);
		KTEST_EXPECT_EQ(t, p->cpu, cpu);
		KTEST_EXPECT_EQ(t, p->before, 0);
		KTEST_EXPECT_EQ(t, p->after, -EFAULT);
	}
}

static void remove_by_vfree(uintptr_t addr)
{
	vfree((void *)addr);
}

static void remove_by_unmap(uintptr_t addr)
{
	unmap_kernel_range(addr, PAGE_SIZE);
}

static void vfreed_memory_faults_on_every_cpu(struct ktest *t)
{
	void *p = vmalloc(PAGE_SIZE);

	KTEST_ASSERT(t, p != NULL);
	faults_everywhere_after(t, (uintptr_t)p, remove_by_vfree);
}

static void unmapped_page_faults_on_every_cpu(struct ktest *t)
{
	void *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	struct vm_area *area = get_vm_area(PAGE_SIZE, PAGE_SIZE);

	KTEST_ASSERT(t, page && area);
	KTEST_ASSERT(t, map_kernel_range(area->addr, __pa(page), PAGE_SIZE, PAGE_KERNEL) == 0);
	faults_everywhere_after(t, area->addr, remove_by_unmap);
	free_vm_area(area);
	free_page(page);
}

KTEST_SUITE(paging,
	    KTEST_CASE(the_configured_mode_is_on),
	    KTEST_CASE(a_mode_the_hart_lacks_is_ignored),
	    KTEST_CASE(asid_bits_are_what_the_hart_keeps),
	    KTEST_CASE(switching_address_spaces_tags_satp),
	    KTEST_CASE(asids_roll_over_with_a_flush),
	    KTEST_CASE(walker_maps_protects_and_unmaps),
	    KTEST_CASE(protecting_a_page_splits_a_large_leaf),
	    KTEST_CASE(kernel_sections_have_their_permissions),
	    KTEST_CASE(no_kernel_page_is_writable_and_executable),
	    KTEST_CASE(writing_kernel_text_or_rodata_faults),
	    KTEST_CASE(running_data_faults),
	    KTEST_CASE(the_linear_map_uses_large_pages),
	    KTEST_CASE(faults_are_told_apart),
	    KTEST_CASE(early_ioremap_uses_the_fixmap),
	    KTEST_CASE(thread_stacks_have_a_guard_page),
	    KTEST_CASE(vfreed_memory_faults_on_every_cpu),
	    KTEST_CASE(unmapped_page_faults_on_every_cpu));
