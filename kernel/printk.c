// SPDX-License-Identifier: MIT
/*
 * printk: formats a message, drops it if its level is above the console
 * log level, prefixes each line with a boot timestamp, and writes it to the
 * SBI console.  Single hart, no interrupts yet: no locking is needed.
 */
#include <asm/sbi.h>
#include <tern/arch.h>
#include <tern/printf.h>
#include <tern/printk.h>
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

static void console_write(const char *s, size_t n)
{
	sbi_console_write(s, n);
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

int vprintk(const char *fmt, va_list ap)
{
	char buf[LINE_MAX];
	int level = parse_level(&fmt);
	int n = vscnprintf(buf, sizeof(buf), fmt, ap);
	int start = 0, i;

	if (level < 0)
		level = last_level;
	last_level = level;
	if (level >= console_loglevel)
		return n;
	for (i = 0; i < n; i++) {
		if (buf[i] != '\n' && i != n - 1)
			continue;
		if (at_line_start && IS_ENABLED(CONFIG_PRINTK_TIME))
			print_timestamp();
		console_write(buf + start, (size_t)(i + 1 - start));
		start = i + 1;
	}
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

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, (size_t)n);
}
