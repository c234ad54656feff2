// SPDX-License-Identifier: MIT
/* meminfo: the page and object allocators' view of memory, as text. */
#include <tern/meminfo.h>
#include <tern/pgalloc.h>
#include <tern/printk.h>
#include <tern/slab.h>

struct report {
	char *buf;
	size_t size, len;
};

static void add(struct report *r, const char *fmt, ...) __printf(2, 3);

static void add(struct report *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	r->len += (size_t)vscnprintf(r->buf + r->len, r->size - r->len, fmt, ap);
	va_end(ap);
}

static void add_cache(const struct kmem_cache_info *info, void *arg)
{
	add(arg, "%-16s %8lu %8lu %8lu %6lu\n", info->name, (unsigned long)info->object_size,
	    info->active_objects, info->total_objects, info->pages);
}

size_t meminfo_format(char *buf, size_t size)
{
	struct report r = { buf, size, 0 };
	struct pgalloc_stats pages;
	struct kmem_stats objects;

	if (!size)
		return 0;
	buf[0] = '\0';
	pgalloc_get_stats(&pages);
	kmem_get_stats(&objects);
	add(&r, "MemTotal:   %8lu kB\n", pages.total_pages * (PAGE_SIZE / 1024));
	add(&r, "MemFree:    %8lu kB\n", pages.free_pages * (PAGE_SIZE / 1024));
	add(&r, "LargestFree:%8lu kB\n", pages.largest_free_order_pages * (PAGE_SIZE / 1024));
	add(&r, "PageAlloc:  %s (%lu allocs, %lu frees)\n", pgalloc_name,
	    pages.alloc_calls, pages.free_calls);
	add(&r, "ObjAlloc:   %s (%lu bytes in use, %lu pages)\n", kmem_name,
	    objects.bytes_in_use, objects.pages);
	add(&r, "%-16s %8s %8s %8s %6s\n", "cache", "objsize", "active", "total", "pages");
	kmem_cache_for_each(add_cache, &r);
	return r.len;
}

void meminfo_print(void)
{
	static char buf[2048];
	size_t len = meminfo_format(buf, sizeof(buf));
	size_t start = 0, i;

	/* One printk per line, so each gets its level and timestamp; a table for dmesg. */
	for (i = 0; i < len; i++) {
		if (buf[i] != '\n')
			continue;
		buf[i] = '\0';
		pr_debug("meminfo: %s\n", buf + start);
		start = i + 1;
	}
}
