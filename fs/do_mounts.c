// SPDX-License-Identifier: MIT
/*
 * root= and rootfstype=: which filesystem the first process starts in,
 * parsed as Linux parses them (Documentation/filesystems/initramfs.md).
 *
 * Today the root is always the initramfs unpacked into ramfs (Kconfig
 * "Root filesystem"), because no disk filesystem exists yet.  A root=
 * naming a block device is looked up once the devices are bound; when
 * the kernel cannot mount it, it says exactly why and boots from the
 * initramfs.  Linux panics there instead ("VFS: Unable to mount root
 * fs"), because without a root it has nothing to run; Tern always has
 * the initramfs, and a board whose disk cannot be mounted yet stays
 * usable, with the reason in the log.
 */
#include <tern/blkdev.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include <tern/params.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/root_dev.h>
#include <tern/slab.h>
#include <tern/string.h>

static char root_name[64];		/* root=, "" if absent; set before the initcalls */
static char root_fstype[32];		/* rootfstype=, "" if absent */
enum root_choice root_choice;		/* what the boot decided (late initcall) */

static int copy_param(char *dst, size_t size, const char *value, size_t len)
{
	if (!value || !len || len >= size)
		return -EINVAL;
	memcpy(dst, value, len);
	dst[len] = '\0';
	return 0;
}

static int root_setup(const char *value, size_t len)
{
	return copy_param(root_name, sizeof(root_name), value, len);
}
__setup("root=", root_setup);

static int rootfstype_setup(const char *value, size_t len)
{
	return copy_param(root_fstype, sizeof(root_fstype), value, len);
}
__setup("rootfstype=", rootfstype_setup);

/* "/dev/vda1" and "vda1" name the same device; other forms need what Tern lacks. */
const char *root_dev_name(const char *root)
{
	return strncmp(root, "/dev/", 5) ? root : root + 5;
}

bool root_needs_lookup_table(const char *root)
{
	const char *colon = strchr(root, ':');

	return !strncmp(root, "PARTUUID=", 9) || !strncmp(root, "UUID=", 5) ||
	       !strncmp(root, "LABEL=", 6) || !strncmp(root, "PARTLABEL=", 10) ||
	       (colon && colon != root && root[0] >= '0' && root[0] <= '9');
}

/* May rootfstype= name the initramfs?  Its filesystem, or Linux's names for it. */
static bool is_initramfs_type(const char *t)
{
	return !strcmp(t, "ramfs") || !strcmp(t, "rootfs") || !strcmp(t, "initramfs") ||
	       !strcmp(t, "tmpfs");
}

enum root_choice root_decide(const char *root, const char *fstype, bool dev_exists,
			     bool fstype_known, char *msg, size_t len)
{
	const char *dev = root_dev_name(root);

	msg[0] = '\0';
	if (!*root) {
		if (!*fstype || is_initramfs_type(fstype))
			return ROOT_INITRAMFS;
		snprintf(msg, len, "VFS: rootfstype=%s: %s; booting from the initramfs", fstype,
			 fstype_known ? "not a filesystem the root can be (only the initramfs "
					"in ramfs is)" : "no such filesystem");
		return ROOT_BAD_FSTYPE;
	}
	if (root_needs_lookup_table(root)) {
		snprintf(msg, len, "VFS: Cannot open root device \"%s\": lookup by UUID, label "
			 "or device number is not done yet; booting from the initramfs", root);
		return ROOT_NO_DEVICE;
	}
	if (!dev_exists) {
		snprintf(msg, len, "VFS: Cannot open root device \"%s\": no such block device; "
			 "booting from the initramfs", dev);
		return ROOT_NO_DEVICE;
	}
	snprintf(msg, len, "VFS: Cannot mount root device \"%s\"%s%s: no disk filesystem yet "
		 "(FAT and ext2 come with the filesystem work); booting from the initramfs",
		 dev, *fstype ? " as " : "", fstype);
	return ROOT_NO_DISK_FS;
}

/* After the devices are bound: the decision, said once. */
static int check_root(void)
{
	const char *dev = root_dev_name(root_name);
	bool exists = *root_name && !root_needs_lookup_table(root_name) &&
		      IS_ENABLED(CONFIG_BLOCK) && blkdev_get_by_name(dev);
	char msg[200];

	root_choice = root_decide(root_name, root_fstype, exists,
				  *root_fstype && get_fs_type(root_fstype), msg, sizeof(msg));
	if (root_choice != ROOT_INITRAMFS)
		pr_err("%s\n", msg);
	return 0;
}
late_initcall(check_root);
