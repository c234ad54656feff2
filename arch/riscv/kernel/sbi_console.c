// SPDX-License-Identifier: MIT
/*
 * The firmware's console as the boot console: registered on the first
 * line of start_kernel, so printk works before anything else is set up,
 * and replaced once a UART driver registers a console of its own.  Its
 * write is one SBI call per buffer (DBCN) or per byte (legacy putchar):
 * it needs no state of ours, so it also serves the oops and panic paths.
 */
#include <asm/sbi.h>
#include <tern/arch.h>
#include <tern/console.h>

static void sbi_console_con_write(struct console *con, const char *s, size_t n)
{
	sbi_console_write(s, n);
}

static struct console sbi_console = {
	.name = "sbi",
	.write = sbi_console_con_write,
	.flags = CON_BOOT,
};

void arch_early_console_init(void)
{
	sbi_init();	/* whether the firmware has DBCN */
	register_console(&sbi_console);
}
