// SPDX-License-Identifier: MIT
/*
 * Device tree semantics for the driver model (<tern/of.h>): compatible
 * matching, phandles, reg translation through ranges, interrupt
 * resolution.  Everything reads the blob through lib/fdt.c, which checks
 * every offset; this file checks every length and cell count it relies
 * on, so that a malformed property is an error here too.
 */
#include <tern/errno.h>
#include <tern/of.h>
#include <tern/string.h>

#define MAX_ADDR_CELLS	2	/* a u64 */

const char *of_compatible_string(const struct fdt *fdt, int node, int index, int *len)
{
	const char *p;
	int left;

	p = fdt_getprop(fdt, node, "compatible", &left);
	while (p && left > 0 && index >= 0) {
		int n = (int)strnlen(p, (size_t)left);

		if (n == left)
			return NULL;	/* unterminated */
		if (index-- == 0) {
			*len = n;
			return p;
		}
		p += n + 1;
		left -= n + 1;
	}
	return NULL;
}

const struct of_device_id *of_match_node(const struct of_device_id *matches,
					 const struct fdt *fdt, int node, int *rank)
{
	const struct of_device_id *m;
	const char *compat;
	int i, len;

	for (i = 0; (compat = of_compatible_string(fdt, node, i, &len)); i++)
		for (m = matches; m->compatible; m++)
			if (strlen(m->compatible) == (size_t)len &&
			    memcmp(m->compatible, compat, (size_t)len) == 0) {
				if (rank)
					*rank = i;
				return m;
			}
	return NULL;
}

static bool node_has_phandle(const struct fdt *fdt, int node, u32 ph)
{
	u32 v;

	return (!fdt_getprop_u32(fdt, node, "phandle", &v) && v == ph) ||
	       (!fdt_getprop_u32(fdt, node, "linux,phandle", &v) && v == ph);
}

int of_node_by_phandle(const struct fdt *fdt, u32 ph)
{
	int node;

	if (ph == 0 || ph == 0xffffffffu)
		return -ENOENT;		/* never a valid phandle */
	for (node = fdt_next_node(fdt, -1, NULL); node >= 0; node = fdt_next_node(fdt, node, NULL))
		if (node_has_phandle(fdt, node, ph))
			return node;
	return node == -EINVAL ? -EINVAL : -ENOENT;
}

int of_parse_phandle(const struct fdt *fdt, int node, const char *prop)
{
	u32 ph;
	int err = fdt_getprop_u32(fdt, node, prop, &ph);

	return err ? err : of_node_by_phandle(fdt, ph);
}

const char *of_node_basename(const struct fdt *fdt, int node, int *len)
{
	const char *name = fdt_get_name(fdt, node, len);
	const char *at;

	if (!name)
		return NULL;
	at = memchr(name, '@', (size_t)*len);
	if (at)
		*len = (int)(at - name);
	return name;
}

/* ---- reg and ranges ---- */

static u64 read_cells(const u8 *p, int n)
{
	u64 v = 0;

	while (n--) {
		v = v << 32 | fdt_read_u32(p);
		p += 4;
	}
	return v;
}

/* of_reg_count, for a node whose parent the caller has found. */
static int reg_count_below(const struct fdt *fdt, int parent, int node)
{
	int ac, sc, len;

	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	if (ac < 1 || ac > MAX_ADDR_CELLS || sc < 0 || sc > MAX_ADDR_CELLS)
		return -EINVAL;
	if (!fdt_getprop(fdt, node, "reg", &len))
		return len == -ENOENT ? 0 : len;
	if (len % (4 * (ac + sc)))
		return -EINVAL;
	return len / (4 * (ac + sc));
}

int of_reg_count(const struct fdt *fdt, int node)
{
	int parent = fdt_parent_offset(fdt, node);

	return parent < 0 ? parent : reg_count_below(fdt, parent, node);
}

/*
 * Moves [*addr, *addr + size) from bus's child address space into its
 * parent's ('up'), through bus's "ranges".
 */
static int translate_one(const struct fdt *fdt, int bus, int up, u64 *addr, u64 size)
{
	int cac = fdt_address_cells(fdt, bus), csc = fdt_size_cells(fdt, bus);
	int pac = fdt_address_cells(fdt, up);
	int len, stride, i;
	const u8 *p = fdt_getprop(fdt, bus, "ranges", &len);

	if (!p)
		return len == -ENOENT ? -ENXIO : len;
	if (len == 0)
		return 0;		/* "ranges;": the same addresses */
	if (cac < 1 || cac > MAX_ADDR_CELLS || pac < 1 || pac > MAX_ADDR_CELLS ||
	    csc < 1 || csc > MAX_ADDR_CELLS)
		return -EINVAL;
	stride = 4 * (cac + pac + csc);
	if (len % stride)
		return -EINVAL;
	for (i = 0; i < len / stride; i++, p += stride) {
		u64 child = read_cells(p, cac), parent = read_cells(p + 4 * cac, pac);
		u64 length = read_cells(p + 4 * (cac + pac), csc), off;

		if (*addr < child || *addr - child >= length || size > length - (*addr - child))
			continue;	/* not wholly inside this range */
		off = *addr - child;
		if (parent + off < parent)
			return -EOVERFLOW;
		*addr = parent + off;
		return 0;
	}
	return -ENXIO;
}

int of_address_to_resource(const struct fdt *fdt, int node, int index, struct resource *res)
{
	int bus, up, err;
	u64 addr, size;

	if (index < 0)
		return -ENOENT;
	bus = fdt_parent_offset(fdt, node);
	if (bus < 0)
		return bus;
	err = reg_count_below(fdt, bus, node);
	if (err < 0)
		return err;
	if (index >= err)
		return -ENOENT;
	err = fdt_get_reg_below(fdt, bus, node, index, &addr, &size);
	if (err)
		return err;
	if (size && addr + (size - 1) < addr)
		return -EOVERFLOW;
	/* Each step climbs one level, so this ends at the root. */
	for (; bus > 0; bus = up) {
		up = fdt_parent_offset(fdt, bus);
		if (up < 0)
			return up;
		err = translate_one(fdt, bus, up, &addr, size);
		if (err)
			return err;
	}
	if (bus < 0)
		return bus;
	if (size && addr + (size - 1) < addr)
		return -EOVERFLOW;
	res->start = addr;
	res->size = size;
	return 0;
}

/* ---- interrupts ---- */

static bool is_interrupt_controller(const struct fdt *fdt, int node)
{
	int len;

	return fdt_getprop(fdt, node, "interrupt-controller", &len) != NULL;
}

/* The controller's #interrupt-cells, checked; 0 if it has none. */
static int interrupt_cells(const struct fdt *fdt, int node)
{
	u32 n;
	int err = fdt_getprop_u32(fdt, node, "#interrupt-cells", &n);

	if (err == -ENOENT)
		return 0;
	if (err || n < 1 || n > OF_MAX_IRQ_CELLS)
		return -EINVAL;
	return (int)n;
}

int of_irq_find_parent(const struct fdt *fdt, int node)
{
	int hop, cur = node;

	for (hop = 0; hop < OF_MAX_IRQ_HOPS; hop++) {
		int next, len;

		if (fdt_getprop(fdt, cur, "interrupt-parent", &len))
			next = of_parse_phandle(fdt, cur, "interrupt-parent");
		else
			next = fdt_parent_offset(fdt, cur);
		if (next < 0)
			return next;	/* -ENOENT past the root, or a bad phandle */
		if (fdt_getprop(fdt, next, "#interrupt-cells", &len))
			return next;
		cur = next;
	}
	return -EINVAL;
}

/* A specifier's controller must be an interrupt controller, not a nexus. */
static int check_controller(const struct fdt *fdt, int ctrl)
{
	int len;

	if (is_interrupt_controller(fdt, ctrl))
		return 0;
	return fdt_getprop(fdt, ctrl, "interrupt-map", &len) ? -EOPNOTSUPP : -EINVAL;
}

static void fill_spec(struct of_irq_spec *spec, int ctrl, int ncells, const u8 *cells)
{
	int i;

	spec->controller = ctrl;
	spec->nr_cells = (unsigned int)ncells;
	for (i = 0; i < ncells; i++)
		spec->cells[i] = fdt_read_u32(cells + 4 * i);
}

/*
 * Calls visit for each entry of "interrupts-extended" (len bytes at p),
 * until it returns non-zero.  Each entry is a phandle and as many cells
 * as that controller's #interrupt-cells, so the entries must be read in
 * order.
 */
static int walk_extended(const struct fdt *fdt, const u8 *p, int len,
			 int (*visit)(const struct of_irq_spec *spec, int index, void *arg),
			 void *arg)
{
	struct of_irq_spec spec;
	int off = 0, i, ret;

	for (i = 0; off < len; i++) {
		int ctrl, n;

		if (len - off < 4)
			return -EINVAL;
		ctrl = of_node_by_phandle(fdt, fdt_read_u32(p + off));
		if (ctrl < 0)
			return -EINVAL;
		n = interrupt_cells(fdt, ctrl);
		if (n <= 0)
			return -EINVAL;
		off += 4;
		if (len - off < 4 * n)
			return -EINVAL;
		fill_spec(&spec, ctrl, n, p + off);
		ret = visit(&spec, i, arg);
		if (ret)
			return ret;
		off += 4 * n;
	}
	return 0;
}

/* The same for "interrupts" (len bytes at p), whose cells go to the interrupt parent. */
static int walk_plain(const struct fdt *fdt, int node, const u8 *p, int len,
		      int (*visit)(const struct of_irq_spec *spec, int index, void *arg),
		      void *arg)
{
	int ctrl = of_irq_find_parent(fdt, node), n, i, ret;
	struct of_irq_spec spec;

	if (ctrl < 0)
		return -EINVAL;		/* interrupts, but nobody to send them to */
	n = interrupt_cells(fdt, ctrl);
	if (n <= 0 || len % (4 * n))
		return -EINVAL;
	for (i = 0; i < len / (4 * n); i++) {
		fill_spec(&spec, ctrl, n, p + 4 * i * n);
		ret = visit(&spec, i, arg);
		if (ret)
			return ret;
	}
	return 0;
}

static int walk_irqs(const struct fdt *fdt, int node,
		     int (*visit)(const struct of_irq_spec *spec, int index, void *arg),
		     void *arg)
{
	const u8 *p;
	int len;

	p = fdt_getprop(fdt, node, "interrupts-extended", &len);
	if (p)
		return walk_extended(fdt, p, len, visit, arg);
	if (len != -ENOENT)
		return len;
	p = fdt_getprop(fdt, node, "interrupts", &len);
	if (p)
		return walk_plain(fdt, node, p, len, visit, arg);
	return len == -ENOENT ? 0 : len;
}

static int count_one(const struct of_irq_spec *spec, int index, void *arg)
{
	*(int *)arg = index + 1;
	return 0;
}

int of_irq_count(const struct fdt *fdt, int node)
{
	int count = 0, err = walk_irqs(fdt, node, count_one, &count);

	return err ? err : count;
}

struct irq_pick {
	const struct fdt *fdt;
	int index;
	struct of_irq_spec *spec;
};

#define PICKED	1

/* Stops at the wanted entry, whose controller must be one. */
static int pick_one(const struct of_irq_spec *spec, int index, void *arg)
{
	struct irq_pick *pick = arg;
	int err;

	if (index != pick->index)
		return 0;
	err = check_controller(pick->fdt, spec->controller);
	if (err)
		return err;
	*pick->spec = *spec;
	return PICKED;
}

int of_irq_parse(const struct fdt *fdt, int node, int index, struct of_irq_spec *spec)
{
	struct irq_pick pick = { fdt, index, spec };
	int err;

	if (index < 0)
		return -ENOENT;
	err = walk_irqs(fdt, node, pick_one, &pick);
	return err == PICKED ? 0 : err ? err : -ENOENT;
}

struct irq_each {
	const struct fdt *fdt;
	int (*fn)(const struct of_irq_spec *spec, int index, void *arg);
	void *arg;
};

static int visit_checked(const struct of_irq_spec *spec, int index, void *arg)
{
	struct irq_each *each = arg;
	int err = check_controller(each->fdt, spec->controller);

	return err ? err : each->fn(spec, index, each->arg);
}

int of_irq_for_each(const struct fdt *fdt, int node,
		    int (*fn)(const struct of_irq_spec *spec, int index, void *arg), void *arg)
{
	struct irq_each each = { fdt, fn, arg };

	return walk_irqs(fdt, node, visit_checked, &each);
}
