/* SPDX-License-Identifier: MIT */
/*
 * devfs (fs/devfs/): the device nodes under /dev.  One instance, shared
 * by every mount of it; a driver registers a character device by name and
 * it appears at once (and in every later mount).
 *
 * The node's inode has mode S_IFCHR | (mode & 07777), i_rdev dev, i_fop
 * fops and i_private data: fops->open may copy data to
 * file->private_data.  Opening calls fops->open, then read, write, ioctl,
 * poll and release go to fops as for any file, with no VFS lock held.
 */
#ifndef TERN_DEVFS_H
#define TERN_DEVFS_H

#include <tern/fs.h>

/* 0, -EEXIST (the name is taken), -EINVAL (a '/' in name), -ENOMEM, -ENODEV (no devfs). */
int devfs_register_chrdev(const char *name, umode_t mode, dev_t dev,
			  const struct file_operations *fops, void *data);

/*
 * Removes a node: 0 or -ENOENT.  Files open on it keep working until
 * closed (the driver must outlive them).
 */
int devfs_unregister_chrdev(const char *name);

#endif
