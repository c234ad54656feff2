// SPDX-License-Identifier: MIT
/*
 * ktest "virtio": the split virtqueue's bookkeeping on a queue no device
 * sees (the test plays the device), and the virtio-mmio slots of the
 * boot tree: each bound, each device handed to the driver of its id,
 * legacy exactly when its window says version 1, running (DRIVER_OK)
 * when a driver took it.
 */
#include <tern/boot.h>
#include <tern/device.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/io.h>
#include <tern/ktest.h>
#include <tern/printk.h>
#include <tern/slab.h>
#include <tern/virtio.h>

#define VIRTIO_MMIO_VERSION	0x004
#define VIRTIO_MMIO_DEVICE_ID	0x008
#define VIRTIO_MMIO_STATUS	0x070

/* The device's side of a split queue, as virtio_ring.c lays it out. */
struct test_used {
	u16 flags, idx;
	struct { u32 id, len; } ring[];
};

struct test_avail {
	u16 flags, idx;
	u16 ring[];
};

struct test_desc {
	u64 addr;
	u32 len;
	u16 flags, next;
};

/* The device finishes the request whose chain starts at head. */
static void device_returns(struct virtqueue *vq, u16 head, u32 len)
{
	struct test_used *used = (struct test_used *)vq->used;

	used->ring[used->idx & (vq->num - 1)].id = head;
	used->ring[used->idx & (vq->num - 1)].len = len;
	__atomic_store_n(&used->idx, used->idx + 1, __ATOMIC_RELEASE);
}

static void virtqueue_add_and_get(struct ktest *t)
{
	static struct virtio_device vdev;	/* no transport: never kicked */
	struct virtqueue *vq = virtqueue_alloc(&vdev, 0, 8, NULL, "test");
	struct test_avail *avail;
	struct test_desc *desc;
	u8 *buf = kmalloc(64, GFP_KERNEL);
	struct vq_buf bufs[3] = { { buf, 16 }, { buf + 16, 32 }, { buf + 48, 1 } };
	int tokens[3];
	u16 heads[3];
	u32 len;
	int i;

	KTEST_ASSERT(t, !IS_ERR(vq) && buf);
	avail = (struct test_avail *)vq->avail;
	desc = (struct test_desc *)vq->desc;
	KTEST_EXPECT_EQ(t, virtqueue_num_free(vq), 8);
	KTEST_EXPECT_EQ(t, virtqueue_add(vq, bufs, 0, 0, &tokens[0]), -EINVAL);
	KTEST_EXPECT_EQ(t, virtqueue_add(vq, bufs, 1, 0, NULL), -EINVAL);
	for (i = 0; i < 2; i++) {
		KTEST_EXPECT_EQ(t, virtqueue_add(vq, bufs, 1, 2, &tokens[i]), 0);
		heads[i] = avail->ring[i];
	}
	KTEST_EXPECT_EQ(t, avail->idx, 2);
	KTEST_EXPECT_EQ(t, virtqueue_num_free(vq), 2);
	KTEST_EXPECT_EQ(t, virtqueue_add(vq, bufs, 1, 2, &tokens[2]), -ENOSPC);
	/* A chain: readable first, then writable, linked by next, physical addresses. */
	KTEST_EXPECT_EQ(t, desc[heads[0]].addr, __pa(buf));
	KTEST_EXPECT_EQ(t, desc[heads[0]].flags, 1);		/* NEXT */
	KTEST_EXPECT_EQ(t, desc[desc[heads[0]].next].flags, 1 | 2);	/* NEXT | WRITE */
	KTEST_EXPECT_EQ(t, desc[desc[heads[0]].next].len, 32);
	KTEST_EXPECT(t, virtqueue_get_buf(vq, &len) == NULL);
	device_returns(vq, heads[1], 33);	/* out of order, as devices may */
	KTEST_EXPECT(t, virtqueue_get_buf(vq, &len) == &tokens[1]);
	KTEST_EXPECT_EQ(t, len, 33);
	KTEST_EXPECT_EQ(t, virtqueue_num_free(vq), 5);
	KTEST_EXPECT_EQ(t, virtqueue_add(vq, bufs, 1, 2, &tokens[2]), 0);
	heads[2] = avail->ring[2];
	device_returns(vq, heads[0], 1);
	device_returns(vq, heads[2], 2);
	KTEST_EXPECT(t, virtqueue_get_buf(vq, &len) == &tokens[0]);
	KTEST_EXPECT(t, virtqueue_get_buf(vq, &len) == &tokens[2]);
	KTEST_EXPECT_EQ(t, len, 2);
	KTEST_EXPECT(t, virtqueue_get_buf(vq, &len) == NULL);
	KTEST_EXPECT_EQ(t, virtqueue_num_free(vq), 8);
	virtqueue_free(vq);
	kfree(buf);
}

static void mmio_slots_are_bound_to_their_drivers(struct ktest *t)
{
	int node = -1;

	while ((node = fdt_node_offset_by_compatible(&boot_fdt, node, "virtio,mmio")) >= 0) {
		struct device *dev = device_find_by_node(node);
		struct virtio_device *vdev;
		void __iomem *regs;
		u32 id, version;

		if (!fdt_node_is_available(&boot_fdt, node))
			continue;
		KTEST_ASSERT(t, dev != NULL);
		KTEST_EXPECT_EQ(t, dev->state, DEVICE_BOUND);
		regs = dev_ioremap_resource(dev, 0);
		KTEST_ASSERT(t, !IS_ERR(regs));
		id = readl(regs + VIRTIO_MMIO_DEVICE_ID);
		version = readl(regs + VIRTIO_MMIO_VERSION);
		vdev = dev_get_drvdata(dev);
		KTEST_EXPECT_EQ(t, vdev != NULL, id != 0);
		if (id && vdev) {
			KTEST_EXPECT_EQ(t, vdev->id, id);
			KTEST_EXPECT_EQ(t, vdev->legacy, version == 1);
			KTEST_EXPECT(t, vdev->driver == virtio_find_driver(id));
			KTEST_EXPECT_EQ(t, !!(readl(regs + VIRTIO_MMIO_STATUS) &
					      VIRTIO_STATUS_DRIVER_OK), vdev->driver != NULL);
			console_printf("    # virtio: %s: device %u, %s, %s\n", dev_name(dev),
				       (unsigned int)id, version == 1 ? "legacy" : "modern",
				       vdev->driver ? vdev->driver->name : "no driver");
		}
		iounmap(regs);
	}
}

KTEST_SUITE(virtio,
	KTEST_CASE(virtqueue_add_and_get),
	KTEST_CASE(mmio_slots_are_bound_to_their_drivers));
