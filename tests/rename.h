/* SPDX-License-Identifier: MIT */
/*
 * Host unit tests link lib/string.c and lib/vsprintf.c into ordinary
 * programs, where memcpy, strlen, snprintf ... already belong to the C
 * library and to the sanitizer's interceptors.  This header renames ours
 * to tern_* so both coexist: the tests' Makefile forces it into every lib
 * source (-include), and each test includes it after the system headers and
 * before the tern headers, so the tests call our code while libc keeps its
 * own names.  Keep it in step with include/tern/string.h and printf.h.
 */
#ifndef TESTS_RENAME_H
#define TESTS_RENAME_H

#define memcpy		tern_memcpy
#define memmove		tern_memmove
#define memset		tern_memset
#define memcmp		tern_memcmp
#define memchr		tern_memchr
#define strlen		tern_strlen
#define strnlen		tern_strnlen
#define strcmp		tern_strcmp
#define strncmp		tern_strncmp
#define strchr		tern_strchr
#define strrchr		tern_strrchr
#define strstr		tern_strstr
#define strlcpy		tern_strlcpy
#define strtoul		tern_strtoul

#define vsnprintf	tern_vsnprintf
#define snprintf	tern_snprintf
#define vscnprintf	tern_vscnprintf
#define scnprintf	tern_scnprintf

/* glibc's <sys/cdefs.h> has its own; tern/compiler.h's means the same. */
#undef __always_inline

#endif
