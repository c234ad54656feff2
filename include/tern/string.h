/* SPDX-License-Identifier: MIT */
/* Freestanding string and memory functions (lib/string.c). */
#ifndef TERN_STRING_H
#define TERN_STRING_H

#include <tern/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
/* Copies at most size-1 bytes and always terminates; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);

/*
 * Parses an unsigned number in base 10, 16 ("0x" prefix) or 8 (leading 0)
 * when base is 0.  Stores the end of the number in *end when end is not NULL.
 */
unsigned long strtoul(const char *s, char **end, int base);

/*
 * Is word one of the comma-separated items of the len bytes at list (not
 * NUL-terminated: a command-line value)?  An empty list holds everything.
 */
bool strlist_contains(const char *list, size_t len, const char *word);

#endif
