// SPDX-License-Identifier: MIT
/*
 * CPUs coming online, and interrupting each other.  The boot CPU gives
 * each other CPU an idle task and has the architecture start its hart on
 * that task (arch_cpu_start); the new CPU enters smp_secondary_start,
 * takes IPIs and external interrupts, marks itself online, starts its
 * tick and idles until the scheduler gives it work.  arch_send_ipi makes
 * handle_ipi run on the CPUs it names.
 *
 * Without the SMP option smp_init starts nothing: only CPU 0 is ever
 * online.
 */
#include <tern/arch.h>
#include <tern/errno.h>
#include <tern/irq.h>
#include <tern/printk.h>
#include <tern/sched.h>
#include <tern/smp.h>

/* msleep(1) polls a hart may take to come online before we give up on it. */
#define CPU_START_POLLS		1000

cpumask_t cpu_online_mask = 1;	/* the boot CPU; each other sets its own bit */
static bool cpus_stopping;	/* smp_stop_others: every IPI stops its CPU */
static unsigned long ipis;	/* handled, on every CPU */

unsigned int num_online_cpus(void)
{
	return (unsigned int)__builtin_popcountl(READ_ONCE(cpu_online_mask));
}

void smp_secondary_start(void)
{
	arch_secondary_init();
	irq_cpu_online();
	__atomic_fetch_or(&cpu_online_mask, cpumask_of(smp_processor_id()), __ATOMIC_RELEASE);
	sched_start_secondary();
}

static int start_cpu(unsigned int cpu)
{
	struct task *idle = sched_prepare_secondary(cpu);
	unsigned int polls;
	int err;

	if (!idle)
		return -ENOMEM;
	err = arch_cpu_start(cpu, idle);
	if (err)
		return err;
	/*
	 * Sleep between looks rather than spin: under QEMU's single-threaded
	 * TCG (-icount) a spinning hart keeps the new one from running.
	 */
	for (polls = 0; !cpu_online(cpu); polls++) {
		if (polls == CPU_START_POLLS) {
			pr_err("smp: hart %lu started but never came online\n",
			       cpu_to_hartid(cpu));
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
	if (arch_smp_prepare_cpus())
		return;
	for (cpu = 1; cpu < nr_cpus_possible; cpu++)
		start_cpu(cpu);
	pr_notice("smp: %u of %u CPUs online\n", num_online_cpus(), nr_cpus_possible);
}

void smp_send_reschedule(unsigned int cpu)
{
	arch_send_ipi(cpumask_of(cpu));
}

/*
 * A reschedule IPI needs nothing here: the sender set need_resched, and
 * the way out of the interrupt (or the idle loop the interrupt woke)
 * calls the scheduler.
 */
void handle_ipi(void)
{
	__atomic_fetch_add(&ipis, 1, __ATOMIC_RELAXED);
	if (READ_ONCE(cpus_stopping))
		arch_cpu_relax_forever();	/* interrupts are off in a handler */
}

void smp_stop_others(void)
{
	cpumask_t others = READ_ONCE(cpu_online_mask) & ~cpumask_of(smp_processor_id());

	WRITE_ONCE(cpus_stopping, true);
	if (others)
		arch_send_ipi(others);
}

unsigned long ipi_count(void)
{
	return READ_ONCE(ipis);
}
