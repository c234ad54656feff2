// SPDX-License-Identifier: MIT
/*
 * printf-style formatting into a bounded buffer, for printk and snprintf.
 *
 * Output goes through struct out, which counts every character the full
 * result would have but stores only what fits, so truncation and the C99
 * return value fall out of one code path.  Integers are converted from u64,
 * so %llx works on rv32 too (libgcc supplies the 64-bit division there).
 *
 * Where C leaves a case undefined we pick something harmless: %p prints
 * "0x" and all pointer-width hex digits (0x0000000080200000 on rv64), %n is
 * not supported, and an unknown conversion is copied out as written.
 */
#include <tern/printf.h>
#include <tern/string.h>

struct out {
	char *buf;
	size_t size;		/* bytes of buf we may write, NUL included */
	size_t len;		/* length of the full output so far */
};

/* Flags of a conversion specification. */
#define F_LEFT		0x01	/* '-': pad on the right */
#define F_ZERO		0x02	/* '0': pad numbers with zeros */
#define F_PLUS		0x04	/* '+': signed numbers always get a sign */
#define F_SPACE		0x08	/* ' ': a space where a '+' would go */
#define F_ALT		0x10	/* '#': 0x prefix, or a leading 0 for octal */

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

struct spec {
	unsigned int flags;
	int width;
	int prec;		/* -1 when not given */
	enum length length;
	char conv;
};

static void put_char(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put_char(o, c);
}

static void put_mem(struct out *o, const char *s, size_t n)
{
	while (n--)
		put_char(o, *s++);
}

/* Reads a decimal field, saturating instead of overflowing. */
static int parse_decimal(const char **fmt)
{
	const char *p = *fmt;
	int v = 0;

	for (; *p >= '0' && *p <= '9'; p++)
		v = v > (__INT_MAX__ - 9) / 10 ? __INT_MAX__ : v * 10 + (*p - '0');
	*fmt = p;
	return v;
}

static const char *parse_flags(const char *p, unsigned int *flags)
{
	for (;; p++) {
		switch (*p) {
		case '-': *flags |= F_LEFT; break;
		case '0': *flags |= F_ZERO; break;
		case '+': *flags |= F_PLUS; break;
		case ' ': *flags |= F_SPACE; break;
		case '#': *flags |= F_ALT; break;
		default: return p;
		}
	}
}

/* A negative '*' width means '-' plus the absolute value, as in C. */
static const char *parse_width(const char *p, struct spec *s, va_list *ap)
{
	if (*p != '*') {
		s->width = parse_decimal(&p);
		return p;
	}
	s->width = va_arg(*ap, int);
	if (s->width < 0) {
		s->flags |= F_LEFT;
		s->width = s->width == -__INT_MAX__ - 1 ? __INT_MAX__ : -s->width;
	}
	return p + 1;
}

/* A negative '*' precision counts as no precision at all. */
static const char *parse_precision(const char *p, struct spec *s, va_list *ap)
{
	s->prec = -1;
	if (*p != '.')
		return p;
	p++;
	if (*p != '*') {
		s->prec = parse_decimal(&p);
		return p;
	}
	s->prec = va_arg(*ap, int);
	if (s->prec < 0)
		s->prec = -1;
	return p + 1;
}

static const char *parse_length(const char *p, enum length *len)
{
	switch (*p) {
	case 'h':
		if (p[1] == 'h') {
			*len = LEN_HH;
			return p + 2;
		}
		*len = LEN_H;
		return p + 1;
	case 'l':
		if (p[1] == 'l') {
			*len = LEN_LL;
			return p + 2;
		}
		*len = LEN_L;
		return p + 1;
	case 'z': *len = LEN_Z; return p + 1;
	case 't': *len = LEN_T; return p + 1;
	case 'j': *len = LEN_J; return p + 1;
	default: *len = LEN_NONE; return p;
	}
}

/* Parses the text after a '%'; returns the character after the conversion. */
static const char *parse_spec(const char *p, struct spec *s, va_list *ap)
{
	s->flags = 0;
	p = parse_flags(p, &s->flags);
	p = parse_width(p, s, ap);
	p = parse_precision(p, s, ap);
	p = parse_length(p, &s->length);
	s->conv = *p;
	return *p ? p + 1 : p;
}

/* Fetches a signed argument of the size the length modifier names. */
static s64 fetch_signed(enum length len, va_list *ap)
{
	switch (len) {
	case LEN_HH: return (signed char)va_arg(*ap, int);
	case LEN_H: return (short)va_arg(*ap, int);
	case LEN_L: return va_arg(*ap, long);
	case LEN_LL: return va_arg(*ap, long long);
	case LEN_Z: return (ptrdiff_t)va_arg(*ap, size_t);
	case LEN_T: return va_arg(*ap, ptrdiff_t);
	case LEN_J: return va_arg(*ap, intmax_t);
	default: return va_arg(*ap, int);
	}
}

static u64 fetch_unsigned(enum length len, va_list *ap)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H: return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L: return va_arg(*ap, unsigned long);
	case LEN_LL: return va_arg(*ap, unsigned long long);
	case LEN_Z: return va_arg(*ap, size_t);
	case LEN_T: return (size_t)va_arg(*ap, ptrdiff_t);
	case LEN_J: return va_arg(*ap, uintmax_t);
	default: return va_arg(*ap, unsigned int);
	}
}

/*
 * Writes v's digits into buf backwards; returns how many.  Values that fit
 * in 32 bits take the u32 loop, which rv32 divides without calling libgcc.
 */
static int to_digits(char *buf, u64 v, unsigned int base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;
	u32 w;

	for (; v >> 32; v /= base)
		buf[n++] = digits[v % base];
	w = (u32)v;
	do {
		buf[n++] = digits[w % base];
		w /= base;
	} while (w);
	return n;
}

/*
 * Lays out [padding][sign or 0x][zeros][digits][padding].  An explicit
 * precision is the minimum digit count and disables '0' padding; a zero
 * value with precision 0 prints no digits at all.
 */
static void put_number(struct out *o, const struct spec *s, u64 v, bool neg,
		       unsigned int base)
{
	char digits[24];	/* 22 octal digits hold any u64 */
	const char *prefix = "";
	int n = 0, zeros, pad, plen;

	if (v || s->prec != 0)
		n = to_digits(digits, v, base, s->conv == 'X');
	zeros = s->prec > n ? s->prec - n : 0;
	if (s->flags & F_ALT && base == 8 && zeros == 0 && (n == 0 || digits[n - 1] != '0'))
		zeros = 1;
	if (neg)
		prefix = "-";
	else if (s->flags & F_PLUS)
		prefix = "+";
	else if (s->flags & F_SPACE)
		prefix = " ";
	else if (s->flags & F_ALT && base == 16 && v)
		prefix = s->conv == 'X' ? "0X" : "0x";
	plen = strlen(prefix);
	if ((s->flags & (F_ZERO | F_LEFT)) == F_ZERO && s->prec < 0 && s->width > plen + n)
		zeros = s->width - plen - n;
	pad = s->width - plen - zeros - n;

	if (!(s->flags & F_LEFT))
		put_repeat(o, ' ', pad);
	put_mem(o, prefix, plen);
	put_repeat(o, '0', zeros);
	while (n)
		put_char(o, digits[--n]);
	if (s->flags & F_LEFT)
		put_repeat(o, ' ', pad);
}

/* Only the signed conversions look at F_PLUS and F_SPACE. */
static void put_integer(struct out *o, struct spec *s, va_list *ap)
{
	s64 sv;

	switch (s->conv) {
	case 'd':
	case 'i':
		sv = fetch_signed(s->length, ap);
		put_number(o, s, sv < 0 ? 0 - (u64)sv : (u64)sv, sv < 0, 10);
		return;
	}
	s->flags &= ~(F_PLUS | F_SPACE);
	switch (s->conv) {
	case 'u': put_number(o, s, fetch_unsigned(s->length, ap), false, 10); return;
	case 'o': put_number(o, s, fetch_unsigned(s->length, ap), false, 8); return;
	default: put_number(o, s, fetch_unsigned(s->length, ap), false, 16); return;
	}
}

/* Pads a field of len bytes to the width; precision is the caller's job. */
static void put_field(struct out *o, const struct spec *s, const char *str, size_t len)
{
	int pad = (size_t)s->width > len ? s->width - (int)len : 0;

	if (!(s->flags & F_LEFT))
		put_repeat(o, ' ', pad);
	put_mem(o, str, len);
	if (s->flags & F_LEFT)
		put_repeat(o, ' ', pad);
}

/* The precision caps how much of the string is read, not just printed. */
static void put_string(struct out *o, const struct spec *s, const char *str)
{
	if (!str)
		str = "(null)";
	put_field(o, s, str, strnlen(str, s->prec < 0 ? (size_t)-1 : (size_t)s->prec));
}

static void put_pointer(struct out *o, const struct spec *s, const void *p)
{
	char buf[2 + 2 * sizeof(void *)];
	uintptr_t v = (uintptr_t)p;
	size_t i;

	buf[0] = '0';
	buf[1] = 'x';
	for (i = sizeof(buf) - 1; i >= 2; i--, v >>= 4)
		buf[i] = "0123456789abcdef"[v & 0xf];
	put_field(o, s, buf, sizeof(buf));
}

static void put_conversion(struct out *o, struct spec *s, va_list *ap,
			   const char *start, const char *end)
{
	char c;

	switch (s->conv) {
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		put_integer(o, s, ap);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		put_field(o, s, &c, 1);
		break;
	case 's':
		put_string(o, s, va_arg(*ap, const char *));
		break;
	case 'p':
		put_pointer(o, s, va_arg(*ap, const void *));
		break;
	case '%':
		put_char(o, '%');
		break;
	default:
		put_mem(o, start, end - start);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	struct spec s;
	const char *start;
	va_list args;

	/* A copy, so that &args has type va_list * on every ABI. */
	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put_char(&o, *fmt++);
			continue;
		}
		start = fmt;
		fmt = parse_spec(fmt + 1, &s, &args);
		put_conversion(&o, &s, &args, start, fmt);
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > __INT_MAX__ ? __INT_MAX__ : (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);

	if (size == 0)
		return 0;
	return (size_t)n < size ? n : (int)(size - 1);
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
