/* SPDX-License-Identifier: MIT */
/*
 * meminfo: what the allocators hold, for the kernel log at boot and,
 * later, for user space (mm/meminfo.c).
 */
#ifndef TERN_MEMINFO_H
#define TERN_MEMINFO_H

#include <tern/printf.h>
#include <tern/types.h>

/*
 * Writes the report into buf (always NUL-terminated) and returns its
 * length, like scnprintf: total and free pages, the allocators' names and
 * one line per object cache.
 */
size_t meminfo_format(char *buf, size_t size);

/* Logs the report at KERN_INFO. */
void meminfo_print(void);

#endif
