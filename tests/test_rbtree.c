// SPDX-License-Identifier: MIT
/*
 * lib/rbtree.c against a model: a sorted array of the same items.  After
 * every insert, replace and erase the tree must hold the red-black
 * invariants (black root, no red node with a red child, the same black
 * height on every path, consistent parent pointers), list the model's
 * items in order forwards and backwards, cache the leftmost node, and stay
 * within the height bound 2 * log2(n + 1); rb_next_of_leftmost must agree
 * with rb_next.
 */
#include "harness.h"
#include <tern/rbtree.h>

#define MAX_ITEMS	600

struct item {
	struct rb_node node;
	int key;
	int seq;		/* insertion order: equal keys keep it */
	bool in_tree;
};

static struct item items[MAX_ITEMS];
static struct item *model[MAX_ITEMS];	/* sorted by (key, seq) */
static int model_len;
static int next_seq;
static struct rb_root_cached tree;

static unsigned long long rng_state;

static unsigned int rnd(unsigned int bound)
{
	return harness_rnd(&rng_state, bound);
}

static void reset(unsigned long long seed)
{
	memset(items, 0, sizeof(items));
	model_len = 0;
	next_seq = 0;
	tree = RB_ROOT_CACHED;
	rng_state = seed;
}

static struct item *item_of(struct rb_node *n)
{
	return rb_entry(n, struct item, node);
}

/* Ties go right, as the fair scheduler's queue does. */
static void insert(struct item *it, int key)
{
	struct rb_node **link = &tree.rb_root.rb_node, *parent = NULL;
	bool leftmost = true;
	int i;

	it->key = key;
	it->seq = next_seq++;
	it->in_tree = true;
	while (*link) {
		parent = *link;
		if (key < item_of(parent)->key) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color_cached(&it->node, &tree, leftmost);

	for (i = model_len; i > 0 && model[i - 1]->key > key; i--)
		model[i] = model[i - 1];
	model[i] = it;
	model_len++;
}

static void erase_at(int idx)
{
	struct item *it = model[idx];

	rb_erase_cached(&it->node, &tree);
	it->in_tree = false;
	memmove(&model[idx], &model[idx + 1], (model_len - idx - 1) * sizeof(model[0]));
	model_len--;
}

/* A free item with the same key takes model[idx]'s place. */
static void replace_at(int idx, struct item *it)
{
	struct item *old = model[idx];

	it->key = old->key;
	it->seq = old->seq;
	it->in_tree = true;
	rb_replace_node_cached(&old->node, &it->node, &tree);
	old->in_tree = false;
	model[idx] = it;
}

/* Returns the black height below n (NULL leaves count 1), or -1 on error. */
static int check_subtree(struct rb_node *n, struct rb_node *parent, int depth, int *max_depth,
			 int *count)
{
	int lh, rh;

	if (!n)
		return 1;
	if (depth > *max_depth)
		*max_depth = depth;
	(*count)++;
	if (n->rb_parent != parent) {
		FAIL("node key %d: wrong parent pointer", item_of(n)->key);
		return -1;
	}
	if (n->rb_red && ((n->rb_left && n->rb_left->rb_red) ||
			  (n->rb_right && n->rb_right->rb_red))) {
		FAIL("red node key %d has a red child", item_of(n)->key);
		return -1;
	}
	lh = check_subtree(n->rb_left, n, depth + 1, max_depth, count);
	rh = check_subtree(n->rb_right, n, depth + 1, max_depth, count);
	if (lh < 0 || rh < 0)
		return -1;
	if (lh != rh) {
		FAIL("node key %d: black heights %d left, %d right", item_of(n)->key, lh, rh);
		return -1;
	}
	return lh + !n->rb_red;
}

static int log2_ceil(int n)
{
	int r = 0;

	while ((1 << r) < n)
		r++;
	return r;
}

/* Every invariant, and the same contents as the model; false on failure. */
static bool check_tree(void)
{
	struct rb_node *root = tree.rb_root.rb_node, *n;
	int max_depth = 0, count = 0, i;

	if (root && (root->rb_red || root->rb_parent)) {
		FAIL("root is red or has a parent");
		return false;
	}
	if (check_subtree(root, NULL, 1, &max_depth, &count) < 0)
		return false;
	if (count != model_len) {
		FAIL("tree has %d nodes, model %d", count, model_len);
		return false;
	}
	if (max_depth > 2 * log2_ceil(count + 1)) {
		FAIL("height %d for %d nodes", max_depth, count);
		return false;
	}
	if (tree.rb_leftmost != rb_first(&tree.rb_root)) {
		FAIL("leftmost cache is stale");
		return false;
	}
	if (tree.rb_leftmost && rb_next_of_leftmost(tree.rb_leftmost) != rb_next(tree.rb_leftmost)) {
		FAIL("rb_next_of_leftmost differs from rb_next");
		return false;
	}
	for (i = 0, n = rb_first(&tree.rb_root); n; n = rb_next(n), i++) {
		if (i >= model_len || item_of(n) != model[i]) {
			FAIL("in-order position %d differs from the model", i);
			return false;
		}
	}
	for (i = model_len - 1, n = rb_last(&tree.rb_root); n; n = rb_prev(n), i--) {
		if (i < 0 || item_of(n) != model[i]) {
			FAIL("reverse position %d differs from the model", i);
			return false;
		}
	}
	return i == -1;
}

static struct item *free_item(void)
{
	int i;

	for (i = 0; i < MAX_ITEMS; i++)
		if (!items[i].in_tree)
			return &items[i];
	return NULL;
}

TEST(empty_tree)
{
	reset(1);
	EXPECT(rb_first(&tree.rb_root) == NULL);
	EXPECT(rb_last(&tree.rb_root) == NULL);
	EXPECT(rb_first_cached(&tree) == NULL);
	EXPECT(check_tree());
}

TEST(single_node)
{
	reset(1);
	insert(&items[0], 5);
	ASSERT(check_tree());
	EXPECT(rb_first_cached(&tree) == &items[0].node);
	EXPECT(rb_next(&items[0].node) == NULL);
	EXPECT(rb_prev(&items[0].node) == NULL);
	erase_at(0);
	EXPECT(check_tree());
	EXPECT(tree.rb_root.rb_node == NULL);
	EXPECT(rb_first_cached(&tree) == NULL);
}

TEST(ascending_and_descending_inserts)
{
	int i;

	reset(1);
	for (i = 0; i < 256; i++) {
		insert(&items[i], i);
		ASSERT(check_tree());
	}
	for (i = 0; i < 256; i++) {
		insert(&items[256 + i], -i);
		ASSERT(check_tree());
	}
	EXPECT_EQ(item_of(rb_first_cached(&tree))->key, -255);
	/* Erase from the front: the leftmost cache moves along. */
	while (model_len) {
		erase_at(0);
		ASSERT(check_tree());
	}
}

TEST(erase_the_root_repeatedly)
{
	int i;

	reset(2);
	for (i = 0; i < 300; i++)
		insert(&items[i], (int)rnd(1000));
	ASSERT(check_tree());
	while (model_len) {
		struct item *root = item_of(tree.rb_root.rb_node);

		for (i = 0; model[i] != root; i++)
			;
		erase_at(i);
		ASSERT(check_tree());
	}
}

TEST(equal_keys_keep_insertion_order)
{
	int i;

	reset(3);
	for (i = 0; i < 100; i++)
		insert(&items[i], (int)rnd(3));
	ASSERT(check_tree());	/* the model orders ties by seq */
	for (i = 1; i < model_len; i++)
		if (model[i - 1]->key == model[i]->key)
			EXPECT(model[i - 1]->seq < model[i]->seq);
}

/* The fair scheduler's switch: the leftmost node gives its place to another. */
TEST(replace_keeps_the_tree)
{
	int i;

	reset(5);
	for (i = 0; i < 50; i++)
		insert(&items[i], i * 10);
	replace_at(0, &items[60]);	/* the leftmost */
	ASSERT(check_tree());
	EXPECT(tree.rb_leftmost == &items[60].node);
	for (i = 0; i < model_len; i++)
		if (!model[i]->node.rb_parent)
			break;
	replace_at(i, &items[61]);	/* the root */
	ASSERT(check_tree());
	EXPECT(tree.rb_root.rb_node == &items[61].node);
	replace_at(model_len - 1, &items[62]);	/* the rightmost */
	ASSERT(check_tree());
	while (model_len > 1)
		erase_at(0);
	replace_at(0, &items[63]);	/* the only node */
	ASSERT(check_tree());
	EXPECT(tree.rb_root.rb_node == &items[63].node && tree.rb_leftmost == &items[63].node);
}

/* Random mixes of insert, replace and erase, growing and shrinking the tree. */
static void random_ops(unsigned long long seed, int ops, int key_range)
{
	int i;

	reset(seed);
	for (i = 0; i < ops; i++) {
		/* Phases: mostly inserts, then mostly erases, and again. */
		bool grow = (i / 1000) % 2 == 0;
		struct item *it = free_item();

		if (it && (model_len == 0 || rnd(10) < (grow ? 7u : 3u)))
			insert(it, (int)rnd(key_range));
		else if (it && rnd(4) == 0)
			replace_at((int)rnd(model_len), it);
		else
			erase_at((int)rnd(model_len));
		if (!check_tree()) {
			FAIL("seed %llu: after operation %d", seed, i);
			return;
		}
	}
}

TEST(random_inserts_and_erases)
{
	unsigned long long seed;

	for (seed = 1; seed <= 8; seed++)
		random_ops(seed, 6000, 1000000);
}

TEST(random_with_many_duplicates)
{
	unsigned long long seed;

	for (seed = 100; seed <= 104; seed++)
		random_ops(seed, 6000, 8);
}

TEST_MAIN()
