/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/riscv/include/asm/current.h: each thread's
 * current task is a thread-local pointer, so that smp_processor_id()
 * (current->cpu) says which CPU the thread plays.  tests/smp_host.c
 * holds one task per CPU; host_set_cpu() picks the thread's.
 */
#ifndef ASM_CURRENT_H
#define ASM_CURRENT_H

struct task;

extern _Thread_local struct task *host_current;

static inline struct task *get_current(void)
{
	return host_current;
}

/* From now on this thread runs as CPU cpu (below NR_CPUS). */
void host_set_cpu(unsigned int cpu);

#endif
