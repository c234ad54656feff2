/* SPDX-License-Identifier: MIT */
/* panic(), BUG() and other things every part of the kernel may need. */
#ifndef TERN_KERNEL_H
#define TERN_KERNEL_H

#include <tern/compiler.h>
#include <tern/printk.h>
#include <tern/types.h>

/*
 * Stops the kernel: prints the message, the caller and a symbolised
 * backtrace, then powers off with a failure status (QEMU exits non-zero).
 */
void panic(const char *fmt, ...) __noreturn __printf(1, 2);

#define BUG() panic("BUG at %s:%d (%s)", __FILE__, __LINE__, __func__)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#define WARN_ON(cond) ({						\
	bool __warn = !!(cond);						\
	if (unlikely(__warn))						\
		pr_warn("WARNING at %s:%d (%s): %s\n", __FILE__, __LINE__, \
			__func__, #cond);				\
	__warn;								\
})

#endif
