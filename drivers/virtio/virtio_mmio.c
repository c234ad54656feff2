// SPDX-License-Identifier: MIT
/*
 * The virtio-mmio transport (virtio 1.2, 4.2): "virtio,mmio" device tree
 * nodes, each one register window and one interrupt.  Version 1 is the
 * legacy interface (one 32-bit page frame number per queue, QueuePFN);
 * version 2 the modern one (the three ring addresses in 64 bits each,
 * QueueReady).  QEMU's virt machine has eight slots at 0x10001000, most
 * of them empty (DeviceID 0): those are bound quietly and left alone.
 */
#include <asm/page.h>
#include <tern/device.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/io.h>
#include <tern/irq.h>
#include <tern/slab.h>
#include <tern/virtio.h>

#define VIRTIO_MMIO_MAGIC_VALUE		0x000
#define VIRTIO_MMIO_VERSION		0x004
#define VIRTIO_MMIO_DEVICE_ID		0x008
#define VIRTIO_MMIO_VENDOR_ID		0x00c
#define VIRTIO_MMIO_DEVICE_FEATURES	0x010
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL	0x014
#define VIRTIO_MMIO_DRIVER_FEATURES	0x020
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL	0x024
#define VIRTIO_MMIO_GUEST_PAGE_SIZE	0x028	/* legacy */
#define VIRTIO_MMIO_QUEUE_SEL		0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX	0x034
#define VIRTIO_MMIO_QUEUE_NUM		0x038
#define VIRTIO_MMIO_QUEUE_ALIGN		0x03c	/* legacy */
#define VIRTIO_MMIO_QUEUE_PFN		0x040	/* legacy */
#define VIRTIO_MMIO_QUEUE_READY		0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY	0x050
#define VIRTIO_MMIO_INTERRUPT_STATUS	0x060
#define VIRTIO_MMIO_INTERRUPT_ACK	0x064
#define VIRTIO_MMIO_STATUS		0x070
#define VIRTIO_MMIO_QUEUE_DESC_LOW	0x080
#define VIRTIO_MMIO_QUEUE_DESC_HIGH	0x084
#define VIRTIO_MMIO_QUEUE_DRIVER_LOW	0x090
#define VIRTIO_MMIO_QUEUE_DRIVER_HIGH	0x094
#define VIRTIO_MMIO_QUEUE_DEVICE_LOW	0x0a0
#define VIRTIO_MMIO_QUEUE_DEVICE_HIGH	0x0a4
#define VIRTIO_MMIO_CONFIG_GENERATION	0x0fc
#define VIRTIO_MMIO_CONFIG		0x100

#define VIRTIO_MMIO_MAGIC		0x74726976	/* "virt" */
#define VIRTIO_MMIO_INT_VRING		1
#define VIRTIO_MMIO_INT_CONFIG		2

/* Entries per queue we ask for at most: enough for 8 requests of 3 buffers. */
#define VIRTIO_MMIO_QUEUE_MAX		128

struct virtio_mmio {
	struct virtio_device vdev;
	void __iomem *regs;
	int irq;
};

static struct virtio_mmio *to_vm(struct virtio_device *vdev)
{
	return container_of(vdev, struct virtio_mmio, vdev);
}

static u64 vm_get_features(struct virtio_device *vdev)
{
	void __iomem *r = to_vm(vdev)->regs;
	u64 f;

	writel(1, r + VIRTIO_MMIO_DEVICE_FEATURES_SEL);
	f = (u64)readl(r + VIRTIO_MMIO_DEVICE_FEATURES) << 32;
	writel(0, r + VIRTIO_MMIO_DEVICE_FEATURES_SEL);
	return f | readl(r + VIRTIO_MMIO_DEVICE_FEATURES);
}

static int vm_finalize_features(struct virtio_device *vdev)
{
	void __iomem *r = to_vm(vdev)->regs;

	writel(0, r + VIRTIO_MMIO_DRIVER_FEATURES_SEL);
	writel((u32)vdev->features, r + VIRTIO_MMIO_DRIVER_FEATURES);
	if (vdev->legacy)
		return 0;	/* no FEATURES_OK handshake before 1.0 */
	writel(1, r + VIRTIO_MMIO_DRIVER_FEATURES_SEL);
	writel((u32)(vdev->features >> 32), r + VIRTIO_MMIO_DRIVER_FEATURES);
	writel(readl(r + VIRTIO_MMIO_STATUS) | VIRTIO_STATUS_FEATURES_OK,
	       r + VIRTIO_MMIO_STATUS);
	if (!(readl(r + VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_FEATURES_OK)) {
		vdev_err(vdev, "device refused features %#llx\n",
			 (unsigned long long)vdev->features);
		return -ENODEV;
	}
	return 0;
}

static u8 vm_get_status(struct virtio_device *vdev)
{
	return readl(to_vm(vdev)->regs + VIRTIO_MMIO_STATUS) & 0xff;
}

static void vm_set_status(struct virtio_device *vdev, u8 status)
{
	writel(status, to_vm(vdev)->regs + VIRTIO_MMIO_STATUS);
}

/* Byte by byte, repeated while the device changes it under us (modern). */
static void vm_read_config(struct virtio_device *vdev, unsigned int offset, void *buf,
			   unsigned int len)
{
	void __iomem *r = to_vm(vdev)->regs;
	u32 gen_before, gen_after = 0;
	unsigned int i;

	do {
		gen_before = vdev->legacy ? 0 : readl(r + VIRTIO_MMIO_CONFIG_GENERATION);
		for (i = 0; i < len; i++)
			((u8 *)buf)[i] = readb(r + VIRTIO_MMIO_CONFIG + offset + i);
		if (!vdev->legacy)
			gen_after = readl(r + VIRTIO_MMIO_CONFIG_GENERATION);
	} while (gen_before != gen_after);
}

static void write_addr(void __iomem *low, phys_addr_t pa)
{
	writel((u32)pa, low);
	writel((u32)((u64)pa >> 32), low + 4);
}

static struct virtqueue *vm_setup_vq(struct virtio_device *vdev, unsigned int index,
				     void (*callback)(struct virtqueue *vq), const char *name)
{
	void __iomem *r = to_vm(vdev)->regs;
	struct virtqueue *vq;
	unsigned int num;
	phys_addr_t pa;

	writel(index, r + VIRTIO_MMIO_QUEUE_SEL);
	if (readl(r + (vdev->legacy ? VIRTIO_MMIO_QUEUE_PFN : VIRTIO_MMIO_QUEUE_READY)))
		return ERR_PTR(-EBUSY);
	num = readl(r + VIRTIO_MMIO_QUEUE_NUM_MAX);
	if (!num)
		return ERR_PTR(-ENOENT);
	if (num > VIRTIO_MMIO_QUEUE_MAX)
		num = VIRTIO_MMIO_QUEUE_MAX;
	while (num & (num - 1))		/* a legacy queue's size is a power of 2 */
		num &= num - 1;
	vq = virtqueue_alloc(vdev, index, num, callback, name);
	if (IS_ERR(vq))
		return vq;
	writel(num, r + VIRTIO_MMIO_QUEUE_NUM);
	pa = __pa(vq->ring_mem);
	if (vdev->legacy) {
		if ((u64)pa >> PAGE_SHIFT > 0xffffffffu) {
			virtqueue_free(vq);
			return ERR_PTR(-ERANGE);
		}
		writel(PAGE_SIZE, r + VIRTIO_MMIO_QUEUE_ALIGN);
		writel((u32)(pa >> PAGE_SHIFT), r + VIRTIO_MMIO_QUEUE_PFN);
	} else {
		write_addr(r + VIRTIO_MMIO_QUEUE_DESC_LOW, __pa(vq->desc));
		write_addr(r + VIRTIO_MMIO_QUEUE_DRIVER_LOW, __pa(vq->avail));
		write_addr(r + VIRTIO_MMIO_QUEUE_DEVICE_LOW, __pa(vq->used));
		writel(1, r + VIRTIO_MMIO_QUEUE_READY);
	}
	return vq;
}

static void vm_notify(struct virtqueue *vq)
{
	writel(vq->index, to_vm(vq->vdev)->regs + VIRTIO_MMIO_QUEUE_NOTIFY);
}

static const struct virtio_transport_ops vm_ops = {
	.get_features = vm_get_features,
	.finalize_features = vm_finalize_features,
	.get_status = vm_get_status,
	.set_status = vm_set_status,
	.read_config = vm_read_config,
	.setup_vq = vm_setup_vq,
	.notify = vm_notify,
};

static void vm_interrupt(unsigned int irq, void *data)
{
	struct virtio_mmio *vm = data;
	u32 status = readl(vm->regs + VIRTIO_MMIO_INTERRUPT_STATUS);

	(void)irq;
	writel(status, vm->regs + VIRTIO_MMIO_INTERRUPT_ACK);
	if (status & VIRTIO_MMIO_INT_VRING)
		virtio_poll(&vm->vdev);
}

/* Stops the device and frees its queues (the device forgets them on reset). */
static void vm_teardown(struct virtio_mmio *vm)
{
	unsigned int i;

	vm_set_status(&vm->vdev, 0);
	for (i = 0; i < VIRTIO_MAX_VQS; i++) {
		virtqueue_free(vm->vdev.vqs[i]);
		vm->vdev.vqs[i] = NULL;
	}
}

/* 0: a device to drive; 1: an empty slot; or -errno. */
static int vm_identify(struct device *dev, void __iomem *regs, u32 *version)
{
	u32 magic = readl(regs + VIRTIO_MMIO_MAGIC_VALUE);

	*version = readl(regs + VIRTIO_MMIO_VERSION);
	if (magic != VIRTIO_MMIO_MAGIC) {
		dev_err(dev, "bad magic %#x: not a virtio-mmio device\n", (unsigned int)magic);
		return -ENODEV;
	}
	if (*version != 1 && *version != 2) {
		dev_err(dev, "version %u not supported (1: legacy, 2: modern)\n",
			(unsigned int)*version);
		return -ENODEV;
	}
	return readl(regs + VIRTIO_MMIO_DEVICE_ID) == 0;
}

static int virtio_mmio_probe(struct device *dev)
{
	void __iomem *regs = dev_ioremap_resource(dev, 0);
	struct virtio_mmio *vm;
	u32 version;
	int err, irq;

	if (IS_ERR(regs))
		return PTR_ERR(regs);
	err = vm_identify(dev, regs, &version);
	if (err) {
		iounmap(regs);
		if (err < 0)
			return err;
		/* A debug line stands for it: empty slots would fill the log. */
		dev_dbg(dev, "empty slot\n");
		dev->announced = true;
		return 0;
	}
	irq = dev_irq(dev, 0);
	if (irq < 0) {
		iounmap(regs);
		return irq == -EPROBE_DEFER ? irq : dev_err_probe(dev, irq, "no interrupt");
	}
	vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	if (!vm) {
		iounmap(regs);
		return -ENOMEM;
	}
	vm->regs = regs;
	vm->irq = irq;
	vm->vdev.dev = dev;
	vm->vdev.id = readl(regs + VIRTIO_MMIO_DEVICE_ID);
	vm->vdev.vendor = readl(regs + VIRTIO_MMIO_VENDOR_ID);
	vm->vdev.legacy = version == 1;
	vm->vdev.ops = &vm_ops;
	vm_set_status(&vm->vdev, 0);
	if (vm->vdev.legacy)
		writel(PAGE_SIZE, regs + VIRTIO_MMIO_GUEST_PAGE_SIZE);
	err = request_irq(irq, vm_interrupt, "virtio-mmio", vm);
	if (err) {
		kfree(vm);
		iounmap(regs);
		return dev_err_probe(dev, err, "irq %d", irq);
	}
	dev_set_drvdata(dev, &vm->vdev);
	err = virtio_bind(&vm->vdev);
	if (err) {
		free_irq(irq, vm);
		vm_teardown(vm);
		kfree(vm);
		iounmap(regs);
		return err;
	}
	return 0;
}

static const struct of_device_id virtio_mmio_of_match[] = {
	{ .compatible = "virtio,mmio" },
	{ }
};

static const struct driver virtio_mmio_driver = {
	.name = "virtio-mmio",
	.of_match = virtio_mmio_of_match,
	.probe = virtio_mmio_probe,
};
builtin_driver(virtio_mmio_driver);
