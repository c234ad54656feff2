// SPDX-License-Identifier: MIT
/*
 * Virtio network cards (virtio 1.2, 5.1): raw Ethernet frames, no
 * offloads.  Queue 0 receives, queue 1 transmits; every frame travels
 * behind a virtio_net_hdr (10 bytes for legacy devices, 12 for modern
 * ones, whose num_buffers field is always there), in a descriptor of its
 * own.  Receive buffers are posted at probe and posted again once their
 * frame was handed to netdev_rx.  A frame to send is copied into a free
 * transmit slot; a sender waits for one.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/netdevice.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/virtio.h>
#include <tern/wait.h>

#define VIRTIO_NET_F_MAC	5
#define VIRTIO_NET_CFG_MAC	0	/* u8[6] */
#define VIRTIO_NET_HDR_MAX	12
#define VIRTIO_NET_RX_BUFS	16
#define VIRTIO_NET_TX_SLOTS	16	/* bits of free_tx */

struct virtio_net_buf {
	u8 hdr[VIRTIO_NET_HDR_MAX];	/* the device's (rx) or zero (tx) */
	u8 frame[ETH_FRAME_LEN];
};

struct virtio_net {
	struct virtio_device *vdev;
	struct virtqueue *rx, *tx;
	struct net_device ndev;
	unsigned int hdr_len;
	struct virtio_net_buf *rx_bufs;	/* kmalloc: the device writes them */
	struct virtio_net_buf *tx_bufs;	/* kmalloc: the device reads them */
	spinlock_t tx_lock;		/* guards free_tx */
	unsigned long free_tx;		/* bit i: tx_bufs[i] is free */
	struct wait_queue_head tx_room;
};

static int post_rx(struct virtio_net *vn, struct virtio_net_buf *b)
{
	struct vq_buf bufs[2] = {
		{ b->hdr, vn->hdr_len }, { b->frame, ETH_FRAME_LEN },
	};

	return virtqueue_add(vn->rx, bufs, 0, 2, b);
}

static void virtio_net_rx_done(struct virtqueue *vq)
{
	struct virtio_net *vn = vq->vdev->priv;
	struct virtio_net_buf *b;
	bool reposted = false;
	u32 len;

	while ((b = virtqueue_get_buf(vq, &len))) {
		if (len > vn->hdr_len && len - vn->hdr_len <= ETH_FRAME_LEN)
			netdev_rx(&vn->ndev, b->frame, len - vn->hdr_len);
		else
			vn->ndev.rx_dropped++;
		reposted |= !post_rx(vn, b);
	}
	if (reposted)
		virtqueue_kick(vq);
}

static void virtio_net_tx_done(struct virtqueue *vq)
{
	struct virtio_net *vn = vq->vdev->priv;
	struct virtio_net_buf *b;

	while ((b = virtqueue_get_buf(vq, NULL))) {
		unsigned long flags = spin_lock_irqsave(&vn->tx_lock);

		vn->free_tx |= 1UL << (b - vn->tx_bufs);
		spin_unlock_irqrestore(&vn->tx_lock, flags);
		wake_up(&vn->tx_room);
	}
}

static int take_tx(struct virtio_net *vn)
{
	unsigned long flags = spin_lock_irqsave(&vn->tx_lock);
	int i = vn->free_tx ? __builtin_ctzl(vn->free_tx) : -1;

	if (i >= 0)
		vn->free_tx &= ~(1UL << i);
	spin_unlock_irqrestore(&vn->tx_lock, flags);
	return i;
}

static int virtio_net_xmit(struct net_device *ndev, const void *frame, size_t len)
{
	struct virtio_net *vn = ndev->priv;
	struct virtio_net_buf *b;
	struct vq_buf bufs[2];
	int i, err;

	while ((i = take_tx(vn)) < 0) {
		if (irqs_disabled())
			virtio_poll(vn->vdev);
		else
			wait_event(&vn->tx_room, READ_ONCE(vn->free_tx) != 0);
	}
	b = &vn->tx_bufs[i];
	memset(b->hdr, 0, sizeof(b->hdr));
	memcpy(b->frame, frame, len);
	bufs[0] = (struct vq_buf){ b->hdr, vn->hdr_len };
	bufs[1] = (struct vq_buf){ b->frame, len };
	err = virtqueue_add(vn->tx, bufs, 2, 0, b);
	if (err) {
		unsigned long flags = spin_lock_irqsave(&vn->tx_lock);

		vn->free_tx |= 1UL << i;
		spin_unlock_irqrestore(&vn->tx_lock, flags);
		return err;
	}
	virtqueue_kick(vn->tx);
	return 0;
}

static const struct net_device_ops virtio_net_ops = {
	.xmit = virtio_net_xmit,
};

static int virtio_net_setup(struct virtio_net *vn)
{
	struct virtio_device *vdev = vn->vdev;
	unsigned int i;
	int err;

	vn->rx = virtio_find_vq(vdev, 0, virtio_net_rx_done, "receiveq");
	if (IS_ERR(vn->rx))
		return PTR_ERR(vn->rx);
	vn->tx = virtio_find_vq(vdev, 1, virtio_net_tx_done, "transmitq");
	if (IS_ERR(vn->tx))
		return PTR_ERR(vn->tx);
	if (vn->rx->num < 2 * VIRTIO_NET_RX_BUFS || vn->tx->num < 2 * VIRTIO_NET_TX_SLOTS)
		return -ENOSPC;
	vn->rx_bufs = kzalloc(VIRTIO_NET_RX_BUFS * sizeof(*vn->rx_bufs), GFP_KERNEL);
	vn->tx_bufs = kzalloc(VIRTIO_NET_TX_SLOTS * sizeof(*vn->tx_bufs), GFP_KERNEL);
	if (!vn->rx_bufs || !vn->tx_bufs)
		return -ENOMEM;
	for (i = 0; i < VIRTIO_NET_RX_BUFS; i++) {
		err = post_rx(vn, &vn->rx_bufs[i]);
		if (err)
			return err;
	}
	vn->free_tx = (1UL << VIRTIO_NET_TX_SLOTS) - 1;
	return 0;
}

static int virtio_net_probe(struct virtio_device *vdev)
{
	struct virtio_net *vn = kzalloc(sizeof(*vn), GFP_KERNEL);
	unsigned int i;
	int err;

	if (!vn)
		return -ENOMEM;
	vn->vdev = vdev;
	vdev->priv = vn;
	spin_lock_init(&vn->tx_lock);
	init_waitqueue_head(&vn->tx_room);
	err = virtio_negotiate(vdev, BIT_ULL(VIRTIO_NET_F_MAC));
	if (!err && !virtio_has_feature(vdev, VIRTIO_NET_F_MAC))
		err = -EOPNOTSUPP;	/* a random MAC is left for when the stack needs one */
	vn->hdr_len = vdev->legacy ? 10 : 12;
	if (!err)
		err = virtio_net_setup(vn);
	if (err)
		goto fail;
	for (i = 0; i < ETH_ALEN; i++)
		vn->ndev.mac[i] = virtio_cread8(vdev, VIRTIO_NET_CFG_MAC + i);
	vn->ndev.ops = &virtio_net_ops;
	vn->ndev.priv = vn;
	register_netdev(&vn->ndev);
	virtio_device_ready(vdev);
	virtqueue_kick(vn->rx);
	vdev_notice(vdev, "%s, MAC %02x:%02x:%02x:%02x:%02x:%02x, %s\n", vn->ndev.name,
		  vn->ndev.mac[0], vn->ndev.mac[1], vn->ndev.mac[2], vn->ndev.mac[3],
		  vn->ndev.mac[4], vn->ndev.mac[5], vdev->legacy ? "legacy" : "modern");
	return 0;
fail:
	/* The transport resets the device and frees the queues. */
	vdev->priv = NULL;
	kfree(vn->rx_bufs);
	kfree(vn->tx_bufs);
	kfree(vn);
	return err;
}

static const struct virtio_driver virtio_net_driver = {
	.name = "virtio-net",
	.device_id = VIRTIO_ID_NET,
	.probe = virtio_net_probe,
};
virtio_driver(virtio_net_driver);
