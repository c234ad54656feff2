/* SPDX-License-Identifier: MIT */
/* root= and rootfstype= (fs/do_mounts.c, Documentation/filesystems/initramfs.md). */
#ifndef TERN_ROOT_DEV_H
#define TERN_ROOT_DEV_H

#include <tern/types.h>

enum root_choice {
	ROOT_INITRAMFS,		/* no root=, or rootfstype= names the initramfs's ramfs */
	ROOT_NO_DEVICE,		/* root= names no block device Tern can find */
	ROOT_NO_DISK_FS,	/* root= names a block device: no disk filesystem yet */
	ROOT_BAD_FSTYPE,	/* rootfstype= names no filesystem the root can be */
};

/* What the boot decided from the command line (after the late initcalls). */
extern enum root_choice root_choice;

/*
 * The decision for root= (root, "" if absent) and rootfstype= (fstype,
 * "" if absent): dev_exists says whether root names a block device that
 * is there, fstype_known whether fstype is a registered filesystem.
 * Anything but ROOT_INITRAMFS writes the log line saying why into msg.
 * Every choice boots from the initramfs, today.
 */
enum root_choice root_decide(const char *root, const char *fstype, bool dev_exists,
			     bool fstype_known, char *msg, size_t len);

/* root= without "/dev/"; whether it names a device by UUID, label or number. */
const char *root_dev_name(const char *root);
bool root_needs_lookup_table(const char *root);

#endif
