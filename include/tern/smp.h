/* SPDX-License-Identifier: MIT */
/*
 * Harts as the kernel numbers them: logical CPUs 0 .. NR_CPUS-1, CPU 0
 * being the boot hart, in device-tree order after it.  A cpumask is one
 * word, bit c for CPU c.  Without the SMP option there is one CPU and
 * every function here folds to a constant.
 *
 * smp_processor_id() is the CPU the caller runs on; it stays true only
 * while the caller cannot move (interrupts or preemption off, or the
 * task pinned by its affinity mask).
 */
#ifndef TERN_SMP_H
#define TERN_SMP_H

#include <tern/compiler.h>
#include <tern/kconfig.h>
#include <tern/sched.h>
#include <tern/types.h>

#define NR_CPUS		CONFIG_NR_CPUS

typedef unsigned long cpumask_t;

#define CPU_MASK_ALL	((cpumask_t)-1 >> (8 * sizeof(cpumask_t) - NR_CPUS))
#define cpumask_of(cpu)	((cpumask_t)1 << (cpu))

static inline bool cpumask_test(cpumask_t mask, unsigned int cpu)
{
	return cpu < NR_CPUS && (mask >> cpu) & 1;
}

static inline unsigned int smp_processor_id(void)
{
	return IS_ENABLED(CONFIG_SMP) ? current->cpu : 0;
}

/* CPUs that have started and run the scheduler. */
extern cpumask_t cpu_online_mask;

static inline bool cpu_online(unsigned int cpu)
{
	return cpumask_test(READ_ONCE(cpu_online_mask), cpu);
}

unsigned int num_online_cpus(void);

#define for_each_online_cpu(cpu)					\
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)			\
		if (cpu_online(cpu))

/* The hart id of a CPU (from the device tree), or -1UL if it has none. */
unsigned long cpu_to_hartid(unsigned int cpu);

/*
 * Boot: start every other hart the device tree lists, up to NR_CPUS, and
 * wait for each to come online (kernel/smp.c).
 */
void smp_init(void);

/*
 * Where a CPU started by arch_cpu_start enters the generic code, on its
 * idle task with interrupts off; never returns.
 */
void smp_secondary_start(void) __noreturn;

/* Interrupts another CPU so it looks at its run queue (need_resched). */
void smp_send_reschedule(unsigned int cpu);

/* Stops every other CPU (panic, power off); they never come back. */
void smp_stop_others(void);

/* From the trap handler on an IPI (the architecture acknowledged it). */
void handle_ipi(void);
/* IPIs handled so far, on every CPU; for tests. */
unsigned long ipi_count(void);

/*
 * What the architecture provides (arch/riscv/kernel/smp.c); only
 * kernel/smp.c calls these.
 */
/*
 * On the boot CPU, before it starts the others: can the firmware start
 * harts and send IPIs?  From then on this CPU takes IPIs.  0, or
 * -ENODEV having said why not.
 */
int arch_smp_prepare_cpus(void);
/*
 * Starts cpu's hart on its idle task (whose context holds its stack), in
 * smp_secondary_start.  0, or -EIO having said why not.  Coming online is
 * up to the new CPU.
 */
int arch_cpu_start(unsigned int cpu, struct task *idle);
/* On a new CPU, first thing: take IPIs. */
void arch_secondary_init(void);
/* Runs handle_ipi on every CPU in mask (any interrupts off there wait). */
void arch_send_ipi(cpumask_t mask);

#endif
