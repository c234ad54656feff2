/* SPDX-License-Identifier: MIT */
/*
 * Kernel log.  A message may start with a level marker (KERN_ERR ...), as in
 * Linux; messages above the console log level are not printed.  Each line
 * gets a "[seconds.micros]" boot timestamp when the PRINTK_TIME option is on.
 */
#ifndef TERN_PRINTK_H
#define TERN_PRINTK_H

#include <stdarg.h>
#include <tern/compiler.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"	/* system is unusable */
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_CONT	KERN_SOH "c"	/* continues the previous line */

#define LOGLEVEL_EMERG	0
#define LOGLEVEL_DEBUG	7
#define LOGLEVEL_DEFAULT 4		/* level of a message with no marker */

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list ap);

/* Console output that ignores the log level (KTAP results, panic dumps). */
void console_printf(const char *fmt, ...) __printf(1, 2);

/* Sets the console log level: messages with level < this are printed. */
void console_set_loglevel(int level);
int console_get_loglevel(void);

/*
 * The kernel log (<tern/log_ring.h>), which keeps every line whatever its
 * level: fn runs under its lock with interrupts off, and must not sleep,
 * fault or printk.  log_wait wakes readers when a line is added.
 */
struct log_ring;
struct wait_queue_head;
void log_locked(void (*fn)(struct log_ring *log, void *arg), void *arg);
extern struct wait_queue_head log_wait;

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

#endif
