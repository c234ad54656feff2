/* SPDX-License-Identifier: MIT */
/*
 * Kernel symbol lookup for backtraces.  The table is generated at link time
 * by scripts/gen_ksyms.py (Kconfig option KALLSYMS); without it addresses
 * print raw.
 */
#ifndef TERN_KALLSYMS_H
#define TERN_KALLSYMS_H

#include <tern/types.h>

#define KSYM_NAME_LEN 64

/*
 * Finds the function containing addr.  Returns its name and sets *offset
 * (addr - start) and *size (distance to the next symbol); NULL if unknown.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size);

/* Address of a function by name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

/* Writes "name+0xoff/0xsize" (or the raw address) into buf. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);

/*
 * The same for a return address: looks up ret_addr - 1 (a call at the very
 * end of a function returns past it) but prints ret_addr's offset.
 */
int sprint_backtrace(char *buf, size_t size, unsigned long ret_addr);

#endif
