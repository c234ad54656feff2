// SPDX-License-Identifier: MIT
/*
 * Bringing up the other harts and interrupting them.  The boot hart gives
 * each CPU an idle task and asks the firmware (SBI HSM hart_start) to
 * start its hart at secondary_entry (head.S) with that task in a1; the
 * hart sets up its traps, marks itself online, starts its tick and idles
 * until the scheduler gives it work.  Reschedule IPIs are SBI IPIs, which
 * raise the supervisor software interrupt (sip.SSIP) on the target.
 *
 * Without the SMP option the same file is built, and smp_init() starts
 * nothing: only CPU 0 is ever online.
 */
#include <asm/csr.h>
#include <asm/sbi.h>
#include <tern/arch.h>
#include <tern/errno.h>
#include <tern/irq.h>
#include <tern/printk.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/time.h>
#include <tern/timer.h>

/* msleep(1) polls a hart may take to come online before we give up on it. */
#define CPU_START_POLLS		1000

cpumask_t cpu_online_mask = 1;	/* the boot CPU */

void secondary_entry(void);
void smp_secondary_start(void) __noreturn;

unsigned int num_online_cpus(void)
{
	return (unsigned int)__builtin_popcountl(READ_ONCE(cpu_online_mask));
}

/* On the new hart, from secondary_entry: interrupts off, on its idle task. */
void smp_secondary_start(void)
{
	csr_set(sie, SIE_SSIE);
	irq_cpu_online();
	__atomic_fetch_or(&cpu_online_mask, cpumask_of(current->cpu), __ATOMIC_RELEASE);
	sched_start_secondary();
}

static int start_cpu(unsigned int cpu)
{
	unsigned long hartid = cpu_to_hartid(cpu);
	struct task *idle = sched_prepare_secondary(cpu);
	struct sbiret ret;
	unsigned int polls;

	if (!idle)
		return -ENOMEM;
	ret = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, hartid,
			(unsigned long)secondary_entry, (unsigned long)idle, 0);
	if (ret.error) {
		pr_err("smp: hart %lu did not start: SBI error %ld\n", hartid, ret.error);
		return -EIO;
	}
	/*
	 * Sleep between looks rather than spin: under QEMU's single-threaded
	 * TCG (-icount) a spinning hart keeps the new one from running.
	 */
	for (polls = 0; !cpu_online(cpu); polls++) {
		if (polls == CPU_START_POLLS) {
			pr_err("smp: hart %lu started but never came online\n", hartid);
			return -ETIMEDOUT;
		}
		msleep(1);
	}
	return 0;
}

void smp_init(void)
{
	unsigned int cpu;

	if (!IS_ENABLED(CONFIG_SMP) || nr_cpus_possible == 1)
		return;
	if (!sbi_probe_extension(SBI_EXT_HSM) || !sbi_probe_extension(SBI_EXT_IPI)) {
		pr_warn("smp: the firmware has no SBI HSM or IPI: only the boot hart runs\n");
		return;
	}
	csr_set(sie, SIE_SSIE);
	for (cpu = 1; cpu < nr_cpus_possible; cpu++)
		start_cpu(cpu);
	pr_info("smp: %u of %u CPUs online\n", num_online_cpus(), nr_cpus_possible);
}

void smp_send_reschedule(unsigned int cpu)
{
	unsigned long hartid = cpu_to_hartid(cpu);

	/* hart_mask bit 0 with hart_mask_base = the hart: just that one. */
	if (hartid != -1UL)
		sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, hartid, 0, 0);
}
