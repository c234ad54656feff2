// SPDX-License-Identifier: MIT
/*
 * Red-black trees (include/tern/rbtree.h).  The caller searches and links
 * a new node red (rb_link_node); rb_insert_color and rb_erase restore the
 * invariants:
 *   1. the root is black;
 *   2. a red node has no red child;
 *   3. every path from a node down to a NULL leaf has the same number of
 *      black nodes.
 * Together they bound the height by 2 * log2(n + 1).  NULL leaves count
 * as black.  Neither operation allocates or compares keys.
 */
#include <tern/rbtree.h>

static inline bool is_red(const struct rb_node *n)
{
	return n && n->rb_red;
}

/*
 *     x              y
 *    / \            / \
 *   a   y    =>    x   c
 *      / \        / \
 *     b   c      a   b
 */
static void rotate_left(struct rb_node *x, struct rb_root *root)
{
	struct rb_node *y = x->rb_right;

	x->rb_right = y->rb_left;
	if (y->rb_left)
		y->rb_left->rb_parent = x;
	y->rb_parent = x->rb_parent;
	rb_replace_child(x->rb_parent, x, y, root);
	y->rb_left = x;
	x->rb_parent = y;
}

/* The mirror image of rotate_left. */
static void rotate_right(struct rb_node *x, struct rb_root *root)
{
	struct rb_node *y = x->rb_left;

	x->rb_left = y->rb_right;
	if (y->rb_right)
		y->rb_right->rb_parent = x;
	y->rb_parent = x->rb_parent;
	rb_replace_child(x->rb_parent, x, y, root);
	y->rb_right = x;
	x->rb_parent = y;
}

/*
 * node was just linked, red.  Only invariant 2 can be broken, between node
 * and its parent; each step either fixes it with at most two rotations or
 * moves the problem two levels up by recolouring.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = node->rb_parent) && parent->rb_red) {
		gparent = parent->rb_parent;	/* a red parent is not the root */
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (is_red(uncle)) {
				parent->rb_red = uncle->rb_red = false;
				gparent->rb_red = true;
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {
				rotate_left(parent, root);
				parent = node;
			}
			parent->rb_red = false;
			gparent->rb_red = true;
			rotate_right(gparent, root);
		} else {
			uncle = gparent->rb_left;
			if (is_red(uncle)) {
				parent->rb_red = uncle->rb_red = false;
				gparent->rb_red = true;
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {
				rotate_right(parent, root);
				parent = node;
			}
			parent->rb_red = false;
			gparent->rb_red = true;
			rotate_left(gparent, root);
		}
		break;
	}
	root->rb_node->rb_red = false;
}

/*
 * A black node was removed from above x (NULL for a leaf), whose parent is
 * parent: paths through x are one black short.  Each step either repays
 * the debt with rotations or moves it up to parent.
 */
static void erase_fixup(struct rb_node *x, struct rb_node *parent, struct rb_root *root)
{
	struct rb_node *sib;

	while (x != root->rb_node && !is_red(x)) {
		/* x is short a black, so its sibling subtree has one: not NULL. */
		if (x == parent->rb_left) {
			sib = parent->rb_right;
			if (sib->rb_red) {
				sib->rb_red = false;
				parent->rb_red = true;
				rotate_left(parent, root);
				sib = parent->rb_right;
			}
			if (!is_red(sib->rb_left) && !is_red(sib->rb_right)) {
				sib->rb_red = true;
				x = parent;
				parent = x->rb_parent;
				continue;
			}
			if (!is_red(sib->rb_right)) {
				sib->rb_left->rb_red = false;
				sib->rb_red = true;
				rotate_right(sib, root);
				sib = parent->rb_right;
			}
			sib->rb_red = parent->rb_red;
			parent->rb_red = false;
			sib->rb_right->rb_red = false;
			rotate_left(parent, root);
		} else {
			sib = parent->rb_left;
			if (sib->rb_red) {
				sib->rb_red = false;
				parent->rb_red = true;
				rotate_right(parent, root);
				sib = parent->rb_left;
			}
			if (!is_red(sib->rb_left) && !is_red(sib->rb_right)) {
				sib->rb_red = true;
				x = parent;
				parent = x->rb_parent;
				continue;
			}
			if (!is_red(sib->rb_left)) {
				sib->rb_right->rb_red = false;
				sib->rb_red = true;
				rotate_left(sib, root);
				sib = parent->rb_left;
			}
			sib->rb_red = parent->rb_red;
			parent->rb_red = false;
			sib->rb_left->rb_red = false;
			rotate_right(parent, root);
		}
		x = root->rb_node;
		break;
	}
	if (x)
		x->rb_red = false;
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *child, *parent;
	bool removed_black;

	if (!node->rb_left || !node->rb_right) {
		/* At most one child: it takes node's place. */
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = node->rb_parent;
		removed_black = !node->rb_red;
		if (child)
			child->rb_parent = parent;
		rb_replace_child(parent, node, child, root);
	} else {
		/*
		 * Two children: the successor (leftmost of the right subtree,
		 * which has no left child) takes node's place and colour; the
		 * tree loses a node of the successor's colour at its old place.
		 */
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;
		removed_black = !succ->rb_red;
		child = succ->rb_right;
		if (succ->rb_parent == node) {
			parent = succ;
		} else {
			parent = succ->rb_parent;
			parent->rb_left = child;
			if (child)
				child->rb_parent = parent;
			succ->rb_right = node->rb_right;
			succ->rb_right->rb_parent = succ;
		}
		succ->rb_left = node->rb_left;
		succ->rb_left->rb_parent = succ;
		succ->rb_parent = node->rb_parent;
		succ->rb_red = node->rb_red;
		rb_replace_child(node->rb_parent, node, succ, root);
	}
	if (removed_black)
		erase_fixup(child, parent, root);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (n)
		while (n->rb_left)
			n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (n)
		while (n->rb_right)
			n = n->rb_right;
	return n;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *n = node->rb_right;

	if (n) {
		while (n->rb_left)
			n = n->rb_left;
		return n;
	}
	/* Up until we come from a left child. */
	while (node->rb_parent && node == node->rb_parent->rb_right)
		node = node->rb_parent;
	return node->rb_parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *n = node->rb_left;

	if (n) {
		while (n->rb_right)
			n = n->rb_right;
		return n;
	}
	while (node->rb_parent && node == node->rb_parent->rb_left)
		node = node->rb_parent;
	return node->rb_parent;
}

void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root, bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

void rb_erase_cached(struct rb_node *node, struct rb_root_cached *root)
{
	if (root->rb_leftmost == node)
		root->rb_leftmost = rb_next(node);
	rb_erase(node, &root->rb_root);
}
