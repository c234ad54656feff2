// SPDX-License-Identifier: MIT
/* Network interfaces and raw frames (<tern/netdevice.h>). */
#include <tern/errno.h>
#include <tern/netdevice.h>
#include <tern/printf.h>
#include <tern/string.h>

static LIST_HEAD(netdevs);		/* changed by probes before the other CPUs start */
static unsigned int nr_netdevs;

int register_netdev(struct net_device *dev)
{
	snprintf(dev->name, sizeof(dev->name), "eth%u", nr_netdevs++);
	list_add_tail(&dev->link, &netdevs);
	return 0;
}

struct net_device *netdev_get_by_name(const char *name)
{
	struct net_device *dev;

	list_for_each_entry(dev, &netdevs, link)
		if (!strcmp(dev->name, name))
			return dev;
	return NULL;
}

int dev_queue_xmit(struct net_device *dev, const void *frame, size_t len)
{
	int err;

	if (len < ETH_HLEN || len > ETH_FRAME_LEN || !frame)
		return -EINVAL;
	err = dev->ops->xmit(dev, frame, len);
	if (!err)
		__atomic_fetch_add(&dev->tx_packets, 1, __ATOMIC_RELAXED);
	return err;
}

void netdev_set_rx_handler(struct net_device *dev, rx_handler_t fn, void *arg)
{
	/* The argument first: a handler never sees the previous one's. */
	WRITE_ONCE(dev->rx_arg, arg);
	__atomic_store_n(&dev->rx_handler, fn, __ATOMIC_RELEASE);
}

void netdev_rx(struct net_device *dev, const void *frame, size_t len)
{
	rx_handler_t fn = __atomic_load_n(&dev->rx_handler, __ATOMIC_ACQUIRE);

	if (!fn) {
		dev->rx_dropped++;
		return;
	}
	dev->rx_packets++;
	fn(dev, frame, len, READ_ONCE(dev->rx_arg));
}
