/* SPDX-License-Identifier: MIT */
/*
 * Flattened device tree (DTB) reader.  Read-only, allocation-free and safe on
 * hostile input: every offset and length read from the blob is checked
 * against the blob's own size before use, so a corrupt DTB yields an error,
 * never a wild read.  Shared by the kernel, the built-in firmware and the
 * host unit tests (lib/fdt.c).
 *
 * Node offsets are byte offsets into the structure block, as in the DTB
 * specification; the root node is offset 0.  Functions returning an int
 * return a node offset (>= 0) or a negative errno.
 */
#ifndef TERN_FDT_H
#define TERN_FDT_H

#include <tern/types.h>

#define FDT_MAGIC	0xd00dfeedu

/* Reads a big-endian 32-bit cell at any alignment. */
static inline u32 fdt_read_u32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

struct fdt {
	const u8 *blob;
	u32 size;		/* totalsize from the header, validated */
	u32 off_struct, size_struct;
	u32 off_strings, size_strings;
	u32 off_mem_rsvmap;
	u32 nr_mem_rsv;		/* entries before the (0, 0) end, counted by fdt_init() */
};

/*
 * Validates the header (magic, version >= 16, every block inside totalsize
 * and inside max_size) and fills *fdt.  Returns 0, or -EINVAL for a blob that
 * is not a DTB or is truncated.
 */
int fdt_init(struct fdt *fdt, const void *blob, size_t max_size);

/* Reads the 'totalsize' header field without validating anything else. */
u32 fdt_totalsize(const void *blob);

/*
 * Walks nodes in document order.  Returns the offset of the node after
 * 'node' (depth-first), updating *depth (+1 into a child, 0 for a sibling,
 * negative when climbing out), or -ENOENT at the end of the tree, or -EINVAL
 * on a malformed structure block.  Pass node = -1 and *depth = 0 to start
 * at the root.
 */
int fdt_next_node(const struct fdt *fdt, int node, int *depth);

/* First child / next sibling of a node, or -ENOENT. */
int fdt_first_child(const struct fdt *fdt, int node);
int fdt_next_sibling(const struct fdt *fdt, int node);

/*
 * Node name including any unit address ("memory@80000000"); the root's name
 * is "".  Stores the length in *len when len is not NULL.  NULL on error.
 */
const char *fdt_get_name(const struct fdt *fdt, int node, int *len);

/*
 * Finds a node by absolute path ("/cpus", "/soc/uart@10000000").  A path
 * component without '@' also matches a node name with a unit address
 * ("/memory" finds "memory@80000000").  Returns -ENOENT if absent.
 */
int fdt_path_offset(const struct fdt *fdt, const char *path);

/*
 * Property value and length, or NULL when the node has no such property
 * (*lenp is then a negative errno if lenp is not NULL).
 */
const void *fdt_getprop(const struct fdt *fdt, int node, const char *name, int *lenp);

/* Reads a big-endian u32 property; returns 0, or -ENOENT / -EINVAL. */
int fdt_getprop_u32(const struct fdt *fdt, int node, const char *name, u32 *out);

/* 0 if the node's "compatible" list contains compat, else -ENOENT. */
int fdt_node_check_compatible(const struct fdt *fdt, int node, const char *compat);

/*
 * Next node after 'start' (or from the root when start is -1) whose
 * "compatible" contains compat, or -ENOENT.
 */
int fdt_node_offset_by_compatible(const struct fdt *fdt, int start, const char *compat);

/*
 * Parent of a node, or -ENOENT for the root: a walk from the root up to the
 * node (nodes do not record their parent), so a caller that needs it
 * several times keeps it.
 */
int fdt_parent_offset(const struct fdt *fdt, int node);

/*
 * #address-cells / #size-cells that apply to the children of 'node'
 * (defaults 2 and 1 when absent, as the specification says).
 */
int fdt_address_cells(const struct fdt *fdt, int node);
int fdt_size_cells(const struct fdt *fdt, int node);

/*
 * The index'th (address, size) pair of a node's "reg", decoded with its
 * parent's #address-cells / #size-cells (1 or 2 cells each).  Returns 0,
 * -ENOENT when there is no such entry, -EINVAL on a malformed property.
 */
int fdt_get_reg(const struct fdt *fdt, int node, int index, u64 *addr, u64 *size);

/* The same, for a caller that already knows the node's parent (finding it is a walk). */
int fdt_get_reg_below(const struct fdt *fdt, int parent, int node, int index, u64 *addr,
		      u64 *size);

/* Is the node enabled?  True unless "status" is present and not "okay"/"ok". */
bool fdt_node_is_available(const struct fdt *fdt, int node);

/*
 * Memory reservation block entries: returns 0 and fills *addr and *size for
 * entry 'index', -ENOENT past the last entry, -EINVAL if malformed.  Takes
 * constant time, so walking all entries is linear in their number.
 */
int fdt_get_mem_rsv(const struct fdt *fdt, int index, u64 *addr, u64 *size);

#endif
