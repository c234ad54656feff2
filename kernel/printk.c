// SPDX-License-Identifier: MIT
/*
 * printk: formats a message, drops it if its level is above the console
 * log level, prefixes each line with a boot timestamp, and writes it to
 * every registered console (<tern/console.h>).  One lock, console_spin,
 * keeps lines from several harts whole and guards the console list; a
 * CPU that faults while holding it (an oops inside printk) writes without
 * it, so the report still comes out.
 */
#include <tern/console.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/smp.h>
#include <tern/spinlock.h>
#include <tern/time.h>

#define LINE_MAX 512

static int console_loglevel = CONFIG_CONSOLE_LOGLEVEL_DEFAULT;
static bool at_line_start = true;

void console_set_loglevel(int level)
{
	if (level >= 1 && level <= 8)
		console_loglevel = level;
}

int console_get_loglevel(void)
{
	return console_loglevel;
}

struct console *console_drivers;	/* console_spin */

/* Under console_spin, or on the CPU that holds it. */
static void console_write(const char *s, size_t n)
{
	struct console *con;

	for_each_console(con)
		con->write(con, s, n);
	if (n)
		at_line_start = s[n - 1] == '\n';
}

/* "[    1.234567] " from the time CSR; zero until the timebase is known. */
static void print_timestamp(void)
{
	u64 us = time_since_boot_us();
	char buf[32];
	int n;

	n = scnprintf(buf, sizeof(buf), "[%5llu.%06llu] ",
		      (unsigned long long)(us / 1000000), (unsigned long long)(us % 1000000));
	console_write(buf, (size_t)n);
}

/* Splits off a KERN_<level> prefix; returns the level or -1 for KERN_CONT. */
static int parse_level(const char **fmt)
{
	const char *f = *fmt;

	if (f[0] != KERN_SOH[0] || !f[1])
		return LOGLEVEL_DEFAULT;
	*fmt = f + 2;
	if (f[1] == 'c')
		return -1;
	if (f[1] >= '0' && f[1] <= '7')
		return f[1] - '0';
	return LOGLEVEL_DEFAULT;
}

static int last_level = LOGLEVEL_DEFAULT;
static spinlock_t console_spin = SPINLOCK_INIT;
static unsigned int console_owner = -1U;	/* the CPU holding console_spin */

/* Interrupts off.  False if this CPU holds the lock already: go on without. */
static bool console_lock(void)
{
	unsigned int cpu = smp_processor_id();

	if (READ_ONCE(console_owner) == cpu)
		return false;
	spin_lock(&console_spin);
	console_owner = cpu;
	return true;
}

static void console_unlock(bool locked)
{
	if (!locked)
		return;
	console_owner = -1U;
	spin_unlock(&console_spin);
}

int vprintk(const char *fmt, va_list ap)
{
	char buf[LINE_MAX];
	int level = parse_level(&fmt);
	int n = vscnprintf(buf, sizeof(buf), fmt, ap);
	int start = 0, i;
	unsigned long flags;
	bool locked;

	flags = local_irq_save();
	locked = console_lock();
	if (level < 0)
		level = last_level;
	last_level = level;
	for (i = 0; i < n && level < console_loglevel; i++) {
		if (buf[i] != '\n' && i != n - 1)
			continue;
		if (at_line_start && IS_ENABLED(CONFIG_PRINTK_TIME))
			print_timestamp();
		console_write(buf + start, (size_t)(i + 1 - start));
		start = i + 1;
	}
	console_unlock(locked);
	local_irq_restore(flags);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void console_printf(const char *fmt, ...)
{
	char buf[LINE_MAX];
	va_list ap;
	int n;

	unsigned long flags;
	bool locked;

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	flags = local_irq_save();
	locked = console_lock();
	console_write(buf, (size_t)n);
	console_unlock(locked);
	local_irq_restore(flags);
}

/* The link that points at con, or the list's end; console_spin held. */
static struct console **console_link(struct console *con)
{
	struct console **pp = &console_drivers;

	while (*pp && *pp != con)
		pp = &(*pp)->next;
	return pp;
}

/*
 * Unlinks every boot console; returns the first one, or NULL.
 * console_spin held.
 */
static struct console *unlink_boot_consoles(void)
{
	struct console **pp = &console_drivers, *first = NULL;

	while (*pp) {
		if ((*pp)->flags & CON_BOOT) {
			if (!first)
				first = *pp;
			WRITE_ONCE(*pp, (*pp)->next);
		} else {
			pp = &(*pp)->next;
		}
	}
	return first;
}

/*
 * A CPU that faults under console_spin walks the list without it: each
 * change is one store of a pointer, so it sees the list before or after.
 *
 * The handover is one step under console_spin: every line goes either to
 * the boot consoles or to the new one, never to both and never to
 * neither.  Nothing is replayed: there is no log buffer, and the boot
 * console printed the earlier lines (on QEMU, on the very same UART, so a
 * replay would print them twice; Linux drops CON_PRINTBUFFER for the
 * same reason).  The handover line is then said once, on the new console.
 */
int register_console(struct console *con)
{
	struct console **pp, *boot = NULL;
	unsigned long flags;
	bool locked;
	int err = 0;

	if (!con->write)
		return -EINVAL;
	flags = local_irq_save();
	locked = console_lock();
	pp = console_link(con);
	if (*pp) {
		err = -EBUSY;
	} else {
		if (!(con->flags & CON_BOOT))
			boot = unlink_boot_consoles();
		pp = console_link(con);
		con->next = NULL;
		WRITE_ONCE(*pp, con);
	}
	console_unlock(locked);
	local_irq_restore(flags);
	if (boot)
		pr_info("console: %s enabled, boot console %s disabled\n", con->name, boot->name);
	return err;
}

int unregister_console(struct console *con)
{
	unsigned long flags = local_irq_save();
	bool locked = console_lock();
	struct console **pp = console_link(con);
	int err = -EINVAL;

	if (*pp) {
		WRITE_ONCE(*pp, con->next);
		err = 0;
	}
	console_unlock(locked);
	local_irq_restore(flags);
	return err;
}
