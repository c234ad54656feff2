// SPDX-License-Identifier: MIT
/*
 * Virtio entropy sources (virtio 1.2, 5.4): one queue; the driver hands
 * the device a buffer to fill, the device returns it with how many
 * random bytes it wrote.  One request at a time (random.c serialises).
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/random.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/virtio.h>
#include <tern/wait.h>

#define VIRTIO_RNG_BUF	64

struct virtio_rng {
	struct virtio_device *vdev;
	struct virtqueue *vq;
	struct hwrng hwrng;
	u8 *buf;			/* kmalloc: the device writes it */
	u32 filled;			/* bytes the device wrote; valid once done */
	bool done;			/* set by the callback */
	struct wait_queue_head wait;
};

static void virtio_rng_done(struct virtqueue *vq)
{
	struct virtio_rng *vr = vq->vdev->priv;
	u32 len;

	while (virtqueue_get_buf(vq, &len)) {
		vr->filled = len;
		__atomic_store_n(&vr->done, true, __ATOMIC_RELEASE);
		wake_up(&vr->wait);
	}
}

static int virtio_rng_read(struct hwrng *rng, void *buf, size_t len)
{
	struct virtio_rng *vr = rng->priv;
	struct vq_buf b = { vr->buf, VIRTIO_RNG_BUF };
	int err;

	vr->done = false;
	err = virtqueue_add(vr->vq, &b, 0, 1, vr);
	if (err)
		return err;
	virtqueue_kick(vr->vq);
	if (irqs_disabled()) {
		while (!__atomic_load_n(&vr->done, __ATOMIC_ACQUIRE))
			virtio_poll(vr->vdev);
	} else {
		wait_event(&vr->wait, __atomic_load_n(&vr->done, __ATOMIC_ACQUIRE));
	}
	if (vr->filled > VIRTIO_RNG_BUF)
		return -EIO;
	if (len > vr->filled)
		len = vr->filled;
	memcpy(buf, vr->buf, len);
	return len ? (int)len : -EIO;
}

static int virtio_rng_probe(struct virtio_device *vdev)
{
	struct virtio_rng *vr = kzalloc(sizeof(*vr), GFP_KERNEL);
	int err;

	if (!vr)
		return -ENOMEM;
	vr->buf = kmalloc(VIRTIO_RNG_BUF, GFP_KERNEL);
	err = vr->buf ? virtio_negotiate(vdev, 0) : -ENOMEM;
	if (err)
		goto fail;
	vdev->priv = vr;
	vr->vdev = vdev;
	init_waitqueue_head(&vr->wait);
	vr->vq = virtio_find_vq(vdev, 0, virtio_rng_done, "requestq");
	if (IS_ERR(vr->vq)) {
		err = PTR_ERR(vr->vq);
		goto fail;
	}
	virtio_device_ready(vdev);
	vr->hwrng = (struct hwrng){ .name = "virtio-rng", .read = virtio_rng_read, .priv = vr };
	hwrng_register(&vr->hwrng);
	vdev_notice(vdev, "entropy source, %s\n", vdev->legacy ? "legacy" : "modern");
	return 0;
fail:
	vdev->priv = NULL;
	kfree(vr->buf);
	kfree(vr);
	return err;
}

static const struct virtio_driver virtio_rng_driver = {
	.name = "virtio-rng",
	.device_id = VIRTIO_ID_RNG,
	.probe = virtio_rng_probe,
};
virtio_driver(virtio_rng_driver);
