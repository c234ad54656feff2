// SPDX-License-Identifier: MIT
/*
 * Host stand-in state of tests/include/asm/current.h: a task per CPU, and
 * each thread's current one (CPU 0's until the thread picks another).
 */
#include <tern/sched.h>
#include <tern/smp.h>

static struct task host_tasks[NR_CPUS];

_Thread_local struct task *host_current = &host_tasks[0];

void host_set_cpu(unsigned int cpu)
{
	host_tasks[cpu].cpu = cpu;
	host_current = &host_tasks[cpu];
}
