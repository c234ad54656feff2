// SPDX-License-Identifier: MIT
/* Kernel command line lookup. */
#include <tern/boot.h>
#include <tern/string.h>

const char *boot_command_line = "";

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

bool cmdline_find(const char *cmdline, const char *name, const char **value, size_t *len)
{
	size_t name_len = strlen(name);
	const char *p = cmdline;

	while (p && *p) {
		const char *word;

		while (is_space(*p))
			p++;
		word = p;
		while (*p && !is_space(*p))
			p++;
		if (strncmp(word, name, name_len))
			continue;
		if (word + name_len == p) {	/* "name" alone */
			*value = NULL;
			*len = 0;
			return true;
		}
		if (word[name_len] == '=') {
			*value = word + name_len + 1;
			*len = (size_t)(p - *value);
			return true;
		}
	}
	return false;
}
