// SPDX-License-Identifier: MIT
/*
 * Symbol lookup in the table scripts/gen_ksyms.py generates at link time:
 * sorted function addresses, name offsets and the names themselves.
 */
#include <tern/kallsyms.h>
#include <tern/printf.h>
#include <tern/string.h>

extern const u64 ksyms_count;
extern const unsigned long ksyms_addrs[];
extern const u32 ksyms_names[];
extern const char ksyms_strings[];

/* Index of the last symbol at or below addr, or -1. */
static long find_symbol(unsigned long addr)
{
	long lo = 0, hi = (long)ksyms_count - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (ksyms_addrs[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size)
{
	long i;

	if (!IS_ENABLED(CONFIG_KALLSYMS))
		return NULL;
	i = find_symbol(addr);
	/* Past the last function is not "in" it: that is data or garbage. */
	if (i < 0 || (u64)(i + 1) >= ksyms_count)
		return NULL;
	*offset = addr - ksyms_addrs[i];
	*size = ksyms_addrs[i + 1] - ksyms_addrs[i];
	return ksyms_strings + ksyms_names[i];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	u64 i;

	if (!IS_ENABLED(CONFIG_KALLSYMS))
		return 0;
	for (i = 0; i < ksyms_count; i++)
		if (!strcmp(ksyms_strings + ksyms_names[i], name))
			return ksyms_addrs[i];
	return 0;
}

static int format_symbol(char *buf, size_t size, unsigned long lookup, unsigned long shown)
{
	unsigned long offset, len;
	const char *name = kallsyms_lookup(lookup, &offset, &len);

	if (!name)
		return snprintf(buf, size, "0x%lx", shown);
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name, offset + (shown - lookup), len);
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	return format_symbol(buf, size, addr, addr);
}

int sprint_backtrace(char *buf, size_t size, unsigned long ret_addr)
{
	return format_symbol(buf, size, ret_addr - 1, ret_addr);
}
