/* SPDX-License-Identifier: MIT */
/*
 * What device tree properties mean, for the driver model: matching a node's
 * "compatible" list against a driver's table, a node's "reg" translated to
 * CPU physical addresses through the "ranges" of every bus above it, and
 * its interrupts ("interrupts" with "interrupt-parent", or
 * "interrupts-extended") resolved to the controller node and the cells it
 * is given (Devicetree Specification v0.4, chapter 2).
 *
 * Contract: pure functions over a struct fdt (lib/fdt.c) and node offsets.
 * They allocate nothing, keep no state and take no lock, so they may run
 * at any moment (the early initcall level included), on any tree, and in
 * the host tests.  Like lib/fdt.c they are safe on hostile trees: a
 * malformed property is an error, never a wild read, and every walk is
 * bounded (interrupt-parent chains by OF_MAX_IRQ_HOPS).  Functions
 * returning an int return 0 (or a count or node offset) or a negative
 * errno.
 */
#ifndef TERN_OF_H
#define TERN_OF_H

#include <tern/fdt.h>
#include <tern/types.h>

/*
 * One entry of a driver's match table; the table ends with an entry whose
 * compatible is NULL.  data is the driver's own (a variant's parameters).
 */
struct of_device_id {
	const char *compatible;
	const void *data;
};

/*
 * The entry of matches that names the earliest string of the node's
 * "compatible" list (strings come most specific first), or NULL.  *rank
 * (if not NULL) is that string's position: 0 for the first.  An
 * unterminated last string never matches.
 */
const struct of_device_id *of_match_node(const struct of_device_id *matches,
					 const struct fdt *fdt, int node, int *rank);

/*
 * The index'th string of the node's "compatible" list, its length in
 * *len; NULL past the last one (or an unterminated one).
 */
const char *of_compatible_string(const struct fdt *fdt, int node, int index, int *len);

/* The node whose "phandle" (or legacy "linux,phandle") is ph; -ENOENT if none. */
int of_node_by_phandle(const struct fdt *fdt, u32 ph);

/* The node named by the one-cell phandle property prop of node. */
int of_parse_phandle(const struct fdt *fdt, int node, const char *prop);

/*
 * A node's name without its unit address ("serial" for "serial@10000000"),
 * its length in *len.  NULL on error.
 */
const char *of_node_basename(const struct fdt *fdt, int node, int *len);

/* A register range in CPU physical addresses. */
struct resource {
	phys_addr_t start;
	phys_addr_t size;
};

/* How many (address, size) entries the node's "reg" has; 0 without reg. */
int of_reg_count(const struct fdt *fdt, int node);

/*
 * Entry index of the node's "reg", translated bus by bus up to the root:
 * at each bus, an empty "ranges" maps its children's addresses 1:1, and
 * otherwise the (child address, parent address, length) entry that holds
 * the whole region moves it into the parent's address space.  Addresses
 * and sizes of up to 2 cells are understood.  Errors: -ENOENT (no such
 * entry), -EINVAL (a malformed reg or ranges, cell counts other than 1-2
 * for addresses or 0-2 for sizes), -ENXIO (not a CPU address: a bus on the
 * way has no "ranges", as an i2c bus does, or none of its ranges holds the
 * region), -EOVERFLOW (the region wraps past the end of the address space).
 */
int of_address_to_resource(const struct fdt *fdt, int node, int index, struct resource *res);

#define OF_MAX_IRQ_CELLS	4	/* most cells an interrupt specifier may have */
#define OF_MAX_IRQ_HOPS		64	/* most interrupt-parent links followed */

/* An interrupt as the device tree gives it: a controller and its cells. */
struct of_irq_spec {
	int controller;			/* node offset of the interrupt controller */
	unsigned int nr_cells;		/* the controller's #interrupt-cells */
	u32 cells[OF_MAX_IRQ_CELLS];
};

/*
 * The node's interrupt parent: the node named by its "interrupt-parent",
 * else its parent in the tree, repeated until a node with
 * "#interrupt-cells".  -ENOENT if there is none.
 */
int of_irq_find_parent(const struct fdt *fdt, int node);

/* How many interrupts the node has (interrupts-extended, else interrupts); 0 if none. */
int of_irq_count(const struct fdt *fdt, int node);

/*
 * Interrupt index of the node: entry index of "interrupts-extended" when
 * the node has it, else of "interrupts", whose cells go to the interrupt
 * parent.  The controller must be an "interrupt-controller": an interrupt
 * nexus ("interrupt-map", as PCI hosts have) is not followed
 * (-EOPNOTSUPP).  Errors: -ENOENT (no such interrupt, or no interrupt
 * parent), -EINVAL (malformed properties, a phandle that names no node,
 * #interrupt-cells 0 or above OF_MAX_IRQ_CELLS, a loop of
 * interrupt-parent links).
 */
int of_irq_parse(const struct fdt *fdt, int node, int index, struct of_irq_spec *spec);

/*
 * Calls fn for each interrupt of the node, in order, in one pass: use it
 * to visit them all, as of_irq_parse(index) reads the entries before
 * index each time.  Stops at the first non-zero return of fn and returns
 * it; 0 after the last; or the errors of of_irq_parse.  The spec is valid
 * during the call only.
 */
int of_irq_for_each(const struct fdt *fdt, int node,
		    int (*fn)(const struct of_irq_spec *spec, int index, void *arg), void *arg);

#endif
