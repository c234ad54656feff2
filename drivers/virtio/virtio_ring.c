// SPDX-License-Identifier: MIT
/*
 * Split virtqueues (virtio 1.2, 2.7): a descriptor table, the available
 * ring the driver fills and the used ring the device fills, in one
 * physically contiguous block laid out as legacy devices require:
 *
 *	desc[num] (16 bytes each) | avail: flags idx ring[num] used_event
 *	... padding to the next page ...
 *	used: flags idx ring[num] of {id, len} avail_event
 *
 * Modern devices take the three addresses separately and accept the same
 * layout.  Free descriptors form a list through their next fields, from
 * free_head.  Every field is little-endian, as the harts are.
 */
#include <asm/page.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/io.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/virtio.h>

#define VRING_DESC_F_NEXT	1
#define VRING_DESC_F_WRITE	2

struct vring_desc {
	u64 addr;		/* physical */
	u32 len;
	u16 flags;
	u16 next;
};

struct vring_avail {
	u16 flags;
	u16 idx;
	u16 ring[];
};

struct vring_used_elem {
	u32 id;
	u32 len;
};

struct vring_used {
	u16 flags;
	u16 idx;
	struct vring_used_elem ring[];
};

static size_t vring_used_offset(unsigned int num)
{
	size_t avail_end = 16 * num + 6 + 2 * num;

	return (avail_end + PAGE_SIZE - 1) & PAGE_MASK;
}

static size_t vring_size(unsigned int num)
{
	return vring_used_offset(num) + 6 + 8 * num;
}

static unsigned int order_for(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

struct virtqueue *virtqueue_alloc(struct virtio_device *vdev, unsigned int index,
				  unsigned int num, void (*callback)(struct virtqueue *vq),
				  const char *name)
{
	struct virtqueue *vq;
	unsigned int i;

	if (!num || (num & (num - 1)) || num > 32768)
		return ERR_PTR(-EINVAL);
	vq = kzalloc(sizeof(*vq), GFP_KERNEL);
	if (!vq)
		return ERR_PTR(-ENOMEM);
	vq->tokens = kzalloc(num * sizeof(void *), GFP_KERNEL);
	vq->ring_order = order_for(vring_size(num));
	vq->ring_mem = alloc_pages(GFP_KERNEL | __GFP_ZERO, vq->ring_order);
	if (!vq->tokens || !vq->ring_mem) {
		virtqueue_free(vq);
		return ERR_PTR(-ENOMEM);
	}
	vq->vdev = vdev;
	vq->index = index;
	vq->num = num;
	vq->name = name;
	vq->callback = callback;
	spin_lock_init(&vq->lock);
	vq->desc = vq->ring_mem;
	vq->avail = (struct vring_avail *)((char *)vq->ring_mem + 16 * num);
	vq->used = (struct vring_used *)((char *)vq->ring_mem + vring_used_offset(num));
	for (i = 0; i + 1 < num; i++)
		vq->desc[i].next = i + 1;
	vq->free_head = 0;
	vq->num_free = num;
	return vq;
}

void virtqueue_free(struct virtqueue *vq)
{
	if (!vq)
		return;
	if (vq->ring_mem)
		free_pages(vq->ring_mem, vq->ring_order);
	kfree(vq->tokens);
	kfree(vq);
}

int virtqueue_add(struct virtqueue *vq, const struct vq_buf *bufs, unsigned int out,
		  unsigned int in, void *token)
{
	unsigned int n = out + in, i;
	unsigned long flags;
	u16 head, d;

	if (!n || n > vq->num || !token)
		return -EINVAL;
	flags = spin_lock_irqsave(&vq->lock);
	if (vq->num_free < n) {
		spin_unlock_irqrestore(&vq->lock, flags);
		return -ENOSPC;
	}
	head = d = vq->free_head;
	for (i = 0; i < n; i++) {
		struct vring_desc *desc = &vq->desc[d];

		desc->addr = __pa(bufs[i].addr);
		desc->len = bufs[i].len;
		desc->flags = (i >= out ? VRING_DESC_F_WRITE : 0) |
			      (i + 1 < n ? VRING_DESC_F_NEXT : 0);
		d = desc->next;
	}
	vq->free_head = d;
	vq->num_free -= n;
	vq->tokens[head] = token;
	vq->avail->ring[vq->avail->idx & (vq->num - 1)] = head;
	/* The entry is visible before the index that publishes it. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	vq->avail->idx++;
	spin_unlock_irqrestore(&vq->lock, flags);
	return 0;
}

void virtqueue_kick(struct virtqueue *vq)
{
	/* writel orders the ring writes before the doorbell. */
	vq->vdev->ops->notify(vq);
}

/* Returns the chain from head to the free list. */
static void detach_chain(struct virtqueue *vq, u16 head)
{
	u16 d = head;
	unsigned int n = 1;

	while (vq->desc[d].flags & VRING_DESC_F_NEXT) {
		d = vq->desc[d].next;
		n++;
	}
	vq->desc[d].next = vq->free_head;
	vq->free_head = head;
	vq->num_free += n;
}

void *virtqueue_get_buf(struct virtqueue *vq, u32 *len)
{
	unsigned long flags = spin_lock_irqsave(&vq->lock);
	struct vring_used_elem *e;
	void *token = NULL;
	u16 used_idx = __atomic_load_n(&vq->used->idx, __ATOMIC_ACQUIRE);

	if (used_idx != vq->last_used) {
		e = &vq->used->ring[vq->last_used & (vq->num - 1)];
		if (e->id < vq->num && vq->tokens[e->id]) {
			token = vq->tokens[e->id];
			vq->tokens[e->id] = NULL;
			if (len)
				*len = e->len;
			detach_chain(vq, e->id);
		} else {
			pr_err("virtio %s: queue %s: device returned descriptor %u, not in flight\n",
			       dev_name(vq->vdev->dev), vq->name, (unsigned int)e->id);
		}
		vq->last_used++;
	}
	spin_unlock_irqrestore(&vq->lock, flags);
	return token;
}

unsigned int virtqueue_num_free(struct virtqueue *vq)
{
	return READ_ONCE(vq->num_free);
}

static bool virtqueue_has_used(struct virtqueue *vq)
{
	return __atomic_load_n(&vq->used->idx, __ATOMIC_ACQUIRE) != READ_ONCE(vq->last_used);
}

void virtqueue_interrupt(struct virtqueue *vq)
{
	if (vq->callback && virtqueue_has_used(vq))
		vq->callback(vq);
}

void virtio_poll(struct virtio_device *vdev)
{
	unsigned int i;

	for (i = 0; i < VIRTIO_MAX_VQS; i++)
		if (vdev->vqs[i])
			virtqueue_interrupt(vdev->vqs[i]);
}
