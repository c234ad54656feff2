// SPDX-License-Identifier: MIT
/*
 * Flattened device tree reader.
 *
 * Blob layout (all fields big-endian, offsets from the start of the blob):
 *
 *	header		magic, totalsize, off_dt_struct, off_dt_strings,
 *			off_mem_rsvmap, version, last_comp_version,
 *			boot_cpuid_phys, size_dt_strings, size_dt_struct
 *	rsvmap		(u64 address, u64 size) pairs ending with (0, 0)
 *	struct block	tokens, each 4-byte aligned:
 *			  BEGIN_NODE name\0 [pad]
 *			  PROP u32 len, u32 nameoff, value[len] [pad]
 *			  END_NODE, NOP, END (once, last)
 *	strings block	NUL-terminated property names, found by nameoff
 *
 * Trust model: fdt_init() checks the header and walks the whole structure
 * block once, so a blob that passes is well formed.  The accessors still
 * check every token they read against the block bounds (next_token() is the
 * only place that reads a token), because callers pass node offsets in and
 * a struct fdt is plain data; a bad offset gives an error, never a wild
 * read.  All blob reads are byte-wise, so the blob needs no alignment.
 */
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/string.h>

#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9

#define FDT_HEADER_SIZE	40	/* version 17; a v16 header is a prefix of it */
#define FDT_MAX_CELLS	4	/* most cells an address or size may use */

/* Header fields, as byte offsets. */
#define HDR_MAGIC		0
#define HDR_TOTALSIZE		4
#define HDR_OFF_STRUCT		8
#define HDR_OFF_STRINGS		12
#define HDR_OFF_RSVMAP		16
#define HDR_VERSION		20
#define HDR_LAST_COMP		24
#define HDR_SIZE_STRINGS	32
#define HDR_SIZE_STRUCT		36

static u32 be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static u64 be64(const u8 *p)
{
	return (u64)be32(p) << 32 | be32(p + 4);
}

/* Is [off, off + len) inside a region of 'size' bytes?  Overflow-safe. */
static bool in_bounds(u32 off, u32 len, u32 size)
{
	return off <= size && len <= size - off;
}

static const u8 *struct_at(const struct fdt *fdt, u32 off)
{
	return fdt->blob + fdt->off_struct + off;
}

/*
 * Reads the token at struct offset 'off' and checks that all of it (name or
 * property value included) lies inside the structure block.  Stores the tag
 * and the offset of the following token.  Returns 0 or -EINVAL.
 */
static int next_token(const struct fdt *fdt, int off, u32 *tag, int *next)
{
	u32 o = off, size = fdt->size_struct, len;
	const u8 *p;

	if (off < 0 || (o & 3) || !in_bounds(o, 4, size))
		return -EINVAL;
	p = struct_at(fdt, o);
	*tag = be32(p);
	o += 4;
	switch (*tag) {
	case FDT_BEGIN_NODE:
		len = strnlen((const char *)p + 4, size - o);
		if (len == size - o)
			return -EINVAL;		/* name runs off the block */
		o += len + 1;
		break;
	case FDT_PROP:
		if (!in_bounds(o, 8, size))
			return -EINVAL;
		len = be32(p + 4);
		o += 8;
		if (!in_bounds(o, len, size))
			return -EINVAL;
		o += len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return -EINVAL;
	}
	/* size_struct is a multiple of 4, so rounding up stays inside. */
	*next = (o + 3) & ~3u;
	return 0;
}

/* Checks that 'node' is a BEGIN_NODE token; returns the next offset or -EINVAL. */
static int check_node(const struct fdt *fdt, int node)
{
	u32 tag;
	int next;

	if (next_token(fdt, node, &tag, &next) || tag != FDT_BEGIN_NODE)
		return -EINVAL;
	return next;
}

/*
 * The property name at 'nameoff' in the strings block, or NULL if the
 * offset or the string's terminator lies outside the block.
 */
static const char *string_at(const struct fdt *fdt, u32 nameoff)
{
	const char *s;
	u32 avail;

	if (nameoff >= fdt->size_strings)
		return NULL;
	s = (const char *)fdt->blob + fdt->off_strings + nameoff;
	avail = fdt->size_strings - nameoff;
	return strnlen(s, avail) < avail ? s : NULL;
}

static int check_header(struct fdt *fdt, const u8 *b, size_t max_size)
{
	u32 size = be32(b + HDR_TOTALSIZE);

	if (be32(b + HDR_MAGIC) != FDT_MAGIC || be32(b + HDR_VERSION) < 16 ||
	    be32(b + HDR_LAST_COMP) > 17)
		return -EINVAL;
	if (size < FDT_HEADER_SIZE || size > max_size || size > 0x7fffffff)
		return -EINVAL;
	fdt->blob = b;
	fdt->size = size;
	fdt->off_struct = be32(b + HDR_OFF_STRUCT);
	fdt->off_strings = be32(b + HDR_OFF_STRINGS);
	fdt->size_strings = be32(b + HDR_SIZE_STRINGS);
	fdt->off_mem_rsvmap = be32(b + HDR_OFF_RSVMAP);
	fdt->size_struct = 0;
	/* Version 16 has no size_dt_struct: the walk stops at FDT_END. */
	if (be32(b + HDR_VERSION) >= 17)
		fdt->size_struct = be32(b + HDR_SIZE_STRUCT);
	else if (fdt->off_struct <= size)
		fdt->size_struct = (size - fdt->off_struct) & ~3u;

	if (fdt->off_struct < FDT_HEADER_SIZE || (fdt->off_struct & 3) ||
	    (fdt->size_struct & 3) ||
	    !in_bounds(fdt->off_struct, fdt->size_struct, size) ||
	    fdt->off_strings < FDT_HEADER_SIZE ||
	    !in_bounds(fdt->off_strings, fdt->size_strings, size) ||
	    fdt->off_mem_rsvmap < FDT_HEADER_SIZE ||
	    !in_bounds(fdt->off_mem_rsvmap, 16, size))
		return -EINVAL;
	return 0;
}

/*
 * One pass over the structure block: one root node, balanced BEGIN/END
 * pairs, properties only inside nodes and with valid names, then FDT_END.
 */
static int check_struct(const struct fdt *fdt)
{
	int off = 0, next, depth = 0, roots = 0;
	u32 tag;

	for (;; off = next) {
		if (next_token(fdt, off, &tag, &next))
			return -EINVAL;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth == 0 && roots++)
				return -EINVAL;
			depth++;
			break;
		case FDT_END_NODE:
			if (depth-- == 0)
				return -EINVAL;
			break;
		case FDT_PROP:
			if (depth == 0 || !string_at(fdt, be32(struct_at(fdt, off + 8))))
				return -EINVAL;
			break;
		case FDT_END:
			return depth == 0 && roots == 1 ? 0 : -EINVAL;
		}
	}
}

/*
 * The reservation map must end with a (0, 0) entry inside the blob; counts
 * the entries before it, in one pass (a map may hold many thousands).
 */
static int count_rsvmap(struct fdt *fdt)
{
	u32 off = fdt->off_mem_rsvmap, n;
	const u8 *p;

	for (n = 0;; n++, off += 16) {
		if (!in_bounds(off, 16, fdt->size))
			return -EINVAL;
		p = fdt->blob + off;
		if (be64(p) == 0 && be64(p + 8) == 0)
			break;
	}
	fdt->nr_mem_rsv = n;
	return 0;
}

int fdt_init(struct fdt *fdt, const void *blob, size_t max_size)
{
	struct fdt f;

	if (!blob || max_size < FDT_HEADER_SIZE)
		return -EINVAL;
	if (check_header(&f, blob, max_size) || check_struct(&f) ||
	    count_rsvmap(&f))
		return -EINVAL;
	*fdt = f;
	return 0;
}

u32 fdt_totalsize(const void *blob)
{
	return be32((const u8 *)blob + HDR_TOTALSIZE);
}

int fdt_next_node(const struct fdt *fdt, int node, int *depth)
{
	int off, next, d = 0;
	u32 tag;

	if (!depth)
		depth = &d;
	if (node < 0)
		return check_node(fdt, 0) < 0 ? -EINVAL : 0;
	off = check_node(fdt, node);
	for (; off >= 0; off = next) {
		if (next_token(fdt, off, &tag, &next))
			return -EINVAL;
		if (tag == FDT_BEGIN_NODE) {
			(*depth)++;
			return off;
		}
		if (tag == FDT_END_NODE)
			(*depth)--;
		else if (tag == FDT_END)
			return -ENOENT;
	}
	return -EINVAL;
}

int fdt_first_child(const struct fdt *fdt, int node)
{
	int depth = 0, child = fdt_next_node(fdt, node, &depth);

	if (child < 0)
		return child;
	return depth == 1 ? child : -ENOENT;
}

int fdt_next_sibling(const struct fdt *fdt, int node)
{
	int depth = 0;

	do {
		node = fdt_next_node(fdt, node, &depth);
	} while (node >= 0 && depth > 0);
	if (node < 0)
		return node;
	return depth == 0 ? node : -ENOENT;
}

const char *fdt_get_name(const struct fdt *fdt, int node, int *len)
{
	const char *name;

	if (check_node(fdt, node) < 0)
		return NULL;
	name = (const char *)struct_at(fdt, node + 4);
	if (len)
		*len = strlen(name);	/* terminated: check_node saw the NUL */
	return name;
}

/*
 * Does a node name match one path component?  A component without '@'
 * ignores the node's unit address.
 */
static bool name_matches(const char *name, int len, const char *comp, int clen)
{
	if (len == clen)
		return memcmp(name, comp, clen) == 0;
	return len > clen && name[clen] == '@' && !memchr(comp, '@', clen) &&
	       memcmp(name, comp, clen) == 0;
}

static int find_child(const struct fdt *fdt, int node, const char *comp, int clen)
{
	const char *name;
	int child, len;

	for (child = fdt_first_child(fdt, node); child >= 0;
	     child = fdt_next_sibling(fdt, child)) {
		name = fdt_get_name(fdt, child, &len);
		if (name && name_matches(name, len, comp, clen))
			return child;
	}
	return child;
}

int fdt_path_offset(const struct fdt *fdt, const char *path)
{
	const char *end;
	int node;

	if (path[0] != '/')
		return -EINVAL;
	node = check_node(fdt, 0) < 0 ? -EINVAL : 0;
	while (node >= 0) {
		while (*path == '/')
			path++;
		if (!*path)
			break;
		end = strchr(path, '/');
		if (!end)
			end = path + strlen(path);
		node = find_child(fdt, node, path, end - path);
		path = end;
	}
	return node;
}

const void *fdt_getprop(const struct fdt *fdt, int node, const char *name, int *lenp)
{
	int off = check_node(fdt, node), next, err = -EINVAL;
	const char *pname;
	u32 tag;

	for (; off >= 0; off = next) {
		if (next_token(fdt, off, &tag, &next))
			break;
		if (tag == FDT_NOP)
			continue;
		if (tag != FDT_PROP) {
			err = -ENOENT;	/* properties precede subnodes */
			break;
		}
		pname = string_at(fdt, be32(struct_at(fdt, off + 8)));
		if (!pname)
			break;
		if (strcmp(pname, name) == 0) {
			if (lenp)
				*lenp = be32(struct_at(fdt, off + 4));
			return struct_at(fdt, off + 12);
		}
	}
	if (lenp)
		*lenp = err;
	return NULL;
}

int fdt_getprop_u32(const struct fdt *fdt, int node, const char *name, u32 *out)
{
	const u8 *p;
	int len;

	p = fdt_getprop(fdt, node, name, &len);
	if (!p)
		return len;
	if (len != 4)
		return -EINVAL;
	*out = be32(p);
	return 0;
}

/* "compatible" is a list of NUL-terminated strings; an unterminated tail never matches. */
int fdt_node_check_compatible(const struct fdt *fdt, int node, const char *compat)
{
	size_t clen = strlen(compat) + 1;
	const char *p;
	int len;

	p = fdt_getprop(fdt, node, "compatible", &len);
	while (p && len > 0) {
		size_t n = strnlen(p, len) + 1;

		if (n > (size_t)len)
			break;		/* unterminated */
		if (n == clen && memcmp(p, compat, clen) == 0)
			return 0;
		p += n;
		len -= n;
	}
	return -ENOENT;
}

int fdt_node_offset_by_compatible(const struct fdt *fdt, int start, const char *compat)
{
	int node;

	for (node = fdt_next_node(fdt, start, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		if (fdt_node_check_compatible(fdt, node, compat) == 0)
			return node;
	}
	return node;
}

/*
 * Nodes do not record their parent, so walk from the root, remembering the
 * last node seen at each depth: when the walk reaches the node, its parent
 * is the one remembered a level up.  A tree nested deeper than
 * PARENT_TRACK levels (no real one is) is walked twice instead, which
 * needs no ancestor array: first for the node's depth, then for the last
 * node one level up before it.
 */
#define PARENT_TRACK	32

static int node_depth(const struct fdt *fdt, int node)
{
	int off = 0, depth = 0;

	while (off >= 0 && off < node)
		off = fdt_next_node(fdt, off, &depth);
	if (off < 0)
		return off;
	return off == node ? depth : -EINVAL;
}

static int parent_by_two_walks(const struct fdt *fdt, int node)
{
	int off = 0, depth = 0, parent = -ENOENT, target = node_depth(fdt, node);

	if (target < 0)
		return target;
	while (off >= 0 && off < node) {
		if (depth == target - 1)
			parent = off;
		off = fdt_next_node(fdt, off, &depth);
	}
	return parent;
}

int fdt_parent_offset(const struct fdt *fdt, int node)
{
	int last[PARENT_TRACK];		/* last[d]: the latest node at depth d */
	int off = 0, depth = 0;

	if (check_node(fdt, 0) < 0)
		return -EINVAL;
	last[0] = 0;
	while (off >= 0 && off < node) {
		off = fdt_next_node(fdt, off, &depth);
		if (off < 0)
			return off;
		if (depth < 0 || depth >= PARENT_TRACK)
			return parent_by_two_walks(fdt, node);
		last[depth] = off;
	}
	if (off != node)
		return -EINVAL;
	return depth == 0 ? -ENOENT : last[depth - 1];
}

static int cells(const struct fdt *fdt, int node, const char *name, u32 dflt)
{
	u32 v = dflt;
	int err = fdt_getprop_u32(fdt, node, name, &v);

	if (err && err != -ENOENT)
		return err;
	return v <= FDT_MAX_CELLS ? (int)v : -EINVAL;
}

int fdt_address_cells(const struct fdt *fdt, int node)
{
	return cells(fdt, node, "#address-cells", 2);
}

int fdt_size_cells(const struct fdt *fdt, int node)
{
	return cells(fdt, node, "#size-cells", 1);
}

/* Reads a 1- or 2-cell number; 0 cells reads as 0 (a cpu's reg has no size). */
static u64 read_cells(const u8 *p, int n)
{
	return n == 2 ? be64(p) : n == 1 ? be32(p) : 0;
}

int fdt_get_reg(const struct fdt *fdt, int node, int index, u64 *addr, u64 *size)
{
	int parent = fdt_parent_offset(fdt, node);

	if (parent < 0)
		return parent;
	return fdt_get_reg_below(fdt, parent, node, index, addr, size);
}

int fdt_get_reg_below(const struct fdt *fdt, int parent, int node, int index, u64 *addr,
		      u64 *size)
{
	int ac, sc, len, stride;
	const u8 *p;

	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2 || index < 0)
		return -EINVAL;
	p = fdt_getprop(fdt, node, "reg", &len);
	if (!p)
		return len;
	stride = 4 * (ac + sc);
	if (len % stride)
		return -EINVAL;
	if (index >= len / stride)
		return -ENOENT;
	p += index * stride;
	*addr = read_cells(p, ac);
	*size = read_cells(p + 4 * ac, sc);
	return 0;
}

bool fdt_node_is_available(const struct fdt *fdt, int node)
{
	const char *status;
	int len;

	if (check_node(fdt, node) < 0)
		return false;
	status = fdt_getprop(fdt, node, "status", &len);
	if (!status)
		return len == -ENOENT;
	return (len == 5 && memcmp(status, "okay", 5) == 0) ||
	       (len == 3 && memcmp(status, "ok", 3) == 0);
}

int fdt_get_mem_rsv(const struct fdt *fdt, int index, u64 *addr, u64 *size)
{
	u64 off;
	const u8 *p;

	if (index < 0)
		return -EINVAL;
	if ((u32)index >= fdt->nr_mem_rsv)
		return -ENOENT;
	off = fdt->off_mem_rsvmap + 16 * (u64)index;
	if (off + 16 > fdt->size)
		return -EINVAL;		/* a struct fdt not from fdt_init() */
	p = fdt->blob + off;
	*addr = be64(p);
	*size = be64(p + 8);
	return 0;
}
