// SPDX-License-Identifier: MIT
/*
 * printk: formats a message, keeps every line in the kernel log (a ring of
 * "<level>[seconds.micros] text" lines that syslog(2) reads, whatever the
 * level), and writes the lines whose level is below the console log level
 * to every registered console (<tern/console.h>) with the timestamp.  One
 * lock, console_spin, keeps lines from several harts whole and guards the
 * console list and the log; a CPU that faults while holding it (an oops
 * inside printk) writes without it, so the report still comes out.
 */
#include <tern/console.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/log_ring.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/smp.h>
#include <tern/spinlock.h>
#include <tern/time.h>
#include <tern/wait.h>

#define LINE_MAX 512

static int console_loglevel = CONFIG_CONSOLE_LOGLEVEL_DEFAULT;
static bool at_line_start = true;

static char log_buf[1U << CONFIG_LOG_BUF_SHIFT];
static struct log_ring klog = { .buf = log_buf, .size = sizeof(log_buf) };	/* console_spin */

/* Readers blocked in SYSLOG_ACTION_READ (kernel/syslog.c). */
struct wait_queue_head log_wait = { SPINLOCK_INIT, LIST_HEAD_INIT(log_wait.waiters) };
static bool log_line_open;	/* the log's last line lacks its newline; console_spin */

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

/* "[    1.234567] " from the time CSR (zero until the timebase is known); its length. */
static int format_timestamp(char *buf, size_t size)
{
	u64 us = time_since_boot_us();

	if (!IS_ENABLED(CONFIG_PRINTK_TIME))
		return 0;
	return scnprintf(buf, size, "[%5llu.%06llu] ",
			 (unsigned long long)(us / 1000000), (unsigned long long)(us % 1000000));
}

/*
 * One piece of a line into the log: a new line (not a continuation)
 * ends an unfinished one first and starts with "<level>" and the stamp.
 */
static void log_store(int level, bool cont, const char *ts, int ts_len,
		      const char *s, size_t n)
{
	char prefix[4] = { '<', (char)('0' + level), '>' };

	if (log_line_open && !cont)
		log_ring_write(&klog, "\n", 1);
	if (!log_line_open || !cont) {
		log_ring_write(&klog, prefix, 3);
		log_ring_write(&klog, ts, (size_t)ts_len);
	}
	log_ring_write(&klog, s, n);
	log_line_open = s[n - 1] != '\n';
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
	char buf[LINE_MAX], ts[32];
	int level = parse_level(&fmt);
	int n = vscnprintf(buf, sizeof(buf), fmt, ap);
	int ts_len = format_timestamp(ts, sizeof(ts));
	bool cont = level < 0;
	int start = 0, i;
	unsigned long flags;
	bool locked;

	flags = local_irq_save();
	locked = console_lock();
	if (cont)
		level = last_level;
	last_level = level;
	for (i = 0; i < n; i++) {
		if (buf[i] != '\n' && i != n - 1)
			continue;
		log_store(level, cont && !start, ts, ts_len, buf + start, (size_t)(i + 1 - start));
		if (level < console_loglevel) {
			if (at_line_start)
				console_write(ts, (size_t)ts_len);
			console_write(buf + start, (size_t)(i + 1 - start));
		}
		start = i + 1;
	}
	console_unlock(locked);
	local_irq_restore(flags);
	/*
	 * Wakes blocked readers, unless interrupts were off: then printk may
	 * be running under a scheduler or wait-queue lock, and a reader's
	 * own timeout finds the line instead.  The fence orders the write
	 * to the log before the look at the waiters (prepare_to_wait's lock
	 * and the reader's check of the log order the other side).
	 */
	if (n && !irqs_disabled()) {
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		if (!list_empty(&log_wait.waiters))
			wake_up(&log_wait);
	}
	return n;
}

/*
 * Under the log's lock (console_spin) with interrupts off: fn sees the
 * ring as one moment of it.  fn must not sleep, fault or printk.
 */
void log_locked(void (*fn)(struct log_ring *log, void *arg), void *arg)
{
	unsigned long flags = local_irq_save();
	bool locked = console_lock();

	fn(&klog, arg);
	console_unlock(locked);
	local_irq_restore(flags);
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
 * neither.  Nothing is replayed from the log: the boot console printed
 * the earlier lines (on QEMU, on the very same UART, so a replay would
 * print them twice; Linux drops CON_PRINTBUFFER for the same reason).  The handover line is then said once, on the new console.
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
