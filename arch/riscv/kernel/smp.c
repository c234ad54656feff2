// SPDX-License-Identifier: MIT
/*
 * The SMP hooks of <tern/smp.h>, over the firmware: SBI HSM hart_start
 * starts a hart at the physical address of secondary_entry (head.S) with
 * its idle task in a1, and
 * SBI IPIs raise the supervisor software interrupt (sip.SSIP) on the
 * harts they name, which the trap code hands to handle_ipi.  What to do
 * with a CPU once it runs is kernel/smp.c's business.
 */
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/sbi.h>
#include <tern/errno.h>
#include <tern/printk.h>
#include <tern/smp.h>

extern char secondary_entry[];	/* head.S */

int arch_smp_prepare_cpus(void)
{
	if (!sbi_probe_extension(SBI_EXT_HSM) || !sbi_probe_extension(SBI_EXT_IPI)) {
		pr_warn("smp: the firmware has no SBI HSM or IPI: only the boot hart runs\n");
		return -ENODEV;
	}

	csr_set(sie, SIE_SSIE);
	return 0;
}

int arch_cpu_start(unsigned int cpu, struct task *idle)
{
	unsigned long hartid = cpu_to_hartid(cpu);
	struct sbiret ret;

	/* The new hart reads swapper_satp and idle's context with the MMU off. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	/* It starts with the MMU off: at the entry's physical address. */
	ret = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, hartid,
			(unsigned long)__pa(secondary_entry), (unsigned long)idle, 0);

	if (ret.error) {
		pr_err("smp: hart %lu did not start: SBI error %ld\n", hartid, ret.error);
		return -EIO;
	}
	return 0;
}

void arch_secondary_init(void)
{
	csr_set(sie, SIE_SSIE);
	csr_write(scounteren, SCOUNTEREN_USER);
}

/*
 * One SBI call per run of harts that fit one hart_mask (XLEN ids from the
 * first one's): hart ids need not be dense, but usually are, and a
 * remote TLB flush to every other CPU then costs one call, not one per
 * CPU.
 */
void arch_send_ipi(cpumask_t mask)
{
	unsigned long base = 0, bits = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned long hartid = cpu_to_hartid(cpu);

		if (!cpumask_test(mask, cpu) || hartid == -1UL)
			continue;
		if (bits && (hartid < base || hartid - base >= __riscv_xlen)) {
			sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, bits, base, 0, 0);
			bits = 0;
		}
		if (!bits)
			base = hartid;
		bits |= 1UL << (hartid - base);
	}
	if (bits)
		sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, bits, base, 0, 0);
}
