// SPDX-License-Identifier: MIT
#include <asm/stacktrace.h>
#include <tern/arch.h>
#include <tern/irqflags.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/printf.h>
#include <tern/reboot.h>
#include <tern/smp.h>

#define NO_CPU	(-1)

static int panic_cpu = NO_CPU;	/* the CPU that reports; the others stop */

/*
 * Stop the kernel: say what and where (the caller, symbolised), show how we
 * got here, and power off with a failure status so QEMU exits non-zero.
 */
void panic(const char *fmt, ...)
{
	char msg[256], where[96];
	va_list ap;

	int self = (int)smp_processor_id(), first = NO_CPU;

	local_irq_disable();	/* no tick may switch tasks mid-report */
	if (!__atomic_compare_exchange_n(&panic_cpu, &first, self, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		if (first != self)	/* another CPU reports: stop here */
			arch_cpu_relax_forever();
		console_printf("\nnested panic: powering off\n");	/* a fault while panicking */
		machine_power_off(POWEROFF_PANIC);
	}
	smp_stop_others();	/* nothing else prints or runs from here on */

	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sprint_backtrace(where, sizeof(where), (unsigned long)__builtin_return_address(0));

	console_printf("\nKernel panic - not syncing: %s\n", msg);
	console_printf("panic() called from %s\n", where);
	dump_backtrace_here();
	console_printf("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	machine_power_off(POWEROFF_PANIC);
}
