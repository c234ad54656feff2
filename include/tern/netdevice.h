/* SPDX-License-Identifier: MIT */
/*
 * Network interfaces (drivers/net/netdevice.c): eth0, eth1, ... in the
 * order their drivers register them; raw Ethernet frames out through
 * dev_queue_xmit and in through the interface's receive handler.  The
 * network stack will sit on this; today the ktests are its only user.
 *
 * Contract:
 *  - dev_queue_xmit is called in process context (it may sleep for room
 *    in the driver's queue); the frame is copied before it returns;
 *  - the receive handler runs in the driver's interrupt handler
 *    (interrupts off, or polled): it must copy what it keeps and not
 *    sleep; frames arriving without a handler are counted as dropped;
 *  - interfaces are registered from probes on the boot CPU before the
 *    other CPUs start, and never removed.
 */
#ifndef TERN_NETDEVICE_H
#define TERN_NETDEVICE_H

#include <tern/list.h>
#include <tern/types.h>

#define ETH_ALEN	6
#define ETH_HLEN	14	/* destination, source, type */
#define ETH_DATA_LEN	1500
#define ETH_FRAME_LEN	(ETH_HLEN + ETH_DATA_LEN)	/* without the FCS */
#define NETDEV_NAME_MAX	16

struct net_device;

typedef void (*rx_handler_t)(struct net_device *dev, const void *frame, size_t len, void *arg);

struct net_device_ops {
	/* Queues a frame of len bytes (ETH_HLEN..ETH_FRAME_LEN): 0 or -errno. */
	int (*xmit)(struct net_device *dev, const void *frame, size_t len);
};

struct net_device {
	char name[NETDEV_NAME_MAX];		/* set by register_netdev */
	u8 mac[ETH_ALEN];
	const struct net_device_ops *ops;
	void *priv;				/* the driver's */
	rx_handler_t rx_handler;		/* set before frames are expected */
	void *rx_arg;
	unsigned long rx_packets, rx_dropped;	/* updated by the receiving CPU only */
	unsigned long tx_packets;		/* atomic */
	struct list_head link;
};

/* Names the interface eth<N> and registers it: 0. */
int register_netdev(struct net_device *dev);

struct net_device *netdev_get_by_name(const char *name);

/* Sends a frame: 0, -EINVAL (length out of range), or the driver's error. */
int dev_queue_xmit(struct net_device *dev, const void *frame, size_t len);

/* Frames received from now on go to fn (NULL: dropped). */
void netdev_set_rx_handler(struct net_device *dev, rx_handler_t fn, void *arg);

/* For drivers: a frame arrived. */
void netdev_rx(struct net_device *dev, const void *frame, size_t len);

#endif
