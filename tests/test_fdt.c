// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/fdt.c.
 *
 * Real trees: the device trees of QEMU's rv64 and rv32 virt machines and of
 * its sifive_u machine, which the Makefile dumps with QEMU and passes as
 * argv[1], argv[2] and argv[3].
 *
 * Built trees: a small DTB writer below (header, reservation map, structure
 * and strings blocks) makes well-formed trees with known contents, and
 * malformed ones with one defect each, which fdt_init() must reject.
 *
 * Hostile trees: every truncation of a real tree and thousands of random
 * byte mutations, where whatever the API returns, AddressSanitizer must not
 * see a read outside the blob.  Blobs are copied into heap buffers of their
 * exact size so that one byte too far is caught.
 *
 * This file uses only tern/fdt.h, whose names do not clash with the C
 * library, so it needs no tests/rename.h.
 */
#include <stdint.h>
#include "harness.h"

#include <tern/errno.h>
#include <tern/fdt.h>

#define MIB		(1024 * 1024)
#define MIN(a, b)	((a) < (b) ? (a) : (b))

/* Header fields, as byte offsets (see the layout comment in lib/fdt.c). */
#define H_MAGIC		0
#define H_TOTALSIZE	4
#define H_OFF_STRUCT	8
#define H_OFF_STRINGS	12
#define H_OFF_RSVMAP	16
#define H_VERSION	20
#define H_LAST_COMP	24
#define H_SIZE_STRINGS	32
#define H_SIZE_STRUCT	36
#define HEADER_SIZE	40

#define TOK_BEGIN_NODE	1
#define TOK_END_NODE	2
#define TOK_PROP	3
#define TOK_NOP		4
#define TOK_END		9

static unsigned int rng_state = 0x5eed1234u;

static unsigned int rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A heap copy of exactly n bytes, so ASan flags any read past the end. */
static uint8_t *exact_copy(const void *p, size_t n)
{
	uint8_t *q = malloc(n ? n : 1);

	memcpy(q, p, n);
	return q;
}

/* ---- The DTB writer ---- */

struct dtb {
	uint8_t st[4096];	/* structure block */
	uint32_t st_len;
	char str[1024];		/* strings block */
	uint32_t str_len;
	uint64_t rsv[8][2];
	int nr_rsv;
	uint32_t version;	/* 17 unless a test says otherwise */
};

static void dt_init(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	d->version = 17;
}

static void dt_u32(struct dtb *d, uint32_t v)
{
	put_be32(d->st + d->st_len, v);
	d->st_len += 4;
}

/* Appends bytes and zero padding up to the next 4-byte boundary. */
static void dt_bytes(struct dtb *d, const void *p, size_t n)
{
	memcpy(d->st + d->st_len, p, n);
	d->st_len += n;
	while (d->st_len & 3)
		d->st[d->st_len++] = 0;
}

static void dt_begin(struct dtb *d, const char *name)
{
	dt_u32(d, TOK_BEGIN_NODE);
	dt_bytes(d, name, strlen(name) + 1);
}

static void dt_end(struct dtb *d)
{
	dt_u32(d, TOK_END_NODE);
}

/* Offset of name in the strings block, added if not yet there. */
static uint32_t dt_string(struct dtb *d, const char *name)
{
	size_t n = strlen(name) + 1;

	for (uint32_t off = 0; off < d->str_len; off += strlen(d->str + off) + 1) {
		if (strcmp(d->str + off, name) == 0)
			return off;
	}
	memcpy(d->str + d->str_len, name, n);
	d->str_len += n;
	return d->str_len - n;
}

static void dt_prop(struct dtb *d, const char *name, const void *val, uint32_t len)
{
	dt_u32(d, TOK_PROP);
	dt_u32(d, len);
	dt_u32(d, dt_string(d, name));
	dt_bytes(d, val, len);
}

static void dt_prop_str(struct dtb *d, const char *name, const char *s)
{
	dt_prop(d, name, s, strlen(s) + 1);
}

/* A property of n big-endian cells. */
static void dt_prop_cells(struct dtb *d, const char *name, int n, ...)
{
	uint8_t buf[64];
	va_list ap;

	va_start(ap, n);
	for (int i = 0; i < n; i++)
		put_be32(buf + 4 * i, va_arg(ap, uint32_t));
	va_end(ap);
	dt_prop(d, name, buf, 4 * n);
}

static void put_be64(uint8_t *p, uint64_t v)
{
	put_be32(p, v >> 32);
	put_be32(p + 4, (uint32_t)v);
}

/*
 * Appends FDT_END and lays the blob out in out[]: header, reservation map
 * (8-aligned, right after the header), structure block, strings block.
 * Returns the total size.
 */
static uint32_t dt_finish(struct dtb *d, uint8_t *out, size_t cap)
{
	uint32_t rsv = HEADER_SIZE, st = rsv + 16 * (d->nr_rsv + 1);
	uint32_t strs = st + d->st_len + 4, total = strs + d->str_len;

	dt_u32(d, TOK_END);
	if (total > cap)
		abort();
	memset(out, 0, total);
	put_be32(out + H_MAGIC, FDT_MAGIC);
	put_be32(out + H_TOTALSIZE, total);
	put_be32(out + H_OFF_STRUCT, st);
	put_be32(out + H_OFF_STRINGS, strs);
	put_be32(out + H_OFF_RSVMAP, rsv);
	put_be32(out + H_VERSION, d->version);
	put_be32(out + H_LAST_COMP, 16);
	put_be32(out + H_SIZE_STRINGS, d->str_len);
	put_be32(out + H_SIZE_STRUCT, d->st_len);
	for (int i = 0; i < d->nr_rsv; i++) {
		put_be64(out + rsv + 16 * i, d->rsv[i][0]);
		put_be64(out + rsv + 16 * i + 8, d->rsv[i][1]);
	}
	memcpy(out + st, d->st, d->st_len);
	memcpy(out + strs, d->str, d->str_len);
	return total;
}

/*
 * The reference tree for the built-tree tests:
 *
 *	/ { #address-cells = <1>; #size-cells = <1>;
 *	    compatible = "tern,test", "tern,base"; model = "Tern"; empty;
 *	    chosen { bootargs = "console=ttyS0"; };
 *	    memory@1000 { device_type = "memory"; reg = <0x1000 0x2000 0x10000 0x3000>; };
 *	    bus@f000 { #address-cells = <2>; #size-cells = <2>;
 *		dev@a { compatible = "tern,dev"; status = "disabled"; reg = <0 0xa 0 0x10>; };
 *		dev@b { compatible = "tern,dev"; status = "ok"; reg = <1 0x23456789 0 0x1000>; };
 *		dev@c { status = "okay"; reg = <0 1 0>; };	(length not a multiple)
 *	    };
 *	    cells { #address-cells = <5>; #size-cells = <1 2>; child { reg = <1>; }; };
 *	    memoryx { };  unit@1 { };  unit@2 { };
 *	};
 *
 * with NOP tokens between properties and between nodes, and two entries
 * in the reservation map.
 */
static uint32_t build_reference(uint8_t *out, size_t cap, uint32_t version)
{
	struct dtb d;

	dt_init(&d);
	d.version = version;
	d.rsv[0][0] = 0x1000;
	d.rsv[0][1] = 0x100;
	d.rsv[1][0] = 0x80000000;
	d.rsv[1][1] = 0x200000;
	d.nr_rsv = 2;

	dt_begin(&d, "");
	dt_prop_cells(&d, "#address-cells", 1, 1);
	dt_u32(&d, TOK_NOP);
	dt_prop_cells(&d, "#size-cells", 1, 1);
	dt_prop(&d, "compatible", "tern,test\0tern,base", 20);
	dt_prop_str(&d, "model", "Tern");
	dt_prop(&d, "empty", "", 0);
	dt_begin(&d, "chosen");
	dt_prop_str(&d, "bootargs", "console=ttyS0");
	dt_end(&d);
	dt_u32(&d, TOK_NOP);
	dt_begin(&d, "memory@1000");
	dt_prop_str(&d, "device_type", "memory");
	dt_prop_cells(&d, "reg", 4, 0x1000, 0x2000, 0x10000, 0x3000);
	dt_end(&d);
	dt_begin(&d, "bus@f000");
	dt_prop_cells(&d, "#address-cells", 1, 2);
	dt_prop_cells(&d, "#size-cells", 1, 2);
	dt_begin(&d, "dev@a");
	dt_prop_str(&d, "compatible", "tern,dev");
	dt_prop_str(&d, "status", "disabled");
	dt_prop_cells(&d, "reg", 4, 0, 0xa, 0, 0x10);
	dt_end(&d);
	dt_begin(&d, "dev@b");
	dt_prop_str(&d, "compatible", "tern,dev");
	dt_prop_str(&d, "status", "ok");
	dt_prop_cells(&d, "reg", 4, 1, 0x23456789, 0, 0x1000);
	dt_end(&d);
	dt_begin(&d, "dev@c");
	dt_prop_str(&d, "status", "okay");
	dt_prop_cells(&d, "reg", 3, 0, 1, 0);
	dt_end(&d);
	dt_end(&d);
	dt_begin(&d, "cells");
	dt_prop_cells(&d, "#address-cells", 1, 5);
	dt_prop_cells(&d, "#size-cells", 2, 1, 2);
	dt_begin(&d, "child");
	dt_prop_cells(&d, "reg", 1, 1);
	dt_end(&d);
	dt_end(&d);
	dt_begin(&d, "memoryx");
	dt_end(&d);
	dt_begin(&d, "unit@1");
	dt_end(&d);
	dt_begin(&d, "unit@2");
	dt_end(&d);
	dt_end(&d);
	return dt_finish(&d, out, cap);
}

/* ---- Calling everything, for the hostile-input tests ---- */

static unsigned int sink;	/* keeps the reads below from being optimised away */

/* Reads every byte of a returned value, so ASan checks its whole extent. */
static void touch(const void *p, int len)
{
	const uint8_t *b = p;

	for (int i = 0; p && i < len; i++)
		sink += b[i];
}

static void poke_props(const struct fdt *f, int node)
{
	static const char *const names[] = {
		"reg", "compatible", "status", "#address-cells", "device_type", "nope",
	};
	uint64_t a, s;
	uint32_t v;
	const void *val;
	const char *name;
	int len, n;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		val = fdt_getprop(f, node, names[i], &len);
		touch(val, len);
		sink += fdt_getprop_u32(f, node, names[i], &v);
	}
	name = fdt_get_name(f, node, &n);
	if (name)
		touch(name, n + 1);
	sink += fdt_node_check_compatible(f, node, "ns16550a");
	sink += fdt_node_is_available(f, node);
	sink += fdt_address_cells(f, node) + fdt_size_cells(f, node);
	sink += fdt_get_reg(f, node, 0, &a, &s) + fdt_get_reg(f, node, 1, &a, &s);
	sink += fdt_first_child(f, node) + fdt_next_sibling(f, node);
}

/*
 * Calls every function on every node, and on offsets that are not nodes.
 * Returns the number of nodes walked; the walk must end, since offsets only
 * grow, but a cap keeps a bug from hanging the test.
 */
static int poke_everything(const struct fdt *f)
{
	static const char *const paths[] = {
		"/", "/cpus", "/memory", "/soc/serial", "/soc/serial@10000000", "/chosen",
		"/cpus/cpu@0/interrupt-controller", "//x//", "/a/b/c/d",
	};
	static const int odd[] = { -1, 1, 2, 3, 4, 8, 12, 64, 0x7ffffffc, -0x7fffffff - 1 };
	int depth = 0, nodes = 0, node, i;
	uint64_t a, s;

	for (node = fdt_next_node(f, -1, &depth); node >= 0 && nodes < 100000;
	     node = fdt_next_node(f, node, &depth), nodes++) {
		poke_props(f, node);
		sink += fdt_parent_offset(f, node);
	}
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		poke_props(f, odd[i]);
		sink += fdt_parent_offset(f, odd[i]) + fdt_next_node(f, odd[i], &depth);
	}
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		sink += fdt_path_offset(f, paths[i]);
	for (node = -1, i = 0; i < 1000 && node != -ENOENT && node != -EINVAL; i++)
		node = fdt_node_offset_by_compatible(f, node, "virtio,mmio");
	for (i = -1; i < 4; i++)
		sink += fdt_get_mem_rsv(f, i, &a, &s);
	return nodes;
}

/* ---- The real trees from QEMU ---- */

struct real_dtb {
	uint8_t *blob;		/* exact-size copy of the first totalsize bytes */
	uint32_t size;
	struct fdt fdt;
};

enum { REAL_VIRT64, REAL_VIRT32, REAL_SIFIVE_U, NR_REAL };
static struct real_dtb real[NR_REAL];

/* Loads argv[1 + i] once; fails the calling test if it cannot. */
static struct real_dtb *load_real(int i)
{
	struct real_dtb *r = &real[i];
	uint8_t *file;
	long n;
	FILE *fp;

	if (r->blob)
		return r;
	if (harness_argc < 1 + NR_REAL) {
		FAIL("usage: test_fdt virt64.dtb virt32.dtb sifive_u.dtb");
		return NULL;
	}
	fp = fopen(harness_argv[1 + i], "rb");
	if (!fp) {
		FAIL("cannot open %s", harness_argv[1 + i]);
		return NULL;
	}
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	file = malloc(n);
	if (n < HEADER_SIZE || fread(file, 1, n, fp) != (size_t)n ||
	    fdt_totalsize(file) > (uint32_t)n) {
		FAIL("%s is not a whole DTB", harness_argv[1 + i]);
		fclose(fp);
		free(file);
		return NULL;
	}
	fclose(fp);
	r->size = fdt_totalsize(file);
	r->blob = exact_copy(file, r->size);
	free(file);
	if (fdt_init(&r->fdt, r->blob, r->size)) {
		FAIL("fdt_init rejected %s", harness_argv[1 + i]);
		free(r->blob);
		r->blob = NULL;
		return NULL;
	}
	return r;
}

#define LOAD_REAL(r, i) do { r = load_real(i); if (!r) return; } while (0)

TEST(real_init_and_header)
{
	for (int i = 0; i < 2; i++) {
		struct real_dtb *r;
		struct fdt f;

		LOAD_REAL(r, i);
		EXPECT_EQ(fdt_totalsize(r->blob), r->size);
		EXPECT_EQ(r->fdt.size, r->size);
		EXPECT(r->fdt.blob == r->blob);
		EXPECT_EQ(fdt_init(&f, r->blob, r->size - 1), -EINVAL);	/* max_size too small */
		EXPECT_EQ(fdt_init(&f, NULL, r->size), -EINVAL);
	}
}

TEST(real_timebase_frequency)
{
	for (int i = 0; i < 2; i++) {
		struct real_dtb *r;
		uint32_t tb = 0;
		int cpus;

		LOAD_REAL(r, i);
		cpus = fdt_path_offset(&r->fdt, "/cpus");
		EXPECT(cpus > 0);
		EXPECT_EQ(fdt_getprop_u32(&r->fdt, cpus, "timebase-frequency", &tb), 0);
		EXPECT_EQ(tb, 10000000);
	}
}

/* Children of /cpus with device_type "cpu" (there is also a cpu-map node). */
static int count_cpus(const struct fdt *f)
{
	int n = 0, len, cpu;
	const char *type;

	for (cpu = fdt_first_child(f, fdt_path_offset(f, "/cpus")); cpu >= 0;
	     cpu = fdt_next_sibling(f, cpu)) {
		type = fdt_getprop(f, cpu, "device_type", &len);
		if (type && len == 4 && memcmp(type, "cpu", 4) == 0)
			n++;
	}
	EXPECT_EQ(cpu, -ENOENT);
	return n;
}

TEST(real_cpu_nodes)
{
	struct real_dtb *r64, *r32;
	uint64_t addr, size;
	int cpu2;

	LOAD_REAL(r64, 0);
	LOAD_REAL(r32, 1);
	EXPECT_EQ(count_cpus(&r64->fdt), 4);		/* -smp 4 */
	EXPECT_EQ(count_cpus(&r32->fdt), 1);
	cpu2 = fdt_path_offset(&r64->fdt, "/cpus/cpu@2");
	EXPECT(cpu2 > 0);
	EXPECT(fdt_node_is_available(&r64->fdt, cpu2));
	/* /cpus has #size-cells = <0>: reg is the hart id alone. */
	EXPECT_EQ(fdt_get_reg(&r64->fdt, cpu2, 0, &addr, &size), 0);
	EXPECT_EQ(addr, 2);
	EXPECT_EQ(size, 0);
	EXPECT_EQ(fdt_get_reg(&r64->fdt, cpu2, 1, &addr, &size), -ENOENT);
}

TEST(real_memory_reg)
{
	static const uint64_t want_size[2] = { 256 * MIB, 0 };	/* rv32: QEMU's default */

	for (int i = 0; i < 2; i++) {
		struct real_dtb *r;
		uint64_t addr = 0, size = 0;
		int mem;

		LOAD_REAL(r, i);
		mem = fdt_path_offset(&r->fdt, "/memory");
		EXPECT(mem > 0);
		EXPECT_EQ(fdt_path_offset(&r->fdt, "/memory@80000000"), mem);
		EXPECT_EQ(fdt_get_reg(&r->fdt, mem, 0, &addr, &size), 0);
		EXPECT_EQ(addr, 0x80000000);
		if (want_size[i])
			EXPECT_EQ(size, want_size[i]);
		else
			EXPECT(size >= 16 * MIB);
		EXPECT_EQ(fdt_get_reg(&r->fdt, mem, 1, &addr, &size), -ENOENT);
	}
}

TEST(real_compatible_search)
{
	for (int i = 0; i < 2; i++) {
		const struct fdt *f;
		struct real_dtb *r;
		uint64_t addr, size;
		uint32_t clk;
		int uart, plic, n, virtio = 0;

		LOAD_REAL(r, i);
		f = &r->fdt;
		uart = fdt_node_offset_by_compatible(f, -1, "ns16550a");
		EXPECT(uart > 0);
		EXPECT_STREQ(fdt_get_name(f, uart, NULL), "serial@10000000");
		EXPECT_EQ(fdt_get_reg(f, uart, 0, &addr, &size), 0);
		EXPECT_EQ(addr, 0x10000000);
		EXPECT_EQ(size, 0x100);
		EXPECT_EQ(fdt_getprop_u32(f, uart, "clock-frequency", &clk), 0);
		EXPECT_EQ(clk, 3686400);
		EXPECT_EQ(fdt_node_offset_by_compatible(f, uart, "ns16550a"), -ENOENT);

		/* The PLIC lists both names; either finds the same node. */
		plic = fdt_node_offset_by_compatible(f, -1, "riscv,plic0");
		EXPECT(plic > 0);
		EXPECT_EQ(fdt_node_offset_by_compatible(f, -1, "sifive,plic-1.0.0"), plic);
		EXPECT_EQ(fdt_node_check_compatible(f, plic, "riscv,plic0"), 0);
		EXPECT_EQ(fdt_node_check_compatible(f, plic, "riscv"), -ENOENT);
		EXPECT_EQ(fdt_address_cells(f, plic), 0);

		for (n = -1; (n = fdt_node_offset_by_compatible(f, n, "virtio,mmio")) >= 0;)
			virtio++;
		EXPECT_EQ(virtio, 8);
		EXPECT_EQ(n, -ENOENT);
		EXPECT_EQ(fdt_node_offset_by_compatible(f, -1, "no,such-device"), -ENOENT);
		/* The root itself is searched when starting from -1. */
		EXPECT_EQ(fdt_node_offset_by_compatible(f, -1, "riscv-virtio"), 0);
	}
}

TEST(real_paths_names_and_parents)
{
	const struct fdt *f;
	struct real_dtb *r;
	int soc, uart, cpus, cpu0, intc, len = -1;

	LOAD_REAL(r, 0);
	f = &r->fdt;
	EXPECT_EQ(fdt_path_offset(f, "/"), 0);
	soc = fdt_path_offset(f, "/soc");
	uart = fdt_path_offset(f, "/soc/serial@10000000");
	EXPECT(soc > 0);
	EXPECT(uart > soc);
	EXPECT_EQ(fdt_path_offset(f, "/soc/serial"), uart);
	EXPECT_EQ(fdt_path_offset(f, "//soc//serial/"), uart);
	EXPECT_EQ(fdt_path_offset(f, "/soc/serial@10000001"), -ENOENT);
	EXPECT_EQ(fdt_path_offset(f, "/soc/seria"), -ENOENT);
	EXPECT_EQ(fdt_path_offset(f, "/nonexistent"), -ENOENT);
	EXPECT_EQ(fdt_path_offset(f, "/soc/serial@10000000/x"), -ENOENT);
	EXPECT_EQ(fdt_path_offset(f, "soc"), -EINVAL);	/* aliases are not supported */
	EXPECT(fdt_path_offset(f, "/chosen") > 0);

	EXPECT_STREQ(fdt_get_name(f, 0, &len), "");
	EXPECT_EQ(len, 0);
	EXPECT_STREQ(fdt_get_name(f, uart, &len), "serial@10000000");
	EXPECT_EQ(len, 15);
	EXPECT(fdt_get_name(f, uart + 4, &len) == NULL);	/* not a node offset */

	EXPECT_EQ(fdt_parent_offset(f, uart), soc);
	EXPECT_EQ(fdt_parent_offset(f, soc), 0);
	EXPECT_EQ(fdt_parent_offset(f, 0), -ENOENT);
	cpus = fdt_path_offset(f, "/cpus");
	cpu0 = fdt_path_offset(f, "/cpus/cpu@0");
	intc = fdt_path_offset(f, "/cpus/cpu@0/interrupt-controller");
	EXPECT(intc > cpu0);
	EXPECT_EQ(fdt_parent_offset(f, intc), cpu0);
	EXPECT_EQ(fdt_parent_offset(f, cpu0), cpus);
	EXPECT(fdt_parent_offset(f, uart + 4) < 0);
}

TEST(real_chosen_and_cells)
{
	const struct fdt *f;
	struct real_dtb *r;
	const char *s;
	int len;

	LOAD_REAL(r, 0);
	f = &r->fdt;
	s = fdt_getprop(f, fdt_path_offset(f, "/chosen"), "stdout-path", &len);
	EXPECT_STREQ(s, "/soc/serial@10000000");
	EXPECT_EQ(len, 21);				/* the NUL counts */
	EXPECT_EQ(fdt_address_cells(f, 0), 2);
	EXPECT_EQ(fdt_size_cells(f, 0), 2);
	EXPECT_EQ(fdt_address_cells(f, fdt_path_offset(f, "/cpus")), 1);
	EXPECT_EQ(fdt_size_cells(f, fdt_path_offset(f, "/cpus")), 0);
	EXPECT_EQ(fdt_address_cells(f, fdt_path_offset(f, "/soc")), 2);
	EXPECT_EQ(fdt_size_cells(f, fdt_path_offset(f, "/soc")), 2);
	EXPECT_EQ(fdt_address_cells(f, fdt_path_offset(f, "/platform-bus")), 1);
	EXPECT_EQ(fdt_size_cells(f, fdt_path_offset(f, "/platform-bus")), 1);
	/* No #size-cells on the UART: the default applies to its children. */
	EXPECT_EQ(fdt_size_cells(f, fdt_path_offset(f, "/soc/serial")), 1);
	EXPECT_EQ(fdt_address_cells(f, fdt_path_offset(f, "/soc/serial")), 2);
}

TEST(real_mem_rsv_map_is_empty)
{
	for (int i = 0; i < 2; i++) {
		struct real_dtb *r;
		uint64_t a, s;

		LOAD_REAL(r, i);
		EXPECT_EQ(fdt_get_mem_rsv(&r->fdt, 0, &a, &s), -ENOENT);
		EXPECT_EQ(fdt_get_mem_rsv(&r->fdt, -1, &a, &s), -EINVAL);
	}
}

/*
 * sifive_u: hart 0 is the E51 monitor core, with no S-mode and no MMU (its
 * riscv,isa lacks the MMU's mmu-type); the others are U54s.  The console is
 * a sifive,uart0 and the PLIC is the SiFive one.
 */
TEST(real_sifive_u)
{
	const struct fdt *f;
	struct real_dtb *r;
	uint64_t addr, size;
	const char *s;
	int cpu0, cpu1, uart, len;

	LOAD_REAL(r, REAL_SIFIVE_U);
	f = &r->fdt;
	EXPECT(count_cpus(f) >= 2);
	cpu0 = fdt_path_offset(f, "/cpus/cpu@0");
	cpu1 = fdt_path_offset(f, "/cpus/cpu@1");
	EXPECT(cpu0 > 0 && cpu1 > 0);
	EXPECT(fdt_getprop(f, cpu0, "mmu-type", &len) == NULL);
	s = fdt_getprop(f, cpu1, "mmu-type", &len);
	EXPECT(s && len > 9 && memcmp(s, "riscv,sv", 8) == 0);
	s = fdt_getprop(f, cpu0, "riscv,isa", &len);
	EXPECT(s && len > 5 && memcmp(s, "rv64i", 5) == 0);

	uart = fdt_node_offset_by_compatible(f, -1, "sifive,uart0");
	EXPECT(uart > 0);
	EXPECT_EQ(fdt_get_reg(f, uart, 0, &addr, &size), 0);
	EXPECT_EQ(addr, 0x10010000);
	EXPECT_EQ(fdt_node_offset_by_compatible(f, -1, "ns16550a"), -ENOENT);
	EXPECT(fdt_node_offset_by_compatible(f, -1, "sifive,plic-1.0.0") > 0);
	EXPECT_EQ(fdt_node_offset_by_compatible(f, -1, "virtio,mmio"), -ENOENT);
	EXPECT_EQ(fdt_path_offset(f, "/memory@80000000") > 0, 1);
}

/* Depths along the walk go up by one at most, and never below the root. */
TEST(real_walk_depths_and_siblings)
{
	const struct fdt *f;
	struct real_dtb *r;
	int depth = 0, prev = 0, node, nodes = 0, top = 0;

	LOAD_REAL(r, 0);
	f = &r->fdt;
	EXPECT_EQ(fdt_next_node(f, -1, &depth), 0);
	EXPECT_EQ(depth, 0);
	for (node = 0; (node = fdt_next_node(f, node, &depth)) >= 0; nodes++) {
		EXPECT(depth >= 1 && depth <= prev + 1);
		if (depth == 1)
			top++;
		prev = depth;
	}
	EXPECT_EQ(node, -ENOENT);
	EXPECT(nodes > 30);
	/* The sibling chain from the first child sees the same top level. */
	for (node = fdt_first_child(f, 0), nodes = 0; node >= 0; node = fdt_next_sibling(f, node))
		nodes++;
	EXPECT_EQ(nodes, top);
	EXPECT_EQ(fdt_next_sibling(f, 0), -ENOENT);
	EXPECT_EQ(fdt_first_child(f, fdt_path_offset(f, "/soc/serial")), -ENOENT);
}

/* ---- Built trees ---- */

TEST(built_walk_and_names)
{
	static const struct { const char *name; int depth; } want[] = {
		{ "", 0 }, { "chosen", 1 }, { "memory@1000", 1 }, { "bus@f000", 1 },
		{ "dev@a", 2 }, { "dev@b", 2 }, { "dev@c", 2 }, { "cells", 1 },
		{ "child", 2 }, { "memoryx", 1 }, { "unit@1", 1 }, { "unit@2", 1 },
	};
	uint8_t buf[2048];
	struct fdt f;
	int node, depth = 0;
	size_t i = 0;

	ASSERT_EQ(fdt_init(&f, buf, build_reference(buf, sizeof(buf), 17)), 0);
	for (node = fdt_next_node(&f, -1, &depth); node >= 0;
	     node = fdt_next_node(&f, node, &depth), i++) {
		if (!EXPECT(i < sizeof(want) / sizeof(want[0])))
			return;
		EXPECT_STREQ(fdt_get_name(&f, node, NULL), want[i].name);
		EXPECT_EQ(depth, want[i].depth);
	}
	EXPECT_EQ(node, -ENOENT);
	EXPECT_EQ(i, sizeof(want) / sizeof(want[0]));
}

TEST(built_children_and_siblings)
{
	uint8_t buf[2048];
	struct fdt f;
	int n, bus;

	ASSERT_EQ(fdt_init(&f, buf, build_reference(buf, sizeof(buf), 17)), 0);
	n = fdt_first_child(&f, 0);
	EXPECT_STREQ(fdt_get_name(&f, n, NULL), "chosen");
	EXPECT_EQ(fdt_first_child(&f, n), -ENOENT);
	n = fdt_next_sibling(&f, n);
	EXPECT_STREQ(fdt_get_name(&f, n, NULL), "memory@1000");
	bus = fdt_next_sibling(&f, n);
	EXPECT_STREQ(fdt_get_name(&f, bus, NULL), "bus@f000");
	n = fdt_next_sibling(&f, bus);
	EXPECT_STREQ(fdt_get_name(&f, n, NULL), "cells");
	n = fdt_first_child(&f, bus);
	EXPECT_STREQ(fdt_get_name(&f, n, NULL), "dev@a");
	n = fdt_next_sibling(&f, fdt_next_sibling(&f, n));
	EXPECT_STREQ(fdt_get_name(&f, n, NULL), "dev@c");
	EXPECT_EQ(fdt_next_sibling(&f, n), -ENOENT);	/* last child of bus */
	n = fdt_path_offset(&f, "/unit@2");
	EXPECT_EQ(fdt_next_sibling(&f, n), -ENOENT);	/* last node of all */
	EXPECT_EQ(fdt_first_child(&f, n), -ENOENT);
	EXPECT_EQ(fdt_first_child(&f, 5), -EINVAL);	/* not a node offset */
}

TEST(built_properties)
{
	uint8_t buf[2048];
	struct fdt f;
	const char *p;
	uint32_t v = 0;
	int len = 0;

	ASSERT_EQ(fdt_init(&f, buf, build_reference(buf, sizeof(buf), 17)), 0);
	/* #size-cells comes after a NOP. */
	EXPECT_EQ(fdt_getprop_u32(&f, 0, "#size-cells", &v), 0);
	EXPECT_EQ(v, 1);
	p = fdt_getprop(&f, 0, "empty", &len);
	EXPECT(p != NULL);
	EXPECT_EQ(len, 0);
	p = fdt_getprop(&f, 0, "model", &len);
	EXPECT_STREQ(p, "Tern");
	EXPECT_EQ(len, 5);
	EXPECT(fdt_getprop(&f, 0, "bootargs", &len) == NULL);	/* a child's, not the root's */
	EXPECT_EQ(len, -ENOENT);
	EXPECT(fdt_getprop(&f, 0, "compat", &len) == NULL);	/* no prefix matches */
	EXPECT(fdt_getprop(&f, 0, "nope", NULL) == NULL);
	EXPECT(fdt_getprop(&f, 3, "model", &len) == NULL);
	EXPECT_EQ(len, -EINVAL);
	EXPECT(fdt_getprop(&f, 1 << 20, "model", &len) == NULL);
	EXPECT_EQ(len, -EINVAL);
	EXPECT(fdt_getprop(&f, -8, "model", &len) == NULL);
	EXPECT_EQ(len, -EINVAL);
	EXPECT_STREQ(fdt_getprop(&f, fdt_path_offset(&f, "/chosen"), "bootargs", NULL),
		     "console=ttyS0");
	EXPECT_EQ(fdt_getprop_u32(&f, 0, "model", &v), -EINVAL);	/* 5 bytes, not 4 */
	EXPECT_EQ(fdt_getprop_u32(&f, 0, "nope", &v), -ENOENT);
}

TEST(built_compatible_and_status)
{
	uint8_t buf[2048];
	struct fdt f;
	int a, b;

	ASSERT_EQ(fdt_init(&f, buf, build_reference(buf, sizeof(buf), 17)), 0);
	EXPECT_EQ(fdt_node_check_compatible(&f, 0, "tern,test"), 0);
	EXPECT_EQ(fdt_node_check_compatible(&f, 0, "tern,base"), 0);
	EXPECT_EQ(fdt_node_check_compatible(&f, 0, "tern"), -ENOENT);
	EXPECT_EQ(fdt_node_check_compatible(&f, 0, "tern,basex"), -ENOENT);
	EXPECT_EQ(fdt_node_check_compatible(&f, 0, ""), -ENOENT);
	a = fdt_node_offset_by_compatible(&f, -1, "tern,dev");
	b = fdt_node_offset_by_compatible(&f, a, "tern,dev");
	EXPECT_EQ(a, fdt_path_offset(&f, "/bus/dev@a"));
	EXPECT_EQ(b, fdt_path_offset(&f, "/bus@f000/dev@b"));
	EXPECT_EQ(fdt_node_offset_by_compatible(&f, b, "tern,dev"), -ENOENT);
	EXPECT(!fdt_node_is_available(&f, a));			/* "disabled" */
	EXPECT(fdt_node_is_available(&f, b));			/* "ok" */
	EXPECT(fdt_node_is_available(&f, fdt_path_offset(&f, "/bus/dev@c")));	/* "okay" */
	EXPECT(fdt_node_is_available(&f, 0));			/* no status */
	EXPECT(!fdt_node_is_available(&f, 6));			/* not a node */
}

TEST(built_paths)
{
	uint8_t buf[2048];
	struct fdt f;

	ASSERT_EQ(fdt_init(&f, buf, build_reference(buf, sizeof(buf), 17)), 0);
	EXPECT_STREQ(fdt_get_name(&f, fdt_path_offset(&f, "/memory"), NULL), "memory@1000");
	EXPECT_STREQ(fdt_get_name(&f, fdt_path_offset(&f, "/memoryx"), NULL), "memoryx");
	EXPECT_STREQ(fdt_get_name(&f, fdt_path_offset(&f, "/unit"), NULL), "unit@1");
	EXPECT_STREQ(fdt_get_name(&f, fdt_path_offset(&f, "/unit@2"), NULL), "unit@2");
	EXPECT_STREQ(fdt_get_name(&f, fdt_path_offset(&f, "/bus/dev"), NULL), "dev@a");
	EXPECT_STREQ(fdt_get_name(&f, fdt_path_offset(&f, "/cells/child"), NULL), "child");
	EXPECT_EQ(fdt_path_offset(&f, "/unit@3"), -ENOENT);
	EXPECT_EQ(fdt_path_offset(&f, "/memory@"), -ENOENT);
	EXPECT_EQ(fdt_path_offset(&f, "/chosen/x"), -ENOENT);
	EXPECT_EQ(fdt_path_offset(&f, ""), -EINVAL);
}

TEST(built_reg_and_cells)
{
	uint8_t buf[2048];
	struct fdt f;
	uint64_t a = 0, s = 0;
	int mem, dev;

	ASSERT_EQ(fdt_init(&f, buf, build_reference(buf, sizeof(buf), 17)), 0);
	mem = fdt_path_offset(&f, "/memory");
	EXPECT_EQ(fdt_get_reg(&f, mem, 0, &a, &s), 0);
	EXPECT_EQ(a, 0x1000);
	EXPECT_EQ(s, 0x2000);
	EXPECT_EQ(fdt_get_reg(&f, mem, 1, &a, &s), 0);
	EXPECT_EQ(a, 0x10000);
	EXPECT_EQ(s, 0x3000);
	EXPECT_EQ(fdt_get_reg(&f, mem, 2, &a, &s), -ENOENT);
	EXPECT_EQ(fdt_get_reg(&f, mem, -1, &a, &s), -EINVAL);
	dev = fdt_path_offset(&f, "/bus/dev@b");
	EXPECT_EQ(fdt_get_reg(&f, dev, 0, &a, &s), 0);		/* two cells each */
	EXPECT_EQ(a, 0x123456789ULL);
	EXPECT_EQ(s, 0x1000);
	EXPECT_EQ(fdt_get_reg(&f, fdt_path_offset(&f, "/bus/dev@c"), 0, &a, &s), -EINVAL);
	EXPECT_EQ(fdt_get_reg(&f, fdt_path_offset(&f, "/cells/child"), 0, &a, &s), -EINVAL);
	EXPECT_EQ(fdt_get_reg(&f, fdt_path_offset(&f, "/chosen"), 0, &a, &s), -ENOENT);
	EXPECT_EQ(fdt_get_reg(&f, 0, 0, &a, &s), -ENOENT);	/* the root has no parent */
	EXPECT_EQ(fdt_address_cells(&f, fdt_path_offset(&f, "/cells")), -EINVAL);	/* 5 */
	EXPECT_EQ(fdt_size_cells(&f, fdt_path_offset(&f, "/cells")), -EINVAL);	/* 2 cells long */
	EXPECT_EQ(fdt_address_cells(&f, fdt_path_offset(&f, "/chosen")), 2);	/* defaults */
	EXPECT_EQ(fdt_size_cells(&f, fdt_path_offset(&f, "/chosen")), 1);
	EXPECT_EQ(fdt_parent_offset(&f, dev), fdt_path_offset(&f, "/bus"));
}

TEST(built_mem_rsv)
{
	uint8_t buf[2048];
	struct fdt f;
	uint64_t a = 0, s = 0;

	ASSERT_EQ(fdt_init(&f, buf, build_reference(buf, sizeof(buf), 17)), 0);
	EXPECT_EQ(fdt_get_mem_rsv(&f, 0, &a, &s), 0);
	EXPECT_EQ(a, 0x1000);
	EXPECT_EQ(s, 0x100);
	EXPECT_EQ(fdt_get_mem_rsv(&f, 1, &a, &s), 0);
	EXPECT_EQ(a, 0x80000000);
	EXPECT_EQ(s, 0x200000);
	EXPECT_EQ(fdt_get_mem_rsv(&f, 2, &a, &s), -ENOENT);
	EXPECT_EQ(fdt_get_mem_rsv(&f, 100, &a, &s), -ENOENT);
	EXPECT_EQ(fdt_get_mem_rsv(&f, -1, &a, &s), -EINVAL);
}

/*
 * A compatible list whose last string has no NUL must not match it, even
 * though the zero byte of the next token sits right after the value.
 */
TEST(built_unterminated_compatible)
{
	uint8_t buf[512];
	struct dtb d;
	struct fdt f;
	uint32_t n;

	dt_init(&d);
	dt_begin(&d, "");
	dt_begin(&d, "uart");
	dt_prop(&d, "compatible", "vendor,x\0ns16550a", 17);
	dt_end(&d);
	dt_end(&d);
	n = dt_finish(&d, buf, sizeof(buf));
	ASSERT_EQ(fdt_init(&f, buf, n), 0);
	EXPECT_EQ(fdt_node_check_compatible(&f, fdt_path_offset(&f, "/uart"), "vendor,x"), 0);
	EXPECT_EQ(fdt_node_check_compatible(&f, fdt_path_offset(&f, "/uart"), "ns16550a"), -ENOENT);
	EXPECT_EQ(fdt_node_offset_by_compatible(&f, -1, "ns16550a"), -ENOENT);
}

/* Version 16 has no size_dt_struct; the reader must still find everything. */
TEST(built_version_16)
{
	uint8_t buf[2048];
	uint32_t n = build_reference(buf, sizeof(buf), 16);
	struct fdt f;

	put_be32(buf + H_SIZE_STRUCT, 0xdeadbeef);	/* must be ignored */
	ASSERT_EQ(fdt_init(&f, buf, n), 0);
	EXPECT_STREQ(fdt_get_name(&f, fdt_path_offset(&f, "/unit@2"), NULL), "unit@2");
	EXPECT_STREQ(fdt_getprop(&f, 0, "model", NULL), "Tern");
}

/* ---- Malformed trees: each has one defect and must be rejected ---- */

/* A valid reference blob in buf; returns its size. */
static uint32_t good_blob(uint8_t *buf, size_t cap)
{
	struct fdt f;
	uint32_t n = build_reference(buf, cap, 17);

	if (fdt_init(&f, buf, n) != 0)
		abort();
	return n;
}

/* fdt_init on an exact-size copy of buf. */
static int init_copy(const uint8_t *buf, uint32_t n)
{
	uint8_t *copy = exact_copy(buf, n);
	struct fdt f;
	int err = fdt_init(&f, copy, n);

	free(copy);
	return err;
}

#define EXPECT_REJECTED(buf, n) EXPECT_EQ(init_copy(buf, n), -EINVAL)

/* Patches one header field of a fresh good blob and expects rejection. */
static void expect_bad_header(int field, uint32_t value, const char *what)
{
	uint8_t buf[2048];
	uint32_t n = good_blob(buf, sizeof(buf));

	put_be32(buf + field, value);
	if (init_copy(buf, n) != -EINVAL)
		FAIL("header field %d = %#x (%s) was accepted", field, value, what);
}

TEST(bad_headers)
{
	uint8_t buf[2048];
	uint32_t n = good_blob(buf, sizeof(buf));
	uint32_t st = get_be32(buf + H_OFF_STRUCT), strs = get_be32(buf + H_OFF_STRINGS);
	uint32_t st_size = get_be32(buf + H_SIZE_STRUCT);

	expect_bad_header(H_MAGIC, 0xedfe0dd0, "byte-swapped magic");
	expect_bad_header(H_VERSION, 15, "version 15");
	expect_bad_header(H_VERSION, 0, "version 0");
	expect_bad_header(H_LAST_COMP, 18, "only readable by version 18");
	expect_bad_header(H_TOTALSIZE, n + 1, "totalsize past the buffer");
	expect_bad_header(H_TOTALSIZE, 0xffffffff, "huge totalsize");
	expect_bad_header(H_TOTALSIZE, 39, "totalsize below the header");
	expect_bad_header(H_TOTALSIZE, n - 1, "strings block past totalsize");
	expect_bad_header(H_OFF_STRUCT, n, "struct block at the end");
	expect_bad_header(H_OFF_STRUCT, 0xfffffffc, "struct offset wraps");
	expect_bad_header(H_OFF_STRUCT, st + 2, "misaligned struct block");
	expect_bad_header(H_OFF_STRUCT, 0, "struct block over the header");
	expect_bad_header(H_SIZE_STRUCT, n, "struct block past totalsize");
	expect_bad_header(H_SIZE_STRUCT, 0xfffffff0, "struct size wraps");
	expect_bad_header(H_SIZE_STRUCT, st_size - 2, "struct size not a multiple of 4");
	expect_bad_header(H_OFF_STRINGS, n, "strings block past totalsize");
	expect_bad_header(H_OFF_STRINGS, 0xffffffff, "strings offset wraps");
	expect_bad_header(H_SIZE_STRINGS, n - strs + 1, "strings size past totalsize");
	expect_bad_header(H_OFF_RSVMAP, n - 8, "reservation map past totalsize");
	expect_bad_header(H_OFF_RSVMAP, 8, "reservation map over the header");
	expect_bad_header(H_OFF_RSVMAP, st, "reservation map without (0, 0)");

	EXPECT_EQ(init_copy(buf, n), 0);		/* the base blob itself is fine */
	EXPECT_REJECTED(buf, 39);			/* buffer smaller than a header */
	EXPECT_REJECTED(buf, 0);
}

/* Builds the struct block by hand around one defect. */
TEST(bad_struct_blocks)
{
	uint8_t buf[2048];
	struct dtb d;

	/* No FDT_END: struct size stops short of it. */
	{
		uint32_t n = good_blob(buf, sizeof(buf));

		put_be32(buf + H_SIZE_STRUCT, get_be32(buf + H_SIZE_STRUCT) - 4);
		EXPECT_REJECTED(buf, n);
	}
	/* A property length running past the block. */
	dt_init(&d);
	dt_begin(&d, "");
	dt_u32(&d, TOK_PROP);
	dt_u32(&d, 64);
	dt_u32(&d, dt_string(&d, "x"));
	dt_end(&d);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
	/* A property length of almost 4 GiB, which must not wrap. */
	dt_init(&d);
	dt_begin(&d, "");
	dt_u32(&d, TOK_PROP);
	dt_u32(&d, 0xfffffff8);
	dt_u32(&d, dt_string(&d, "x"));
	dt_end(&d);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
	/* A property header cut by the end of the block. */
	dt_init(&d);
	dt_begin(&d, "");
	dt_end(&d);
	dt_u32(&d, TOK_PROP);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
	/* A name offset outside the strings block. */
	dt_init(&d);
	dt_begin(&d, "");
	dt_prop_str(&d, "ok", "v");
	dt_u32(&d, TOK_PROP);
	dt_u32(&d, 0);
	dt_u32(&d, 3);		/* strings block is "ok\0": 3 bytes */
	dt_end(&d);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
	/* An unknown token. */
	dt_init(&d);
	dt_begin(&d, "");
	dt_u32(&d, 5);
	dt_end(&d);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
	/* A second root node. */
	dt_init(&d);
	dt_begin(&d, "");
	dt_end(&d);
	dt_begin(&d, "");
	dt_end(&d);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
	/* A node that is never closed, and one closed twice. */
	dt_init(&d);
	dt_begin(&d, "");
	dt_begin(&d, "a");
	dt_end(&d);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
	dt_init(&d);
	dt_begin(&d, "");
	dt_end(&d);
	dt_end(&d);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
	/* A property outside any node, and an empty tree. */
	dt_init(&d);
	dt_prop_str(&d, "x", "y");
	dt_begin(&d, "");
	dt_end(&d);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
	dt_init(&d);
	EXPECT_REJECTED(buf, dt_finish(&d, buf, sizeof(buf)));
}

TEST(bad_unterminated_names)
{
	uint8_t buf[2048];
	struct dtb d;
	uint32_t n, st;

	/* A node name running to the end of the struct block. */
	dt_init(&d);
	dt_begin(&d, "");
	dt_u32(&d, TOK_BEGIN_NODE);
	memcpy(d.st + d.st_len, "abcdefgh", 8);
	d.st_len += 8;
	n = dt_finish(&d, buf, sizeof(buf));
	st = get_be32(buf + H_OFF_STRUCT);
	put_be32(buf + H_SIZE_STRUCT, get_be32(buf + H_SIZE_STRUCT) - 4);	/* drop FDT_END */
	EXPECT_EQ(memcmp(buf + st + 12, "abcdefgh", 8), 0);
	EXPECT_REJECTED(buf, n);

	/* A property name whose NUL is outside the strings block. */
	dt_init(&d);
	dt_begin(&d, "");
	dt_prop_str(&d, "first", "1");
	dt_prop_str(&d, "last", "2");
	dt_end(&d);
	n = dt_finish(&d, buf, sizeof(buf));
	put_be32(buf + H_SIZE_STRINGS, get_be32(buf + H_SIZE_STRINGS) - 1);
	EXPECT_REJECTED(buf, n);
}

/* ---- Hostile input: whatever the answers, no read may leave the blob ---- */

/*
 * A struct fdt made by hand from a good layout, whatever the blob's bytes
 * now say, so the accessors meet corrupt content that fdt_init() would have
 * turned away.  The layout must fit in n bytes.
 */
static struct fdt raw_fdt(const struct fdt *layout, const uint8_t *blob)
{
	struct fdt f = *layout;

	f.blob = blob;
	return f;
}

/* Shrinks a layout's blocks to fit in the first n bytes. */
static struct fdt clamp_layout(const struct fdt *layout, const uint8_t *blob, uint32_t n)
{
	struct fdt f = raw_fdt(layout, blob);

	f.size = n;
	f.size_struct = f.off_struct > n ? 0 : MIN(f.size_struct, n - f.off_struct) & ~3u;
	f.size_strings = f.off_strings > n ? 0 : MIN(f.size_strings, n - f.off_strings);
	return f;
}

/*
 * Every prefix of a real tree: as it is (the header's totalsize is then too
 * big), with the header patched to claim the prefix is everything, and as a
 * hand-made struct fdt whose blocks are clipped to the prefix.
 */
static void truncate_real_tree(struct real_dtb *r)
{
	int accepted = 0;

	for (uint32_t n = 0; n < r->size; n++) {
		uint8_t *copy = exact_copy(r->blob, n);
		struct fdt f;

		if (!EXPECT_EQ(fdt_init(&f, copy, n), -EINVAL)) {
			free(copy);
			return;
		}
		if (n >= HEADER_SIZE) {
			put_be32(copy + H_TOTALSIZE, n);
			put_be32(copy + H_SIZE_STRINGS, clamp_layout(&r->fdt, copy, n).size_strings);
			put_be32(copy + H_SIZE_STRUCT, clamp_layout(&r->fdt, copy, n).size_struct);
			if (fdt_init(&f, copy, n) == 0) {
				accepted++;
				poke_everything(&f);
			}
		}
		f = clamp_layout(&r->fdt, copy, n);
		poke_everything(&f);
		free(copy);
	}
	/* A cut struct block has no FDT_END, a cut strings block loses names. */
	EXPECT_EQ(accepted, 0);
}

TEST(truncated_real_trees)
{
	for (int i = 0; i < NR_REAL; i++) {
		struct real_dtb *r;

		LOAD_REAL(r, i);
		truncate_real_tree(r);
	}
}

/* Overwrites 1-8 random bytes, biased toward values that mean something. */
static void mutate(uint8_t *b, uint32_t n)
{
	static const uint8_t special[] = { 0, 1, 2, 3, 4, 9, 0x7f, 0x80, 0xff };
	int count = 1 + rnd() % 8;

	for (int i = 0; i < count; i++) {
		uint32_t at = rnd() % n;

		if (rnd() % 8 == 0)
			at = rnd() % HEADER_SIZE;	/* hit the header more often */
		b[at] = rnd() % 2 ? special[rnd() % sizeof(special)] : (uint8_t)rnd();
	}
}

/*
 * At least 10,000 mutations over the real trees: 3,400 per tree, each a
 * fresh copy of the whole blob with 1-8 bytes changed.
 */
#define MUTATIONS_PER_TREE	3400

TEST(mutated_real_trees)
{
	for (int t = 0; t < NR_REAL; t++) {
		struct real_dtb *r;
		int accepted = 0, walked = 0;

		LOAD_REAL(r, t);
		for (int i = 0; i < MUTATIONS_PER_TREE; i++) {
			uint8_t *copy = exact_copy(r->blob, r->size);
			struct fdt f;

			mutate(copy, r->size);
			if (fdt_init(&f, copy, r->size) == 0) {
				accepted++;
				walked += poke_everything(&f) > 0;
			}
			f = raw_fdt(&r->fdt, copy);
			poke_everything(&f);
			free(copy);
		}
		/* Mutations of values and padding are legal; many trees survive. */
		EXPECT(accepted > MUTATIONS_PER_TREE / 30);
		EXPECT_EQ(walked, accepted);
		printf("# tree %d: %d of %d mutated trees accepted\n", t, accepted,
		       MUTATIONS_PER_TREE);
	}
}

/* Small built trees are dense with structure: mutate them too. */
TEST(mutated_built_trees)
{
	uint8_t buf[2048];
	uint32_t n = good_blob(buf, sizeof(buf));
	struct fdt good;

	ASSERT_EQ(fdt_init(&good, buf, n), 0);
	for (int i = 0; i < 5000; i++) {
		uint8_t *copy = exact_copy(buf, n);
		struct fdt f;

		mutate(copy, n);
		if (fdt_init(&f, copy, n) == 0)
			poke_everything(&f);
		f = raw_fdt(&good, copy);
		poke_everything(&f);
		free(copy);
	}
}

TEST_MAIN()
