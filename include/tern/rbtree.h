/* SPDX-License-Identifier: MIT */
/*
 * Red-black trees (lib/rbtree.c): intrusive, the caller does the search
 * and links the new node, then rb_insert_color rebalances.  The "cached"
 * variants also keep the leftmost node, for O(1) minimum (the fair
 * scheduler's next task).
 *
 *	struct rb_node **link = &root->rb_root.rb_node, *parent = NULL;
 *	bool leftmost = true;
 *	while (*link) {
 *		parent = *link;
 *		if (key < node_key(parent))
 *			link = &parent->rb_left;
 *		else {
 *			link = &parent->rb_right;
 *			leftmost = false;
 *		}
 *	}
 *	rb_link_node(&new->node, parent, link);
 *	rb_insert_color_cached(&new->node, root, leftmost);
 */
#ifndef TERN_RBTREE_H
#define TERN_RBTREE_H

#include <tern/types.h>

struct rb_node {
	struct rb_node *rb_parent;
	struct rb_node *rb_left, *rb_right;
	bool rb_red;
};

struct rb_root {
	struct rb_node *rb_node;
};

struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_ROOT		(struct rb_root){ NULL }
#define RB_ROOT_CACHED	(struct rb_root_cached){ { NULL }, NULL }

static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->rb_parent = parent;
	node->rb_left = node->rb_right = NULL;
	node->rb_red = true;
	*link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);

struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root, bool leftmost);
void rb_erase_cached(struct rb_node *node, struct rb_root_cached *root);

static inline struct rb_node *rb_first_cached(const struct rb_root_cached *root)
{
	return root->rb_leftmost;
}

/* Makes new take old's place under parent (or at the root); for lib/rbtree.c too. */
static inline void rb_replace_child(struct rb_node *parent, struct rb_node *old,
				    struct rb_node *new, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * new, not in a tree, takes old's place in one as it is (parent,
 * children, colour), and old leaves it: O(1), no comparison.  The caller
 * makes sure new's key sorts where old's did.  Inline: the fair
 * scheduler does it on a switch.
 */
static inline void rb_replace_node(struct rb_node *old, struct rb_node *new,
				   struct rb_root *root)
{
	*new = *old;
	rb_replace_child(old->rb_parent, old, new, root);
	if (old->rb_left)
		old->rb_left->rb_parent = new;
	if (old->rb_right)
		old->rb_right->rb_parent = new;
}

static inline void rb_replace_node_cached(struct rb_node *old, struct rb_node *new,
					  struct rb_root_cached *root)
{
	if (root->rb_leftmost == old)
		root->rb_leftmost = new;
	rb_replace_node(old, new, &root->rb_root);
}

/* rb_next of the leftmost node, which has no left child; inline, short. */
static inline struct rb_node *rb_next_of_leftmost(const struct rb_node *leftmost)
{
	struct rb_node *n = leftmost->rb_right;

	if (!n)
		return leftmost->rb_parent;	/* a left child, or the root */
	while (n->rb_left)
		n = n->rb_left;
	return n;
}

#define rb_entry(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif
