/* SPDX-License-Identifier: MIT */
/*
 * The printf formatter (lib/vsprintf.c), used by printk and snprintf.
 * Conversions: %d %i %u %x %X %o %c %s %p %% with flags '-', '0', '+', ' ',
 * '#', a width and precision (numbers or '*'), and length modifiers hh h l ll
 * z t j.  %p prints 0x-prefixed hex of pointer width.  A NULL %s prints
 * "(null)".  Unknown conversions are copied through literally.
 */
#ifndef TERN_PRINTF_H
#define TERN_PRINTF_H

#include <stdarg.h>
#include <tern/compiler.h>
#include <tern/types.h>

/*
 * Formats into buf, writing at most size bytes including the terminating
 * NUL (nothing when size is 0).  Returns the length the full output would
 * have had, like C99 vsnprintf.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/* Like vsnprintf, but returns the number of characters actually stored. */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif
