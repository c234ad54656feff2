// SPDX-License-Identifier: MIT
/*
 * Unpacking a cpio archive through the VFS's operations: names checked
 * and normalized, hard links joined, device nodes handed on or skipped.
 * Pure logic (host-tested); the archives the boot unpacks are found in
 * initramfs_boot.c.  The contract is in include/tern/initramfs.h.
 */
#include <tern/compiler.h>
#include <tern/errno.h>
#include <tern/initramfs.h>
#include <tern/printk.h>
#include <tern/string.h>

/* One unpack at a time: the boot, then tests (see the header). */
static char path_buf[INITRAMFS_PATH_MAX];
static char aux_buf[INITRAMFS_PATH_MAX];	/* a link's first name, a symlink's target */

struct link_slot {
	u32 ino, major, minor;
	const char *name;	/* the first name, raw, inside the archive */
};

struct unpack {
	const struct initramfs_ops *ops;
	struct initramfs_stats *st;
	struct link_slot links[INITRAMFS_LINKS_MAX];
	unsigned int nr_links;
	unsigned int archive;	/* the link table belongs to this archive */
	bool links_full_said;
};

/*
 * Writes name as "/a/b" into out: leading slashes and "." or empty
 * components dropped.  0; 1 for the root itself; -EINVAL for an empty
 * name or a ".." component; -ENAMETOOLONG when it does not fit.
 */
static int normalize(const char *name, char *out, size_t size)
{
	size_t o = 0;
	const char *p = name, *end;

	if (!*name)
		return -EINVAL;
	while (*p) {
		size_t len;

		while (*p == '/')
			p++;
		end = strchr(p, '/');
		if (!end)
			end = p + strlen(p);
		len = (size_t)(end - p);
		if (len == 2 && p[0] == '.' && p[1] == '.')
			return -EINVAL;
		if (len && !(len == 1 && p[0] == '.')) {
			if (o + 1 + len + 1 > size)
				return -ENAMETOOLONG;
			out[o++] = '/';
			memcpy(out + o, p, len);
			o += len;
		}
		p = end;
	}
	out[o] = '\0';
	return o ? 0 : 1;
}

/* The first name of e's inode in this archive, or NULL (then remembered). */
static const char *link_first_name(struct unpack *u, const struct cpio_entry *e)
{
	unsigned int i;

	if (e->archive != u->archive) {
		u->archive = e->archive;	/* Linux forgets links at each TRAILER!!! */
		u->nr_links = 0;
	}
	for (i = 0; i < u->nr_links; i++) {
		const struct link_slot *s = &u->links[i];

		if (s->ino == e->ino && s->major == e->dev_major && s->minor == e->dev_minor)
			return s->name;
	}
	if (u->nr_links < INITRAMFS_LINKS_MAX)
		u->links[u->nr_links++] = (struct link_slot){ e->ino, e->dev_major,
							       e->dev_minor, e->name };
	else if (!u->links_full_said) {
		u->links_full_said = true;
		pr_warn("initramfs: more than %d hard-linked files: later ones become copies\n",
			INITRAMFS_LINKS_MAX);
	}
	return NULL;
}

static int unpack_file(struct unpack *u, const char *path, const struct cpio_entry *e)
{
	const char *first = e->nlink > 1 ? link_first_name(u, e) : NULL;

	if (first && normalize(first, aux_buf, sizeof(aux_buf)) == 0) {
		u->st->links++;
		return u->ops ? u->ops->link(u->ops->data, path, aux_buf, e) : 0;
	}
	u->st->files++;
	return u->ops ? u->ops->create(u->ops->data, path, e) : 0;
}

static int unpack_symlink(struct unpack *u, const char *path, const struct cpio_entry *e)
{
	if (!e->size || e->size >= sizeof(aux_buf) || memchr(e->data, 0, e->size)) {
		pr_warn("initramfs: %s: symlink target empty, too long or with a NUL: skipped\n",
			path);
		u->st->skipped++;
		return 0;
	}
	memcpy(aux_buf, e->data, e->size);
	aux_buf[e->size] = '\0';
	u->st->symlinks++;
	return u->ops ? u->ops->symlink(u->ops->data, path, aux_buf, e) : 0;
}

static int unpack_node(struct unpack *u, const char *path, const struct cpio_entry *e)
{
	if (u->ops && !u->ops->mknod) {
		pr_info("initramfs: %s: device node or FIFO skipped (no mknod)\n", path);
		u->st->skipped++;
		return 0;
	}
	u->st->nodes++;
	return u->ops ? u->ops->mknod(u->ops->data, path, e) : 0;
}

static void unpack_entry(struct unpack *u, const struct cpio_entry *e)
{
	int err = normalize(e->name, path_buf, sizeof(path_buf));

	if (err == 1)
		return;			/* "." : the root exists */
	if (err) {
		pr_warn("initramfs: entry at offset %zu: name \"%s\" %s: skipped\n", e->offset,
			e->name, err == -EINVAL ? "is empty or has \"..\"" : "too long");
		u->st->skipped++;
		return;
	}
	switch (e->mode & CPIO_S_IFMT) {
	case CPIO_S_IFDIR:
		u->st->dirs++;
		err = u->ops ? u->ops->mkdir(u->ops->data, path_buf, e) : 0;
		break;
	case CPIO_S_IFREG:
		err = unpack_file(u, path_buf, e);
		break;
	case CPIO_S_IFLNK:
		err = unpack_symlink(u, path_buf, e);
		break;
	default:
		err = unpack_node(u, path_buf, e);
		break;
	}
	if (err) {
		pr_warn("initramfs: %s: error %d\n", path_buf, err);
		u->st->failed++;
	}
}

int initramfs_unpack_buffer(const void *buf, size_t size, const struct initramfs_ops *ops,
			    struct initramfs_stats *stats)
{
	static struct unpack u;		/* one caller at a time */
	struct initramfs_stats local;
	struct cpio_reader r;
	struct cpio_entry e;
	int ret;

	memset(&u, 0, sizeof(u));
	memset(&local, 0, sizeof(local));
	u.ops = ops;
	u.st = stats ? stats : &local;
	memset(u.st, 0, sizeof(*u.st));
	cpio_reader_init(&r, buf, size);
	while ((ret = cpio_next(&r, &e)) == 1)
		unpack_entry(&u, &e);
	if (ret) {
		pr_err("Initramfs unpacking failed: %s\n", r.error);
		return ret;
	}
	return 0;
}
