// SPDX-License-Identifier: MIT
#include <asm/stacktrace.h>
#include <tern/irq.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/printf.h>
#include <tern/reboot.h>

static bool in_panic;

/*
 * Stop the kernel: say what and where (the caller, symbolised), show how we
 * got here, and power off with a failure status so QEMU exits non-zero.
 */
void panic(const char *fmt, ...)
{
	char msg[256], where[96];
	va_list ap;

	local_irq_disable();	/* no tick may switch tasks mid-report */
	if (in_panic) {	/* a fault while panicking: just stop */
		console_printf("\nnested panic: powering off\n");
		machine_power_off(POWEROFF_PANIC);
	}
	in_panic = true;

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
