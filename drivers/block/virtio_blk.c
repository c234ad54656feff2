// SPDX-License-Identifier: MIT
/*
 * Virtio block devices (virtio 1.2, 5.2): disks vda, vdb, ... in the
 * order they are found.  Each request is three buffers on the one
 * queue: a header the device reads (type, sector), the data, and a
 * status byte the device writes.  A request takes a slot (its header
 * and status); the slots, at most a third of the queue's entries, bound
 * how many requests are in flight, and a submitter waits for a free one.
 */
#include <tern/blkdev.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/printf.h>
#include <tern/slab.h>
#include <tern/virtio.h>

#define VIRTIO_BLK_F_RO		5
#define VIRTIO_BLK_F_FLUSH	9

#define VIRTIO_BLK_T_IN		0
#define VIRTIO_BLK_T_OUT	1
#define VIRTIO_BLK_T_FLUSH	4

#define VIRTIO_BLK_S_OK		0
#define VIRTIO_BLK_S_IOERR	1
#define VIRTIO_BLK_S_UNSUPP	2

#define VIRTIO_BLK_CFG_CAPACITY	0	/* u64, in 512-byte sectors */

#define VIRTIO_BLK_MAX_SLOTS	32	/* bits of free_slots */

struct virtio_blk_hdr {
	u32 type;
	u32 reserved;
	u64 sector;
};

struct virtio_blk_slot {
	struct virtio_blk_hdr hdr;	/* read by the device */
	u8 status;			/* written by the device */
	struct blk_request *rq;		/* in flight, or NULL */
};

struct virtio_blk {
	struct virtio_device *vdev;
	struct virtqueue *vq;
	struct block_device disk;
	struct virtio_blk_slot *slots;	/* kmalloc: in the linear map */
	unsigned int nr_slots;
	spinlock_t lock;		/* guards free_slots */
	unsigned long free_slots;	/* bit i: slots[i] is free */
	struct wait_queue_head room;	/* woken when a slot frees */
};

static unsigned int virtio_blk_count;	/* disks named so far; probes run one at a time */

/* A free slot's index, taken; or -1. */
static int take_slot(struct virtio_blk *vb)
{
	unsigned long flags = spin_lock_irqsave(&vb->lock);
	int i = vb->free_slots ? __builtin_ctzl(vb->free_slots) : -1;

	if (i >= 0)
		vb->free_slots &= ~(1UL << i);
	spin_unlock_irqrestore(&vb->lock, flags);
	return i;
}

static void put_slot(struct virtio_blk *vb, unsigned int i)
{
	unsigned long flags = spin_lock_irqsave(&vb->lock);

	vb->free_slots |= 1UL << i;
	spin_unlock_irqrestore(&vb->lock, flags);
	wake_up(&vb->room);
}

static int status_to_errno(u8 status)
{
	switch (status) {
	case VIRTIO_BLK_S_OK:
		return 0;
	case VIRTIO_BLK_S_UNSUPP:
		return -EOPNOTSUPP;
	default:
		return -EIO;
	}
}

/* The queue's callback: completes what the device finished. */
static void virtio_blk_done(struct virtqueue *vq)
{
	struct virtio_blk *vb = vq->vdev->priv;
	struct virtio_blk_slot *slot;

	while ((slot = virtqueue_get_buf(vq, NULL))) {
		struct blk_request *rq = slot->rq;
		int err = status_to_errno(READ_ONCE(slot->status));

		slot->rq = NULL;
		put_slot(vb, slot - vb->slots);
		blk_complete(rq, err);
	}
}

static int virtio_blk_submit(struct block_device *disk, struct blk_request *rq)
{
	struct virtio_blk *vb = disk->private;
	struct virtio_blk_slot *slot;
	struct vq_buf bufs[3];
	unsigned int n = 0, out;
	int i, err;

	while ((i = take_slot(vb)) < 0) {
		if (irqs_disabled())
			virtio_poll(vb->vdev);
		else
			wait_event(&vb->room, READ_ONCE(vb->free_slots) != 0);
	}
	slot = &vb->slots[i];
	slot->rq = rq;
	slot->status = 0xff;
	slot->hdr.reserved = 0;
	slot->hdr.sector = rq->sector;
	slot->hdr.type = rq->op == BLK_READ ? VIRTIO_BLK_T_IN :
			 rq->op == BLK_WRITE ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_FLUSH;
	bufs[n++] = (struct vq_buf){ &slot->hdr, sizeof(slot->hdr) };
	if (rq->op != BLK_FLUSH)
		bufs[n++] = (struct vq_buf){ rq->buf, rq->nr_sectors * SECTOR_SIZE };
	out = rq->op == BLK_READ || rq->op == BLK_FLUSH ? 1 : 2;
	bufs[n++] = (struct vq_buf){ &slot->status, 1 };
	err = virtqueue_add(vb->vq, bufs, out, n - out, slot);
	if (err) {
		slot->rq = NULL;
		put_slot(vb, i);
		return err;
	}
	virtqueue_kick(vb->vq);
	return 0;
}

static void virtio_blk_poll(struct block_device *disk)
{
	struct virtio_blk *vb = disk->private;

	virtio_poll(vb->vdev);
}

static const struct block_device_ops virtio_blk_ops = {
	.submit = virtio_blk_submit,
	.poll = virtio_blk_poll,
};

static void virtio_blk_free(struct virtio_blk *vb)
{
	kfree(vb->slots);
	kfree(vb);
}

static int virtio_blk_probe(struct virtio_device *vdev)
{
	struct virtio_blk *vb = kzalloc(sizeof(*vb), GFP_KERNEL);
	int err;

	if (!vb)
		return -ENOMEM;
	vb->vdev = vdev;
	vdev->priv = vb;
	err = virtio_negotiate(vdev, BIT_ULL(VIRTIO_BLK_F_RO) | BIT_ULL(VIRTIO_BLK_F_FLUSH));
	if (err)
		goto fail;
	vb->vq = virtio_find_vq(vdev, 0, virtio_blk_done, "requests");
	if (IS_ERR(vb->vq)) {
		err = PTR_ERR(vb->vq);
		goto fail;
	}
	vb->nr_slots = vb->vq->num / 3;
	if (vb->nr_slots > VIRTIO_BLK_MAX_SLOTS)
		vb->nr_slots = VIRTIO_BLK_MAX_SLOTS;
	vb->slots = kzalloc(vb->nr_slots * sizeof(*vb->slots), GFP_KERNEL);
	if (!vb->slots || !vb->nr_slots) {
		err = -ENOMEM;
		goto fail;
	}
	vb->free_slots = vb->nr_slots == 8 * sizeof(unsigned long) ? ~0UL : (1UL << vb->nr_slots) - 1;
	spin_lock_init(&vb->lock);
	init_waitqueue_head(&vb->room);

	snprintf(vb->disk.name, sizeof(vb->disk.name), "vd%c", 'a' + virtio_blk_count % 26);
	vb->disk.nr_sectors = virtio_cread64(vdev, VIRTIO_BLK_CFG_CAPACITY);
	vb->disk.read_only = virtio_has_feature(vdev, VIRTIO_BLK_F_RO);
	vb->disk.can_flush = virtio_has_feature(vdev, VIRTIO_BLK_F_FLUSH);
	vb->disk.ops = &virtio_blk_ops;
	vb->disk.private = vb;
	virtio_device_ready(vdev);
	vdev_notice(vdev, "%s, %llu MiB (%llu sectors)%s%s, %s\n", vb->disk.name,
		  (unsigned long long)(vb->disk.nr_sectors >> 11),
		  (unsigned long long)vb->disk.nr_sectors,
		  vb->disk.read_only ? ", read-only" : "",
		  vb->disk.can_flush ? ", write cache" : "", vdev->legacy ? "legacy" : "modern");
	err = add_disk(&vb->disk);
	if (err)
		goto fail;
	virtio_blk_count++;
	return 0;
fail:
	/* The transport resets the device and frees the queue. */
	virtio_blk_free(vb);
	vdev->priv = NULL;
	return err;
}

static const struct virtio_driver virtio_blk_driver = {
	.name = "virtio-blk",
	.device_id = VIRTIO_ID_BLOCK,
	.probe = virtio_blk_probe,
};
virtio_driver(virtio_blk_driver);
