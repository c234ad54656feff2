// SPDX-License-Identifier: MIT
/*
 * The few C-library functions every ktest user program needs, linked
 * into each of them (scripts/Makefile.build's .user.o rules): the ones
 * the compiler may call on its own (memset, memcpy, strcmp, strlen), a
 * decimal parser, and the bad pointers the -EFAULT tests hand the
 * kernel.  The copy loops write through volatile pointers, so the
 * compiler cannot turn them back into calls to themselves.
 */
#include "user.h"

void *memset(void *s, int c, size_t n)
{
	volatile char *p = s;

	while (n--)
		*p++ = (char)c;
	return s;
}

void *memcpy(void *d, const void *s, size_t n)
{
	volatile char *p = d;
	const char *q = s;

	while (n--)
		*p++ = *q++;
	return d;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

long atol(const char *s)
{
	unsigned long v = 0;
	long sign = 1;

	if (*s == '-')
		sign = -1, s++;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned long)(*s++ - '0');
	return sign * (long)v;
}

long bad_pointer(int i, unsigned long unmapped, unsigned long kernel)
{
	switch (i) {
	case 0:
		return 0;			/* NULL */
	case 1:
		return ~0UL - 0xfff;		/* the top page: kernel half */
	case 2:
		return unmapped;
	case 3:
		return ~0UL - 7;		/* with 16 bytes or more, wraps past the end */
	default:
		return kernel;			/* kernel text */
	}
}
