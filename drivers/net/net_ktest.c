// SPDX-License-Identifier: MIT
/*
 * ktest "net": raw frames between two interfaces joined by a hub, as
 * scripts/test.sh attaches them (QEMU hub ports, no host network).  With
 * fewer than two interfaces the case is skipped; it says which it used
 * ("# net: eth0 -> eth1: 3 frames") so a script can check.
 */
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/netdevice.h>
#include <tern/printk.h>
#include <tern/string.h>
#include <tern/wait.h>

#define ETH_P_TEST	0x88b5		/* IEEE 802 local experimental */
#define NR_FRAMES	3

struct catch {
	struct wait_queue_head wait;
	unsigned int frames;		/* written by the handler, then woken */
	size_t len;
	u8 frame[ETH_FRAME_LEN];	/* the last frame caught */
};

static void catch_frame(struct net_device *dev, const void *frame, size_t len, void *arg)
{
	struct catch *c = arg;
	const u8 *f = frame;

	(void)dev;
	if (len < ETH_HLEN || f[12] != ETH_P_TEST >> 8 || f[13] != (ETH_P_TEST & 0xff))
		return;
	memcpy(c->frame, frame, len);
	c->len = len;
	__atomic_fetch_add(&c->frames, 1, __ATOMIC_RELEASE);
	wake_up(&c->wait);
}

static size_t make_frame(u8 *f, const struct net_device *to, const struct net_device *from,
			 unsigned int n)
{
	size_t len = 60 + 97 * n, i;

	memcpy(f, to->mac, ETH_ALEN);
	memcpy(f + ETH_ALEN, from->mac, ETH_ALEN);
	f[12] = ETH_P_TEST >> 8;
	f[13] = ETH_P_TEST & 0xff;
	for (i = ETH_HLEN; i < len; i++)
		f[i] = (u8)(i * 13 + n);
	return len;
}

static struct catch caught[2];
static u8 sent[ETH_FRAME_LEN];

/* from sends NR_FRAMES frames; each arrives whole on to, and never on from. */
static void send_between(struct ktest *t, struct net_device *from, struct net_device *to,
			 struct catch *at_to, struct catch *at_from)
{
	unsigned int n;

	for (n = 0; n < NR_FRAMES; n++) {
		size_t len = make_frame(sent, to, from, n);

		KTEST_ASSERT(t, dev_queue_xmit(from, sent, len) == 0);
		wait_event(&at_to->wait, __atomic_load_n(&at_to->frames, __ATOMIC_ACQUIRE) > n);
		KTEST_EXPECT_EQ(t, at_to->len, len);
		KTEST_EXPECT_EQ(t, memcmp(at_to->frame, sent, len), 0);
	}
	KTEST_EXPECT_EQ(t, at_to->frames, NR_FRAMES);
	KTEST_EXPECT_EQ(t, at_from->frames, 0);
	console_printf("    # net: %s -> %s: %u frames\n", from->name, to->name, at_to->frames);
}

static void frames_cross_the_hub(struct ktest *t)
{
	struct net_device *a = netdev_get_by_name("eth0"), *b = netdev_get_by_name("eth1");
	u8 short_frame[ETH_HLEN - 1] = { 0 };
	unsigned int i;

	if (!a || !b)
		KTEST_SKIP(t, "fewer than two network interfaces");
	KTEST_EXPECT_NE(t, memcmp(a->mac, b->mac, ETH_ALEN), 0);
	KTEST_EXPECT_EQ(t, a->mac[0] & 1, 0);		/* unicast addresses */
	KTEST_EXPECT_EQ(t, dev_queue_xmit(a, short_frame, sizeof(short_frame)), -EINVAL);
	KTEST_EXPECT_EQ(t, dev_queue_xmit(a, sent, ETH_FRAME_LEN + 1), -EINVAL);
	for (i = 0; i < 2; i++) {
		memset(&caught[i], 0, sizeof(caught[i]));
		init_waitqueue_head(&caught[i].wait);
	}
	netdev_set_rx_handler(a, catch_frame, &caught[0]);
	netdev_set_rx_handler(b, catch_frame, &caught[1]);
	send_between(t, a, b, &caught[1], &caught[0]);
	caught[1].frames = 0;
	send_between(t, b, a, &caught[0], &caught[1]);
	netdev_set_rx_handler(a, NULL, NULL);
	netdev_set_rx_handler(b, NULL, NULL);
}

KTEST_SUITE(net, KTEST_CASE(frames_cross_the_hub));
