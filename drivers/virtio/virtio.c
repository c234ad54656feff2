// SPDX-License-Identifier: MIT
/*
 * The virtio core: which driver takes a device id (the .virtio_drivers
 * section), the status handshake and feature negotiation (virtio 1.2,
 * 3.1.1), and the config accessors over the transport's ops.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/virtio.h>

extern const struct virtio_driver *const __virtio_drivers_start[];
extern const struct virtio_driver *const __virtio_drivers_end[];

const struct virtio_driver *virtio_find_driver(u32 device_id)
{
	const struct virtio_driver *const *d;

	for (d = __virtio_drivers_start; d < __virtio_drivers_end; d++)
		if ((*d)->device_id == device_id)
			return *d;
	return NULL;
}

static void add_status(struct virtio_device *vdev, u8 bits)
{
	vdev->ops->set_status(vdev, vdev->ops->get_status(vdev) | bits);
}

int virtio_bind(struct virtio_device *vdev)
{
	const struct virtio_driver *drv = virtio_find_driver(vdev->id);
	int err;

	vdev->ops->set_status(vdev, 0);
	add_status(vdev, VIRTIO_STATUS_ACKNOWLEDGE);
	if (!drv) {
		dev_info(vdev->dev, "virtio device %u (%s), no driver for it\n", (unsigned int)vdev->id,
			 vdev->legacy ? "legacy" : "modern");
		vdev->ops->set_status(vdev, 0);
		return 0;
	}
	vdev->driver = drv;
	add_status(vdev, VIRTIO_STATUS_DRIVER);
	err = drv->probe(vdev);
	if (err) {
		add_status(vdev, VIRTIO_STATUS_FAILED);
		vdev->driver = NULL;
	}
	return err;
}

int virtio_negotiate(struct virtio_device *vdev, u64 wanted)
{
	u64 offered = vdev->ops->get_features(vdev);

	if (!vdev->legacy) {
		if (!(offered & BIT_ULL(VIRTIO_F_VERSION_1))) {
			vdev_err(vdev, "modern device without VIRTIO_F_VERSION_1\n");
			return -ENODEV;
		}
		wanted |= BIT_ULL(VIRTIO_F_VERSION_1);
	} else {
		wanted &= 0xffffffffu;	/* a legacy device has 32 feature bits */
	}
	vdev->features = offered & wanted;
	return vdev->ops->finalize_features(vdev);
}

struct virtqueue *virtio_find_vq(struct virtio_device *vdev, unsigned int index,
				 void (*callback)(struct virtqueue *vq), const char *name)
{
	struct virtqueue *vq;

	if (index >= VIRTIO_MAX_VQS)
		return ERR_PTR(-EINVAL);
	vq = vdev->ops->setup_vq(vdev, index, callback, name);
	if (!IS_ERR(vq))
		vdev->vqs[index] = vq;
	return vq;
}

void virtio_device_ready(struct virtio_device *vdev)
{
	add_status(vdev, VIRTIO_STATUS_DRIVER_OK);
}

u8 virtio_cread8(struct virtio_device *vdev, unsigned int offset)
{
	u8 v;

	vdev->ops->read_config(vdev, offset, &v, sizeof(v));
	return v;
}

u16 virtio_cread16(struct virtio_device *vdev, unsigned int offset)
{
	u16 v;

	vdev->ops->read_config(vdev, offset, &v, sizeof(v));
	return v;
}

u32 virtio_cread32(struct virtio_device *vdev, unsigned int offset)
{
	u32 v;

	vdev->ops->read_config(vdev, offset, &v, sizeof(v));
	return v;
}

u64 virtio_cread64(struct virtio_device *vdev, unsigned int offset)
{
	u64 v;

	vdev->ops->read_config(vdev, offset, &v, sizeof(v));
	return v;
}
