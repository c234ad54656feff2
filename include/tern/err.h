/* SPDX-License-Identifier: MIT */
/*
 * Errors in pointers, as in Linux: a function that returns a pointer may
 * return ERR_PTR(-errno) instead, which IS_ERR recognises and PTR_ERR
 * turns back.  The top 4095 addresses are never valid objects, so they
 * carry -1 .. -4095.  Such a function says so in its comment; NULL stays
 * NULL.
 */
#ifndef TERN_ERR_H
#define TERN_ERR_H

#include <tern/compiler.h>
#include <tern/types.h>

#define MAX_ERRNO	4095

static inline void *ERR_PTR(long err)
{
	return (void *)err;
}

static inline long PTR_ERR(const volatile void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const volatile void *ptr)
{
	return unlikely((unsigned long)ptr >= (unsigned long)-MAX_ERRNO);
}

static inline bool IS_ERR_OR_NULL(const volatile void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

#endif
