// SPDX-License-Identifier: MIT
/*
 * Tells the kernel which memory is the firmware's, the way OpenSBI does: a
 * copy of the DTB with
 *
 *	reserved-memory {			(created if absent, with the
 *		#address-cells, #size-cells;	 root's cell sizes, and ranges)
 *		mmode_resv@80000000 {
 *			reg = <FW_BASE, fw_region_end() - FW_BASE>;
 *			no-map;
 *		};
 *	};
 *
 * The copy goes right after the PMP-protected region, below the kernel,
 * where S-mode can read it; it holds only the blob's contents, not QEMU's
 * free space.  The new node is spliced in just before the END_NODE of its
 * parent; new property names are appended to the strings block.  When an
 * existing /reserved-memory cannot take the node (cell sizes other than 1
 * or 2), the region goes in the reservation map (/memreserve/) instead.  A
 * copy that does not fit is refused: the kernel would hand out the
 * firmware's memory and fault on it.
 */
#include <tern/fdt.h>
#include <tern/printf.h>
#include <tern/string.h>
#include "fw.h"

#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_HEADER_SIZE	40
#define FDT_RSV_ENTRY	16	/* u64 address, u64 size */

/* A small byte buffer that new tokens and strings are built in. */
struct fw_buf {
	u8 data[256];
	u32 len;
};

static void fw_buf_put(struct fw_buf *b, const void *p, u32 len)
{
	memcpy(b->data + b->len, p, len);
	b->len += len;
	while (b->len % 4)	/* tokens are 4-byte aligned; pad with zeros */
		b->data[b->len++] = 0;
}

static void fw_buf_u32(struct fw_buf *b, u32 v)
{
	u8 be[4];

	fw_put_be32(be, v);
	fw_buf_put(b, be, 4);
}

static void fw_buf_prop(struct fw_buf *b, u32 nameoff, const void *val, u32 len)
{
	fw_buf_u32(b, FDT_PROP);
	fw_buf_u32(b, len);
	fw_buf_u32(b, nameoff);
	fw_buf_put(b, val, len);
}

/* Struct-block offset of the END_NODE closing 'node', or -1. */
static int fw_node_end(const struct fdt *fdt, int node)
{
	const u8 *s = fdt->blob + fdt->off_struct;
	u32 off = node, size = fdt->size_struct;
	int depth = 0;

	while (size >= 4 && off <= size - 4) {
		u32 tag = fw_be32(s + off), len;

		if (tag == FDT_BEGIN_NODE) {
			depth++;
			off += 4 + strnlen((const char *)s + off + 4, size - off - 4) + 1;
		} else if (tag == FDT_END_NODE) {
			if (--depth == 0)
				return off;
			off += 4;
		} else if (tag == FDT_PROP && size - off >= 12 &&
			   (len = fw_be32(s + off + 4)) <= size - off - 12) {
			off += 12 + len;
		} else if (tag == FDT_NOP) {
			off += 4;
		} else {
			return -1;
		}
		off = ALIGN_UP(off, 4);
	}
	return -1;
}

/* Offset of name in the strings block, appending it to 'extra' if absent. */
static u32 fw_string(const struct fdt *fdt, struct fw_buf *extra, const char *name)
{
	const char *tab = (const char *)fdt->blob + fdt->off_strings;
	u32 n = strlen(name) + 1, off;

	for (off = 0; off + n <= fdt->size_strings; off++)
		if (!memcmp(tab + off, name, n))
			return off;
	off = fdt->size_strings + extra->len;
	memcpy(extra->data + extra->len, name, n);
	extra->len += n;
	return off;
}

/* The reg cells of the firmware region: <base size>, 1 or 2 cells each. */
static u32 fw_reg_cells(u8 *reg, int ac, int sc)
{
	u64 base = FW_BASE, size = fw_region_end() - FW_BASE;
	u32 n = 0;

	if (ac == 2)
		fw_put_be32(reg + 4 * n++, base >> 32);
	fw_put_be32(reg + 4 * n++, base);
	if (sc == 2)
		fw_put_be32(reg + 4 * n++, size >> 32);
	fw_put_be32(reg + 4 * n++, size);
	return 4 * n;
}

/* Builds the new node (and its parent when 'create'); fills 'strings'. */
static void fw_build_node(const struct fdt *fdt, bool create, int ac, int sc,
			  struct fw_buf *node, struct fw_buf *strings)
{
	char name[32];
	u8 reg[16], cell[4];

	if (create) {
		fw_buf_u32(node, FDT_BEGIN_NODE);
		fw_buf_put(node, "reserved-memory", sizeof("reserved-memory"));
		fw_put_be32(cell, ac);
		fw_buf_prop(node, fw_string(fdt, strings, "#address-cells"), cell, 4);
		fw_put_be32(cell, sc);
		fw_buf_prop(node, fw_string(fdt, strings, "#size-cells"), cell, 4);
		fw_buf_prop(node, fw_string(fdt, strings, "ranges"), NULL, 0);
	}
	fw_buf_u32(node, FDT_BEGIN_NODE);
	fw_buf_put(node, name, snprintf(name, sizeof(name), "mmode_resv@%x", FW_BASE) + 1);
	fw_buf_prop(node, fw_string(fdt, strings, "reg"), reg, fw_reg_cells(reg, ac, sc));
	fw_buf_prop(node, fw_string(fdt, strings, "no-map"), NULL, 0);
	fw_buf_u32(node, FDT_END_NODE);
	if (create)
		fw_buf_u32(node, FDT_END_NODE);
}

/* Where the parts of the new DTB go: header, rsvmap, struct, strings. */
struct fw_dtb_layout {
	u32 nrsv;		/* entries copied from the old map */
	bool rsv_fw;		/* and one more: the firmware's region */
	u32 rsv_size, off_struct, size_struct, off_strings, size_strings, total;
};

static void fw_dtb_layout(const struct fdt *fdt, const struct fw_buf *node,
			  const struct fw_buf *strings, bool rsv_fw, struct fw_dtb_layout *l)
{
	u64 addr, size;

	l->nrsv = 0;
	while (!fdt_get_mem_rsv(fdt, l->nrsv, &addr, &size))
		l->nrsv++;
	l->rsv_fw = rsv_fw;
	/* with the (0, 0) end */
	l->rsv_size = (l->nrsv + rsv_fw + 1) * FDT_RSV_ENTRY;
	l->off_struct = FDT_HEADER_SIZE + l->rsv_size;
	l->size_struct = fdt->size_struct + node->len;
	l->off_strings = l->off_struct + l->size_struct;
	l->size_strings = fdt->size_strings + strings->len;
	l->total = l->off_strings + l->size_strings;
}

/* Copies the blob to dst with 'node' spliced in at struct offset 'at'. */
static void fw_dtb_write(u8 *dst, const struct fdt *fdt, u32 at, const struct fw_buf *node,
			 const struct fw_buf *strings, const struct fw_dtb_layout *l)
{
	const u8 *src = fdt->blob;
	u8 *st = dst + l->off_struct, *rsv = dst + FDT_HEADER_SIZE;

	memcpy(rsv, src + fdt->off_mem_rsvmap, l->nrsv * FDT_RSV_ENTRY);
	rsv += l->nrsv * FDT_RSV_ENTRY;
	if (l->rsv_fw) {
		fw_put_be64(rsv, FW_BASE);
		fw_put_be64(rsv + 8, fw_region_end() - FW_BASE);
		rsv += FDT_RSV_ENTRY;
	}
	memset(rsv, 0, FDT_RSV_ENTRY);
	memcpy(st, src + fdt->off_struct, at);
	memcpy(st + at, node->data, node->len);
	memcpy(st + at + node->len, src + fdt->off_struct + at, fdt->size_struct - at);
	memcpy(dst + l->off_strings, src + fdt->off_strings, fdt->size_strings);
	memcpy(dst + l->off_strings + fdt->size_strings, strings->data, strings->len);

	fw_put_be32(dst + 0, FDT_MAGIC);
	fw_put_be32(dst + 4, l->total);
	fw_put_be32(dst + 8, l->off_struct);
	fw_put_be32(dst + 12, l->off_strings);
	fw_put_be32(dst + 16, FDT_HEADER_SIZE);		/* rsvmap */
	fw_put_be32(dst + 20, 17);			/* version */
	fw_put_be32(dst + 24, 16);			/* last compatible version */
	memcpy(dst + 28, src + 28, 4);			/* boot_cpuid_phys */
	fw_put_be32(dst + 32, l->size_strings);
	fw_put_be32(dst + 36, l->size_struct);
}

/* Returns the DTB address to give the kernel, or 0 (with a message) if none fits. */
unsigned long fw_reserved_memory_publish(unsigned long dtb, unsigned long limit)
{
	unsigned long dst = fw_region_end();
	struct fw_buf node = { .len = 0 }, strings = { .len = 0 };
	struct fw_dtb_layout l;
	struct fdt fdt;
	int parent, at, ac, sc;
	bool rsv_fw;

	if (fdt_init(&fdt, (const void *)dtb, fdt_totalsize((const void *)dtb)))
		return dtb;	/* fw_platform_init() accepted it: cannot happen */
	parent = fdt_path_offset(&fdt, "/reserved-memory");
	ac = fdt_address_cells(&fdt, parent >= 0 ? parent : 0);
	sc = fdt_size_cells(&fdt, parent >= 0 ? parent : 0);
	at = fw_node_end(&fdt, parent >= 0 ? parent : 0);
	rsv_fw = ac < 1 || ac > 2 || sc < 1 || sc > 2 || at < 0;
	if (rsv_fw) {
		fw_printf("tern-fw: unusual /reserved-memory (#address-cells %d, #size-cells %d): "
			  "the firmware's region goes in the reservation map\n", ac, sc);
		at = 0;
	} else {
		fw_build_node(&fdt, parent < 0, ac, sc, &node, &strings);
	}
	fw_dtb_layout(&fdt, &node, &strings, rsv_fw, &l);
	if (dst + l.total > limit || (dtb < dst + l.total && dtb + fdt.size > dst)) {
		fw_printf("tern-fw: no room below the kernel at %#lx for the %lu-byte DTB that "
			  "tells it of the firmware's memory\n", limit, (unsigned long)l.total);
		return 0;
	}
	fw_dtb_write((u8 *)dst, &fdt, at, &node, &strings, &l);
	return dst;
}
