/* SPDX-License-Identifier: MIT */
/*
 * Virtio devices (OASIS virtio 1.1/1.2) and the drivers that drive them
 * (Documentation/drivers/virtio.md).
 *
 * A transport (drivers/virtio/virtio_mmio.c, for "virtio,mmio" device
 * tree nodes) finds a device, resets it and hands a struct virtio_device
 * to the virtio driver registered for its device id:
 *
 *	static int foo_probe(struct virtio_device *vdev)
 *	{
 *		err = virtio_negotiate(vdev, FOO_WANTED_FEATURES);
 *		vq = virtio_find_vq(vdev, 0, foo_done, "requests");
 *		... read config with virtio_cread32() ...
 *		virtio_device_ready(vdev);
 *	}
 *	static const struct virtio_driver foo_driver = {
 *		.name = "virtio-foo", .device_id = VIRTIO_ID_FOO, .probe = foo_probe,
 *	};
 *	virtio_driver(foo_driver);
 *
 * virtio_driver() puts the driver in the .virtio_drivers linker section,
 * as builtin_driver() does for the driver model.
 *
 * Contract:
 *  - probe runs in the transport's probe (process context, boot CPU,
 *    interrupts possibly still off: see virtqueue_poll); it returns 0 or
 *    -errno, and on failure has freed what it allocated (the transport
 *    then resets the device and frees the queues);
 *  - a queue's callback runs in the device's interrupt handler
 *    (interrupts off) or from virtqueue_poll; it takes the finished
 *    buffers with virtqueue_get_buf;
 *  - every buffer handed to a queue is in the kernel's linear map
 *    (kmalloc, alloc_pages), contiguous in physical memory, and stays
 *    untouched until the device hands it back.  The device is given
 *    physical addresses (__pa) only.
 */
#ifndef TERN_VIRTIO_H
#define TERN_VIRTIO_H

#include <tern/compiler.h>
#include <tern/device.h>
#include <tern/spinlock.h>
#include <tern/types.h>

/* Device ids (virtio 1.2, 5) */
#define VIRTIO_ID_NET		1
#define VIRTIO_ID_BLOCK		2
#define VIRTIO_ID_CONSOLE	3
#define VIRTIO_ID_RNG		4

/* Device status bits (2.1) */
#define VIRTIO_STATUS_ACKNOWLEDGE	1
#define VIRTIO_STATUS_DRIVER		2
#define VIRTIO_STATUS_DRIVER_OK		4
#define VIRTIO_STATUS_FEATURES_OK	8
#define VIRTIO_STATUS_NEEDS_RESET	64
#define VIRTIO_STATUS_FAILED		128

/* Transport-independent feature bits (6) */
#define VIRTIO_F_VERSION_1		32

#define BIT_ULL(n)	(1ULL << (n))

struct virtio_device;
struct virtqueue;

/* What a transport does for the core; each is called in process context. */
struct virtio_transport_ops {
	u64 (*get_features)(struct virtio_device *vdev);
	/* Writes vdev->features; for a modern device also FEATURES_OK, checked. */
	int (*finalize_features)(struct virtio_device *vdev);
	u8 (*get_status)(struct virtio_device *vdev);
	void (*set_status)(struct virtio_device *vdev, u8 status);
	/* Copies len bytes of device config at offset into buf (consistent). */
	void (*read_config)(struct virtio_device *vdev, unsigned int offset, void *buf,
			    unsigned int len);
	/* Sets up queue index with at most num entries; ERR_PTR on failure. */
	struct virtqueue *(*setup_vq)(struct virtio_device *vdev, unsigned int index,
				      void (*callback)(struct virtqueue *vq), const char *name);
	void (*notify)(struct virtqueue *vq);
};

#define VIRTIO_MAX_VQS	4

struct virtio_device {
	struct device *dev;			/* the transport's device */
	u32 id;					/* VIRTIO_ID_* */
	u32 vendor;
	bool legacy;				/* virtio 0.9.5 ("version 1" on mmio) */
	u64 features;				/* negotiated, from virtio_negotiate on */
	const struct virtio_transport_ops *ops;
	const struct virtio_driver *driver;	/* NULL: no driver for the id */
	struct virtqueue *vqs[VIRTIO_MAX_VQS];	/* set up by virtio_find_vq */
	void *priv;				/* the virtio driver's */
};

struct virtio_driver {
	const char *name;			/* "virtio-blk": prefixes its messages */
	u32 device_id;
	int (*probe)(struct virtio_device *vdev);
};

#define virtio_driver(drv)						\
	static const struct virtio_driver *const __virtio_driver_##drv	\
	__used __section(".virtio_drivers") __aligned(sizeof(void *)) = &(drv)

/* "<virtio driver> <device>: ...": the driver's own name, not the transport's. */
#define vdev_printk(level, vdev, fmt, ...)				\
	printk(level "%s %s: " fmt, (vdev)->driver ? (vdev)->driver->name : "virtio", \
	       dev_name((vdev)->dev), ##__VA_ARGS__)
#define vdev_err(vdev, fmt, ...)  vdev_printk(KERN_ERR, vdev, fmt, ##__VA_ARGS__)
#define vdev_warn(vdev, fmt, ...) vdev_printk(KERN_WARNING, vdev, fmt, ##__VA_ARGS__)
#define vdev_dbg(vdev, fmt, ...)  vdev_printk(KERN_DEBUG, vdev, fmt, ##__VA_ARGS__)
#define vdev_info(vdev, fmt, ...) ({					\
	(vdev)->dev->announced = true;					\
	vdev_printk(KERN_INFO, vdev, fmt, ##__VA_ARGS__);		\
})
/* The same, at the level a default boot shows (disks, network cards). */
#define vdev_notice(vdev, fmt, ...) ({					\
	(vdev)->dev->announced = true;					\
	vdev_printk(KERN_NOTICE, vdev, fmt, ##__VA_ARGS__);		\
})

/*
 * For transports: finds the driver for vdev->id and runs its probe, with
 * the device acknowledged.  0 (also when no driver takes the id: the
 * device is left reset and logged), or the probe's error (the device is
 * then marked FAILED).
 */
int virtio_bind(struct virtio_device *vdev);

/* The registered driver for a device id, or NULL. */
const struct virtio_driver *virtio_find_driver(u32 device_id);

/*
 * Accepts the features of wanted the device offers, plus VERSION_1 for a
 * modern device (mandatory there).  0, or -ENODEV when the device refuses
 * the set (FEATURES_OK did not stick).
 */
int virtio_negotiate(struct virtio_device *vdev, u64 wanted);

static inline bool virtio_has_feature(const struct virtio_device *vdev, unsigned int bit)
{
	return vdev->features & BIT_ULL(bit);
}

/* Sets up queue index (callback may be NULL: poll it); ERR_PTR(-errno). */
struct virtqueue *virtio_find_vq(struct virtio_device *vdev, unsigned int index,
				 void (*callback)(struct virtqueue *vq), const char *name);

/* Sets DRIVER_OK: the device may use its queues from now on. */
void virtio_device_ready(struct virtio_device *vdev);

/* Device-specific configuration, little-endian fields (both modes on RISC-V). */
u8 virtio_cread8(struct virtio_device *vdev, unsigned int offset);
u16 virtio_cread16(struct virtio_device *vdev, unsigned int offset);
u32 virtio_cread32(struct virtio_device *vdev, unsigned int offset);
u64 virtio_cread64(struct virtio_device *vdev, unsigned int offset);

/* A buffer of a request: len bytes at addr (linear map), device-readable or not. */
struct vq_buf {
	void *addr;
	u32 len;
};

/*
 * The split virtqueue (virtio_ring.c).  lock guards every field below it;
 * taken with interrupts off by adders, the interrupt handler and pollers.
 */
struct virtqueue {
	struct virtio_device *vdev;
	unsigned int index;
	unsigned int num;			/* entries: a power of 2 */
	const char *name;
	void (*callback)(struct virtqueue *vq);
	void *priv;				/* the transport's */
	spinlock_t lock;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	u16 free_head;				/* first free descriptor, chained by next */
	u16 num_free;
	u16 last_used;				/* used->idx we have consumed up to */
	void **tokens;				/* tokens[head]: the caller's, while in flight */
	void *ring_mem;				/* alloc_pages block holding the three rings */
	unsigned int ring_order;
};

/*
 * Queues a request of out device-readable buffers then in device-writable
 * ones, identified by token (not NULL) when it completes.  0, -ENOSPC
 * (not enough free descriptors now: wait for completions), -EINVAL (no
 * buffers, or more than the queue has).  Does not notify: see
 * virtqueue_kick.  Any context.
 */
int virtqueue_add(struct virtqueue *vq, const struct vq_buf *bufs, unsigned int out,
		  unsigned int in, void *token);

/* Tells the device there are new requests. */
void virtqueue_kick(struct virtqueue *vq);

/*
 * The token of the next request the device finished, with *len the bytes
 * it wrote; NULL when there is none.  Called with vq->lock not held (from
 * the callback, or any context).
 */
void *virtqueue_get_buf(struct virtqueue *vq, u32 *len);

/* Free descriptors now (for a caller deciding whether to wait). */
unsigned int virtqueue_num_free(struct virtqueue *vq);

/*
 * Runs the device's interrupt work now (the callbacks of its queues that
 * have finished requests): for waiting while interrupts are off, as in
 * a probe before the kernel enables them.
 */
void virtio_poll(struct virtio_device *vdev);

/*
 * For transports: the ring memory of a queue of num entries, laid out as
 * legacy devices need it (used ring at the next page): 0 or -ENOMEM.
 * virtqueue_free undoes it.
 */
struct virtqueue *virtqueue_alloc(struct virtio_device *vdev, unsigned int index,
				  unsigned int num, void (*callback)(struct virtqueue *vq),
				  const char *name);
void virtqueue_free(struct virtqueue *vq);
/* Runs vq's callback if the device finished something. */
void virtqueue_interrupt(struct virtqueue *vq);

#endif
