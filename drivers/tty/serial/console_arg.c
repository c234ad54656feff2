// SPDX-License-Identifier: MIT
/* console= and stdout-path values: the rules are in include/tern/console_arg.h. */
#include <tern/console_arg.h>
#include <tern/errno.h>

#define CONSOLE_INDEX_MAX	255
#define CONSOLE_BAUD_MAX	100000000u	/* beyond any UART clock */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Reads the decimal number at s[*pos..len) into *out, at most max: 0, or
 * -EINVAL when there is no digit or the number is above max.
 */
static int read_number(const char *s, size_t len, size_t *pos, u32 max, u32 *out)
{
	size_t i = *pos;
	u32 v = 0;

	if (i >= len || !is_digit(s[i]))
		return -EINVAL;
	for (; i < len && is_digit(s[i]); i++) {
		u32 d = (u32)(s[i] - '0');

		if (d > max || v > (max - d) / 10)
			return -EINVAL;
		v = v * 10 + d;
	}
	*pos = i;
	*out = v;
	return 0;
}

/* "115200", "115200n8", "9600e7r": 0 and the baud rate, or -EINVAL. */
static int parse_options(const char *s, size_t len, u32 *baud)
{
	size_t i = 0;
	u32 bits;

	if (read_number(s, len, &i, CONSOLE_BAUD_MAX, baud) || !*baud)
		return -EINVAL;
	if (i < len && (s[i] == 'n' || s[i] == 'o' || s[i] == 'e'))
		i++;
	if (i < len && is_digit(s[i]) &&
	    (read_number(s, len, &i, 8, &bits) || bits < 5))
		return -EINVAL;
	if (i < len && s[i] == 'r')
		i++;
	return i == len ? 0 : -EINVAL;
}

int console_arg_parse(const char *s, size_t len, struct console_arg *out)
{
	size_t name_len = 0, i, end = 0;
	u32 index = 0;

	out->name[0] = '\0';
	out->index = -1;
	out->baud = 0;
	while (end < len && s[end] != ',')
		end++;
	while (name_len < end && !is_digit(s[name_len]))
		name_len++;
	if (!name_len || name_len >= CONSOLE_NAME_MAX)
		return -EINVAL;
	i = name_len;
	if (i < end && (read_number(s, end, &i, CONSOLE_INDEX_MAX, &index) || i != end))
		return -EINVAL;
	if (end < len && parse_options(s + end + 1, len - end - 1, &out->baud)) {
		out->baud = 0;
		return -EINVAL;
	}
	for (i = 0; i < name_len; i++)
		out->name[i] = s[i];
	out->name[name_len] = '\0';
	out->index = name_len < end ? (int)index : -1;
	return 0;
}

int stdout_path_split(const char *s, size_t len, size_t *path_len, u32 *baud)
{
	size_t colon = 0;

	*baud = 0;
	while (colon < len && s[colon] != ':')
		colon++;
	*path_len = colon;
	if (!colon)
		return -EINVAL;
	if (colon < len && parse_options(s + colon + 1, len - colon - 1, baud)) {
		*baud = 0;
		return -EINVAL;
	}
	return 0;
}
