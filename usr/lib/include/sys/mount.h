/* SPDX-License-Identifier: MIT */
/* <sys/mount.h>: mount(2) and umount2(2), Linux's flags. */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H
#include <uapi/linux/mount.h>
int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data);
int umount(const char *target);
int umount2(const char *target, int flags);
#endif
