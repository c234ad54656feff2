// SPDX-License-Identifier: MIT
/*
 * The archives the boot unpacks: the one linked into the kernel
 * (usr/initramfs_data.S), then the external initrd a boot loader or
 * QEMU's -initrd placed in RAM and named in /chosen
 * (linux,initrd-start, linux,initrd-end: one or two cells each), over
 * it, as Linux does.  memblock reserved the initrd's range at boot
 * ("initrd"), so nothing has overwritten it.
 */
#include <asm/page.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/init.h>
#include <tern/initramfs.h>
#include <tern/memblock.h>
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

int initrd_find(const void **start, size_t *size)
{
	int chosen = boot_fdt_valid() ? fdt_path_offset(&boot_fdt, "/chosen") : -1;
	u64 s, e;

	if (chosen < 0 || !chosen_addr(chosen, "linux,initrd-start", &s))
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

/*
 * Until the VFS mounts a root and unpacks into it, the boot reads the
 * archives once without operations: a corrupt one is reported here, by
 * offset and reason, and the boot goes on.
 */
static int initramfs_check(void)
{
	unpack_initramfs(NULL);
	return 0;
}
late_initcall(initramfs_check);
