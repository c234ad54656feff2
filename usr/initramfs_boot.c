// SPDX-License-Identifier: MIT
/*
 * The archives the boot unpacks: the one linked into the kernel
 * (usr/initramfs_data.S), then the external initrd a boot loader or
 * QEMU's -initrd placed in RAM and named in /chosen
 * (linux,initrd-start, linux,initrd-end: one or two cells each), over
 * it, as Linux does.  memblock reserved the initrd's range at boot
 * ("initrd"), so nothing has overwritten it; once unpacked into the root,
 * its whole pages go to the page allocator ("Freeing initrd memory"),
 * and initrd_find answers -ENOENT from then on.
 */
#include <asm/page.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/init.h>
#include <tern/initramfs.h>
#include <tern/err.h>
#include <tern/fs.h>
#include <tern/memblock.h>
#include <tern/namei.h>
#include <tern/pgalloc.h>
#include <tern/printk.h>

extern const u8 __initramfs_start[], __initramfs_end[];

const void *initramfs_start(void)
{
	return __initramfs_start;
}

size_t initramfs_size(void)
{
	return (size_t)(__initramfs_end - __initramfs_start);
}

/* A one- or two-cell /chosen property; false when absent or malformed. */
static bool chosen_addr(int chosen, const char *name, u64 *out)
{
	int len;
	const u8 *p = fdt_getprop(&boot_fdt, chosen, name, &len);

	if (!p || (len != 4 && len != 8))
		return false;
	*out = len == 8 ? (u64)fdt_read_u32(p) << 32 | fdt_read_u32(p + 4) : fdt_read_u32(p);
	return true;
}

static bool initrd_freed;		/* set once, by populate_rootfs, before any process */
struct initrd_free_report initrd_free_report;

int initrd_find(const void **start, size_t *size)
{
	int chosen = boot_fdt_valid() ? fdt_path_offset(&boot_fdt, "/chosen") : -1;
	u64 s, e;

	if (initrd_freed || chosen < 0 || !chosen_addr(chosen, "linux,initrd-start", &s))
		return -ENOENT;
	if (!chosen_addr(chosen, "linux,initrd-end", &e) || e <= s)
		return -EINVAL;
	if (!pfn_is_linear(s >> PAGE_SHIFT) || !pfn_is_linear((e - 1) >> PAGE_SHIFT) ||
	    !memblock_is_reserved((phys_addr_t)s) || !memblock_is_reserved((phys_addr_t)(e - 1)))
		return -ERANGE;
	*start = __va((phys_addr_t)s);
	*size = (size_t)(e - s);
	return 0;
}

static int unpack_one(const char *what, const void *buf, size_t size,
		      const struct initramfs_ops *ops)
{
	struct initramfs_stats st;
	int err = initramfs_unpack_buffer(buf, size, ops, &st);

	if (!err)
		pr_info("%s: %zu bytes: %u directories, %u files, %u symlinks, "
			"%u hard links, %u nodes; %u skipped, %u failed\n",
			what, size, st.dirs, st.files, st.symlinks, st.links, st.nodes,
			st.skipped, st.failed);
	return err;
}

int unpack_initramfs(const struct initramfs_ops *ops)
{
	const void *initrd;
	size_t size;
	int err = unpack_one("initramfs", initramfs_start(), initramfs_size(), ops);
	int found = initrd_find(&initrd, &size);

	if (found == -EINVAL || found == -ERANGE)
		pr_err("initrd: /chosen linux,initrd-start/-end %s: ignored\n",
		       found == -EINVAL ? "malformed" : "outside reserved RAM in the linear map");
	if (!found)
		err = unpack_one("initrd", initrd, size, ops) ?: err;
	return err;
}

/* ---- unpacking into the root filesystem (the VFS's kernel-side calls) ---- */

/* Owner, permission bits and mtime as the archive says (kernel threads create with umask 022). */
static int set_attributes(const char *path, const struct cpio_entry *e, bool follows)
{
	int err = vfs_chown_path(path, e->uid, e->gid);

	if (!err && follows)
		err = vfs_chmod_path(path, e->mode & 07777);
	return err ?: vfs_utimes_path(path, e->mtime);
}

static int rootfs_mkdir(void *data, const char *path, const struct cpio_entry *e)
{
	int err = vfs_mkdir_path(path, e->mode & 07777);

	(void)data;
	if (err && err != -EEXIST)
		return err;
	return set_attributes(path, e, true);
}

/* Writes the entry's data into f from offset 0: 0 or -errno. */
static int write_data(struct file *f, const struct cpio_entry *e)
{
	const char *p = e->data;
	size_t left = e->size;
	loff_t pos = 0;

	while (left) {
		ssize_t n = kernel_write(f, p, left, &pos);

		if (n <= 0)
			return n ? (int)n : -EIO;
		p += n;
		left -= (size_t)n;
	}
	return 0;
}

static int rootfs_create(void *data, const char *path, const struct cpio_entry *e)
{
	struct file *f = filp_open(path, O_CREAT | O_WRONLY | O_TRUNC, e->mode & 07777);
	int err;

	(void)data;
	if (IS_ERR(f))
		return (int)PTR_ERR(f);
	err = write_data(f, e);
	fput(f);
	return err ?: set_attributes(path, e, true);
}

static int rootfs_symlink(void *data, const char *path, const char *target,
			  const struct cpio_entry *e)
{
	int err = vfs_symlink_path(target, path);

	(void)data;
	return err ?: set_attributes(path, e, false);
}

static int rootfs_link(void *data, const char *path, const char *existing,
		       const struct cpio_entry *e)
{
	struct file *f;
	int err = vfs_link_path(existing, path);

	(void)data;
	if (err || !e->size)
		return err;
	f = filp_open(path, O_WRONLY | O_TRUNC, 0);
	if (IS_ERR(f))
		return (int)PTR_ERR(f);
	err = write_data(f, e);
	fput(f);
	return err;
}

static int rootfs_mknod(void *data, const char *path, const struct cpio_entry *e)
{
	int err = vfs_mknod_path(path, e->mode, MKDEV(e->rdev_major, e->rdev_minor));

	(void)data;
	return err ?: set_attributes(path, e, true);
}

static const struct initramfs_ops rootfs_ops = {
	.mkdir = rootfs_mkdir,
	.create = rootfs_create,
	.symlink = rootfs_symlink,
	.link = rootfs_link,
	.mknod = rootfs_mknod,
};

/*
 * The initrd is in the root now: its pages go back, as Linux's
 * free_initrd_mem does (the pages it shares at either end stay reserved).
 */
static void free_initrd(void)
{
	struct pgalloc_stats before, after;
	const void *start;
	size_t size;
	long pages;

	if (initrd_find(&start, &size))
		return;
	pgalloc_get_stats(&before);
	pages = pgalloc_free_reserved(__pa(start), __pa(start) + size);
	pgalloc_get_stats(&after);
	initrd_freed = true;
	if (pages < 0) {
		pr_info("initrd: %zu bytes kept: %s\n", size, pages == -EOPNOTSUPP ?
			"this page allocator never takes memory back" : "not in the allocator's memory");
		return;
	}
	initrd_free_report = (struct initrd_free_report){
		.pages = (unsigned long)pages,
		.total_before = before.total_pages, .total_after = after.total_pages,
		.free_before = before.free_pages, .free_after = after.free_pages,
	};
	pr_info("Freeing initrd memory: %luK\n", (unsigned long)pages * (PAGE_SIZE / 1024));
}

/*
 * After the VFS mounted the root (subsys level) and before the first
 * process: the archives' trees go into it.  Without a root filesystem
 * (FS_RAMFS off) they are only read, so that a corrupt one is still
 * reported by offset and reason.
 */
static int populate_rootfs(void)
{
	struct path root;

	if (kern_path("/", 0, &root)) {
		pr_warn("initramfs: no root filesystem to unpack into: only checked\n");
		unpack_initramfs(NULL);
		return 0;
	}
	path_put(&root);
	unpack_initramfs(&rootfs_ops);
	free_initrd();
	return 0;
}
device_initcall(populate_rootfs);
