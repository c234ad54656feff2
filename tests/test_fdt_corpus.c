// SPDX-License-Identifier: MIT
/*
 * The corrupt-DTB corpus (scripts/gen-bad-dtbs.py) through lib/fdt.c.
 *
 *	test_fdt_corpus <corpus folder>...
 *
 * Each folder holds variants of one QEMU tree and an 'index' whose lines
 * read "<file> <ok|bad|any> <what>": what fdt_init() must make of the file.
 * Every variant is loaded into a heap buffer of exactly its size, so
 * AddressSanitizer reports any read past it.  An accepted variant is then
 * walked the way the kernel and the firmware use the reader: every node,
 * every property name the strings block holds, reg entries, parents,
 * siblings, paths, compatible searches and the reservation map; every call
 * must end in a value or a clean error, and the walks must end at the end
 * of the tree.  A refused variant is walked too, through a struct fdt made
 * from its header clipped to the file, as a caller with a stale or forged
 * struct would: nothing may read outside the blob.
 *
 * Only tern/fdt.h is used, whose names do not clash with the C library.
 */
#include <stdint.h>
#include "harness.h"

#include <tern/errno.h>
#include <tern/fdt.h>

#define MAX_NODES	100000	/* a cap, so a walk that loops fails instead of hanging */
#define MAX_NAMES	4096

struct variant {
	char file[256];
	char reader[8];		/* "ok", "bad" or "any" */
	uint8_t *blob;		/* exactly size bytes */
	uint32_t size;
};

static unsigned int sink;	/* keeps reads from being optimised away */

static void touch(const void *p, int len)
{
	const uint8_t *b = p;

	for (int i = 0; p && i < len; i++)
		sink += b[i];
}

/* Reads <dir>/<name> into an exact-size heap buffer; NULL if it cannot. */
static uint8_t *load(const char *dir, const char *name, uint32_t *size)
{
	char path[1024];
	uint8_t *buf;
	long n;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc(n ? n : 1);
	if (n < 0 || fread(buf, 1, n, fp) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	*size = n;
	return buf;
}

/*
 * Calls fn on every variant of every corpus folder named on the command
 * line.  Returns the number of variants, or -1 (with a failure recorded)
 * if a folder or file cannot be read.
 */
static int for_each_variant(void (*fn)(const char *dir, struct variant *v))
{
	int count = 0;

	if (harness_argc < 2) {
		FAIL("usage: test_fdt_corpus <corpus folder>...");
		return -1;
	}
	for (int i = 1; i < harness_argc; i++) {
		const char *dir = harness_argv[i];
		char path[1024], line[512];
		FILE *index;

		snprintf(path, sizeof(path), "%s/index", dir);
		index = fopen(path, "r");
		if (!index) {
			FAIL("cannot open %s", path);
			return -1;
		}
		while (fgets(line, sizeof(line), index)) {
			struct variant v = { .blob = NULL };

			if (sscanf(line, "%255s %7s", v.file, v.reader) != 2)
				continue;
			v.blob = load(dir, v.file, &v.size);
			if (!v.blob) {
				FAIL("cannot read %s/%s", dir, v.file);
				fclose(index);
				return -1;
			}
			fn(dir, &v);
			free(v.blob);
			count++;
		}
		fclose(index);
	}
	return count;
}

/* ---- Walking a tree the way the kernel and the firmware do ---- */

/* The property names in the strings block: one at its start and after each NUL. */
static int string_names(const struct fdt *f, const char **names)
{
	const char *tab = (const char *)f->blob + f->off_strings;
	int n = 0;

	for (uint32_t off = 0; off < f->size_strings && n < MAX_NAMES; off++) {
		if (off == 0 || tab[off - 1] == '\0') {
			if (memchr(tab + off, '\0', f->size_strings - off))
				names[n++] = tab + off;
		}
	}
	return n;
}

struct walk {
	int nodes, props, regs;
	int last;		/* what ended the node walk */
};

static void walk_node(const struct fdt *f, int node, const char **names, int nnames,
		      struct walk *w)
{
	uint64_t a, s;
	uint32_t v;
	const void *val;
	const char *name;
	int len, err;

	name = fdt_get_name(f, node, &len);
	if (name)
		touch(name, len + 1);
	for (int i = 0; i < nnames; i++) {
		val = fdt_getprop(f, node, names[i], &len);
		if (val) {
			w->props++;
			touch(val, len);
		}
		sink += fdt_getprop_u32(f, node, names[i], &v);
	}
	sink += fdt_node_check_compatible(f, node, "ns16550a");
	sink += fdt_node_is_available(f, node);
	sink += fdt_address_cells(f, node) + fdt_size_cells(f, node);
	for (int i = 0; i < MAX_NODES && !(err = fdt_get_reg(f, node, i, &a, &s)); i++)
		w->regs++;
	sink += fdt_parent_offset(f, node) + fdt_first_child(f, node) +
		fdt_next_sibling(f, node);
}

/* Every node in document order; fills *w.  Returns the node count. */
static int walk_tree(const struct fdt *f, struct walk *w)
{
	static const char *names[MAX_NAMES];
	int nnames = string_names(f, names), depth = 0, node;

	memset(w, 0, sizeof(*w));
	for (node = fdt_next_node(f, -1, &depth); node >= 0 && w->nodes < MAX_NODES;
	     node = fdt_next_node(f, node, &depth)) {
		walk_node(f, node, names, nnames, w);
		w->nodes++;
	}
	w->last = node;
	return w->nodes;
}

/* Nodes reached through first_child / next_sibling from 'node', itself included. */
static int count_by_children(const struct fdt *f, int node, int budget)
{
	int n = 1;

	for (int c = fdt_first_child(f, node); c >= 0 && n < budget; c = fdt_next_sibling(f, c))
		n += count_by_children(f, c, budget - n);
	return n;
}

/* Ends of compatible searches, path lookups and the reservation map walk. */
static void lookups(const struct fdt *f, int *search_end, int *rsv_end, int *rsv_count)
{
	static const char *const compats[] = {
		"ns16550a", "riscv,clint0", "sifive,test0", "riscv,plic0", "virtio,mmio",
	};
	static const char *const paths[] = {
		"/", "/cpus", "/cpus/cpu@0", "/memory", "/chosen", "/soc", "/reserved-memory",
		"/soc/serial@10000000", "//x//",
	};
	uint64_t a, s;
	int node, i;

	*search_end = -ENOENT;
	for (size_t c = 0; c < sizeof(compats) / sizeof(compats[0]); c++) {
		for (node = -1, i = 0; i < MAX_NODES; i++) {
			node = fdt_node_offset_by_compatible(f, node, compats[c]);
			if (node < 0)
				break;
		}
		if (node != -ENOENT)
			*search_end = node;
	}
	for (size_t p = 0; p < sizeof(paths) / sizeof(paths[0]); p++)
		sink += fdt_path_offset(f, paths[p]);
	for (i = 0; i < MAX_NODES && !(*rsv_end = fdt_get_mem_rsv(f, i, &a, &s)); i++)
		;
	*rsv_count = i;
}

/* ---- The tests ---- */

static int verdict_failures;

static void check_verdict(const char *dir, struct variant *v)
{
	struct fdt f;
	int err = fdt_init(&f, v->blob, v->size);

	if (err != 0 && err != -EINVAL) {
		FAIL("%s/%s: fdt_init returned %d, not 0 or -EINVAL", dir, v->file, err);
	} else if (!strcmp(v->reader, "ok") && err) {
		FAIL("%s/%s: well formed, but fdt_init refused it", dir, v->file);
	} else if (!strcmp(v->reader, "bad") && !err) {
		FAIL("%s/%s: broken, but fdt_init accepted it", dir, v->file);
	} else {
		return;
	}
	verdict_failures++;
}

TEST(init_verdicts_match_the_index)
{
	int n = for_each_variant(check_verdict);

	EXPECT(n >= 50);
	EXPECT_EQ(verdict_failures, 0);
	printf("# %d variants\n", n);
}

static int accepted;

static void walk_accepted(const char *dir, struct variant *v)
{
	int search_end, rsv_end, rsv_count, by_children;
	struct walk w;
	struct fdt f;

	if (fdt_init(&f, v->blob, v->size))
		return;
	accepted++;
	walk_tree(&f, &w);
	if (w.last != -ENOENT)
		FAIL("%s/%s: the node walk ended with %d, not -ENOENT", dir, v->file, w.last);
	if (w.nodes < 1 || w.props < 1)
		FAIL("%s/%s: %d nodes, %d properties found", dir, v->file, w.nodes, w.props);
	by_children = count_by_children(&f, 0, MAX_NODES);
	if (by_children != w.nodes)
		FAIL("%s/%s: %d nodes in document order, %d through children and siblings",
		     dir, v->file, w.nodes, by_children);
	lookups(&f, &search_end, &rsv_end, &rsv_count);
	if (search_end != -ENOENT)
		FAIL("%s/%s: a compatible search ended with %d", dir, v->file, search_end);
	if (rsv_end != -ENOENT || (uint32_t)rsv_count != f.nr_mem_rsv)
		FAIL("%s/%s: reservation map walk ended with %d after %d entries (%u counted)",
		     dir, v->file, rsv_end, rsv_count, f.nr_mem_rsv);
	/* One byte less than the header's totalsize is always a truncation. */
	if (fdt_init(&f, v->blob, v->size - 1) != -EINVAL)
		FAIL("%s/%s: accepted with its last byte cut off", dir, v->file);
}

TEST(accepted_variants_walk_cleanly)
{
	accepted = 0;
	for_each_variant(walk_accepted);
	EXPECT(accepted > 0);
	printf("# %d variants accepted and walked\n", accepted);
}

static uint32_t header_u32(const struct variant *v, uint32_t off)
{
	return off + 4 <= v->size ? fdt_read_u32(v->blob + off) : 0;
}

/*
 * A struct fdt from the header as it stands, each block clipped to the
 * file: what a caller holding a stale or forged struct would pass.
 */
static void walk_forged(const char *dir, struct variant *v)
{
	struct fdt f = { .blob = v->blob, .size = v->size };
	int search_end, rsv_end, rsv_count;
	struct walk w;

	(void)dir;
	f.off_struct = header_u32(v, 8);
	f.off_strings = header_u32(v, 12);
	f.off_mem_rsvmap = header_u32(v, 16);
	f.size_strings = header_u32(v, 32);
	f.size_struct = header_u32(v, 36);
	f.size_struct = f.off_struct > v->size ? 0 :
			(f.size_struct < v->size - f.off_struct ? f.size_struct :
			 v->size - f.off_struct) & ~3u;
	f.size_strings = f.off_strings > v->size ? 0 :
			 f.size_strings < v->size - f.off_strings ? f.size_strings :
			 v->size - f.off_strings;
	if (f.off_struct > v->size)
		f.off_struct = 0;
	if (f.off_strings > v->size)
		f.off_strings = 0;
	f.nr_mem_rsv = header_u32(v, 16) % 64;	/* a count nobody checked */
	walk_tree(&f, &w);
	lookups(&f, &search_end, &rsv_end, &rsv_count);
}

/* Passes when AddressSanitizer stays quiet: any bad read aborts the program. */
TEST(forged_structs_stay_inside_the_blob)
{
	EXPECT(for_each_variant(walk_forged) > 0);
}

TEST_MAIN()
