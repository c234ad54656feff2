// SPDX-License-Identifier: MIT
/*
 * Freestanding memory and string functions.
 *
 * The compiler may emit calls to memcpy/memmove/memset/memcmp itself (struct
 * copies, zeroing), so these must never call back into themselves: the copy
 * and fill loops below are written out by hand.  Word-sized accesses are used
 * only when every pointer involved is word-aligned, because misaligned loads
 * trap or are emulated slowly on RISC-V.
 */
#include <tern/string.h>

/* A word that may alias any object, so the word loops obey the C rules. */
typedef unsigned long __attribute__((__may_alias__)) word_t;

#define WORD		sizeof(word_t)
#define ALIGNED(p)	(((uintptr_t)(p) & (WORD - 1)) == 0)

static void copy_forward(u8 *d, const u8 *s, size_t n)
{
	if (ALIGNED(d) && ALIGNED(s)) {
		for (; n >= WORD; n -= WORD, d += WORD, s += WORD)
			*(word_t *)d = *(const word_t *)s;
	}
	while (n--)
		*d++ = *s++;
}

/* Copies from the end down, for a destination above an overlapping source. */
static void copy_backward(u8 *d, const u8 *s, size_t n)
{
	d += n;
	s += n;
	if (ALIGNED(d) && ALIGNED(s)) {
		for (; n >= WORD; n -= WORD) {
			d -= WORD;
			s -= WORD;
			*(word_t *)d = *(const word_t *)s;
		}
	}
	while (n--)
		*--d = *--s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	copy_forward(dst, src, n);
	return dst;
}

/*
 * A forward copy is safe whenever dst starts below src: each byte (or
 * aligned word, which then sits at least a word below) is read before
 * anything overwrites it.
 */
void *memmove(void *dst, const void *src, size_t n)
{
	if ((uintptr_t)dst <= (uintptr_t)src ||
	    (uintptr_t)dst - (uintptr_t)src >= n)
		copy_forward(dst, src, n);
	else
		copy_backward(dst, src, n);
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	u8 *d = dst;
	word_t pattern = ((word_t)-1 / 0xff) * (u8)c;

	for (; n && !ALIGNED(d); n--)
		*d++ = (u8)c;
	for (; n >= WORD; n -= WORD, d += WORD)
		*(word_t *)d = pattern;
	while (n--)
		*d++ = (u8)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *x = a, *y = b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const u8 *p = s;

	for (; n; n--, p++) {
		if (*p == (u8)c)
			return (void *)p;
	}
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/* Never reads past s[max - 1], so it is safe on unterminated buffers. */
size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/* Bytes compare as unsigned char, as the C standard requires. */
int strcmp(const char *a, const char *b)
{
	const u8 *x = (const u8 *)a, *y = (const u8 *)b;

	while (*x && *x == *y) {
		x++;
		y++;
	}
	return *x - *y;
}

int strncmp(const char *a, const char *b, size_t n)
{
	const u8 *x = (const u8 *)a, *y = (const u8 *)b;

	for (; n; n--, x++, y++) {
		if (*x != *y || !*x)
			return *x - *y;
	}
	return 0;
}

/* strchr(s, '\0') finds the terminator, as in C. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/* An empty needle matches at the start of the haystack. */
char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++) {
		if (strncmp(haystack, needle, n) == 0)
			return (char *)haystack;
	}
	return n == 0 ? (char *)haystack : NULL;
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

static bool is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Value of an alphanumeric digit in bases up to 36; 36 for anything else. */
static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 36;
}

/*
 * Skips a "0x" prefix when base is 0 or 16 and picks the base for 0.  The
 * prefix counts only if a hex digit follows: "0xg" parses as 0, ending at
 * 'x', like the C library does.
 */
static int take_base_prefix(const char **p, int base)
{
	const char *s = *p;
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
		   digit_value(s[2]) < 16;

	if ((base == 0 || base == 16) && hex) {
		*p = s + 2;
		return 16;
	}
	if (base == 0)
		return s[0] == '0' ? 8 : 10;
	return base;
}

/*
 * Behaves as C's strtoul, minus errno: leading white space and a sign are
 * accepted ("-1" gives ULONG_MAX, as in C), bases 2..36 are supported, an
 * overflowing number saturates to ULONG_MAX, and when no digits are found
 * *end is s and the result 0.
 */
unsigned long strtoul(const char *s, char **end, int base)
{
	const char *p = s;
	unsigned long v = 0, max = ~0UL;
	bool neg = false, any = false, overflow = false;
	unsigned int d;

	while (is_space(*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	base = take_base_prefix(&p, base);
	if (base >= 2 && base <= 36) {
		for (; (d = digit_value(*p)) < (unsigned int)base; p++) {
			any = true;
			if (v > (max - d) / base)
				overflow = true;
			v = v * base + d;
		}
	}
	if (end)
		*end = (char *)(any ? p : s);
	if (overflow)
		return max;
	return neg ? -v : v;
}

bool strlist_contains(const char *list, size_t len, const char *word)
{
	size_t word_len = strlen(word);
	const char *end;

	if (!list || !len)
		return true;
	for (end = list + len;;) {
		const char *comma = memchr(list, ',', (size_t)(end - list));
		size_t n = (size_t)((comma ? comma : end) - list);

		if (n == word_len && !strncmp(list, word, n))
			return true;
		if (!comma)
			return false;
		list = comma + 1;
	}
}
