// SPDX-License-Identifier: MIT
/* root= and rootfstype=: every branch of the decision (the boot's own is a boot check). */
#include <tern/ktest.h>
#include <tern/root_dev.h>
#include <tern/string.h>

static char msg[200];

static void no_root_is_the_initramfs(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, root_decide("", "", false, false, msg, sizeof(msg)), ROOT_INITRAMFS);
	KTEST_EXPECT_EQ(t, msg[0], 0);
	KTEST_EXPECT_EQ(t, root_decide("", "ramfs", false, true, msg, sizeof(msg)),
			ROOT_INITRAMFS);
	KTEST_EXPECT_EQ(t, root_decide("", "rootfs", false, false, msg, sizeof(msg)),
			ROOT_INITRAMFS);
}

static void a_missing_device_is_named(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, root_decide("/dev/vdz9", "", false, false, msg, sizeof(msg)),
			ROOT_NO_DEVICE);
	KTEST_EXPECT_STREQ(t, msg, "VFS: Cannot open root device \"vdz9\": no such block "
			   "device; booting from the initramfs");
}

static void uuids_labels_and_numbers_need_a_table(struct ktest *t)
{
	static const char *const forms[] = { "PARTUUID=1234-01", "UUID=abcd", "LABEL=root",
					     "8:1" };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(forms); i++) {
		/* Even a device that would exist: the name cannot be resolved. */
		KTEST_EXPECT_EQ(t, root_decide(forms[i], "", true, false, msg, sizeof(msg)),
				ROOT_NO_DEVICE);
		KTEST_EXPECT(t, strstr(msg, forms[i]) && strstr(msg, "not done yet"));
	}
	KTEST_EXPECT(t, !root_needs_lookup_table("vda1"));
	KTEST_EXPECT(t, !root_needs_lookup_table("/dev/vda1"));
}

static void a_present_device_has_no_filesystem_yet(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, root_decide("/dev/vda1", "ext2", true, false, msg, sizeof(msg)),
			ROOT_NO_DISK_FS);
	KTEST_EXPECT_STREQ(t, msg, "VFS: Cannot mount root device \"vda1\" as ext2: no disk "
			   "filesystem yet (FAT and ext2 come with the filesystem work); booting "
			   "from the initramfs");
	KTEST_EXPECT_EQ(t, root_decide("vda", "", true, false, msg, sizeof(msg)),
			ROOT_NO_DISK_FS);
	KTEST_EXPECT(t, strstr(msg, "\"vda\": no disk filesystem yet"));
}

static void a_wrong_fstype_is_named(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, root_decide("", "proc", false, true, msg, sizeof(msg)),
			ROOT_BAD_FSTYPE);
	KTEST_EXPECT(t, strstr(msg, "rootfstype=proc: not a filesystem the root can be"));
	KTEST_EXPECT_EQ(t, root_decide("", "btrfs", false, false, msg, sizeof(msg)),
			ROOT_BAD_FSTYPE);
	KTEST_EXPECT(t, strstr(msg, "rootfstype=btrfs: no such filesystem"));
}

KTEST_SUITE(root_dev,
	    KTEST_CASE(no_root_is_the_initramfs),
	    KTEST_CASE(a_missing_device_is_named),
	    KTEST_CASE(uuids_labels_and_numbers_need_a_table),
	    KTEST_CASE(a_present_device_has_no_filesystem_yet),
	    KTEST_CASE(a_wrong_fstype_is_named));
