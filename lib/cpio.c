// SPDX-License-Identifier: MIT
/*
 * The cpio "newc" reader: the format and the contract are in
 * include/tern/cpio.h.  Every length read from the archive is checked
 * against what remains before it is added to an offset, so no sum
 * overflows and nothing is read past buf + size.
 */
#include <tern/compiler.h>
#include <tern/cpio.h>
#include <tern/errno.h>
#include <tern/printf.h>
#include <tern/string.h>

#define CPIO_FIELDS	13
#define TRAILER		"TRAILER!!!"

enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_DEVMAJOR, F_DEVMINOR,
       F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK };

static const char *const field_names[CPIO_FIELDS] = {
	"ino", "mode", "uid", "gid", "nlink", "mtime", "filesize", "devmajor", "devminor",
	"rdevmajor", "rdevminor", "namesize", "check",
};

void cpio_reader_init(struct cpio_reader *r, const void *buf, size_t size)
{
	r->buf = buf;
	r->size = size;
	r->pos = 0;
	r->archive = 0;
	r->in_archive = false;
	r->error[0] = '\0';
}

static int cpio_fail(struct cpio_reader *r, size_t offset, const char *what)
{
	snprintf(r->error, sizeof(r->error), "offset %zu: %s", offset, what);
	r->pos = r->size + 1;	/* poisoned: every later call fails */
	return -EINVAL;
}

static int hex_digit(u8 c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The 8 hex digits at p; false if one is not a hex digit. */
static bool parse_hex8(const u8 *p, u32 *out)
{
	u32 v = 0;
	int i, d;

	for (i = 0; i < 8; i++) {
		d = hex_digit(p[i]);
		if (d < 0)
			return false;
		v = v << 4 | (u32)d;
	}
	*out = v;
	return true;
}

/* Offset rounded up to 4, or SIZE_MAX when that would wrap. */
static size_t align4(size_t off)
{
	return off > SIZE_MAX - 3 ? SIZE_MAX : (off + 3) & ~(size_t)3;
}

/* Skips the NULs between archives; false when the buffer ends. */
static bool skip_padding(struct cpio_reader *r)
{
	while (r->pos < r->size && r->buf[r->pos] == 0)
		r->pos++;
	return r->pos < r->size;
}

static int parse_header(struct cpio_reader *r, size_t h, u32 f[CPIO_FIELDS], bool *crc)
{
	char what[48];
	int i;

	if (r->size - h < CPIO_HEADER_SIZE)
		return cpio_fail(r, h, "header cut short by the end of the archive");
	if (memcmp(r->buf + h, "07070", 5) || (r->buf[h + 5] != '1' && r->buf[h + 5] != '2'))
		return cpio_fail(r, h, "bad magic (not 070701 or 070702: not a newc cpio archive)");
	*crc = r->buf[h + 5] == '2';
	for (i = 0; i < CPIO_FIELDS; i++) {
		if (!parse_hex8(r->buf + h + 6 + 8 * i, &f[i])) {
			snprintf(what, sizeof(what), "non-hex digit in field %s", field_names[i]);
			return cpio_fail(r, h + 6 + 8 * (size_t)i, what);
		}
	}
	return 0;
}

/* Checks the name at h + 110 and fills out->name; 0 or -EINVAL. */
static int parse_name(struct cpio_reader *r, size_t h, u32 namesize, struct cpio_entry *out)
{
	size_t name = h + CPIO_HEADER_SIZE;

	if (namesize == 0)
		return cpio_fail(r, h, "name size 0");
	if (namesize > r->size - name)
		return cpio_fail(r, h, "name runs past the end of the archive");
	if (r->buf[name + namesize - 1] != '\0')
		return cpio_fail(r, name, "name not NUL-terminated");
	if (strnlen((const char *)r->buf + name, namesize) != namesize - 1)
		return cpio_fail(r, name, "NUL inside the name");
	out->name = (const char *)r->buf + name;
	out->namesize = namesize;
	return 0;
}

static u32 data_sum(const u8 *p, size_t n)
{
	u32 sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

static void fill_entry(struct cpio_entry *out, const u32 f[CPIO_FIELDS])
{
	out->ino = f[F_INO];
	out->mode = f[F_MODE];
	out->uid = f[F_UID];
	out->gid = f[F_GID];
	out->nlink = f[F_NLINK];
	out->mtime = f[F_MTIME];
	out->dev_major = f[F_DEVMAJOR];
	out->dev_minor = f[F_DEVMINOR];
	out->rdev_major = f[F_RDEVMAJOR];
	out->rdev_minor = f[F_RDEVMINOR];
}

/* One entry at r->pos, TRAILER!!! included; advances r->pos past it. */
static int read_entry(struct cpio_reader *r, struct cpio_entry *out)
{
	size_t h = r->pos, data;
	u32 f[CPIO_FIELDS];
	bool crc = false;
	int err = parse_header(r, h, f, &crc);

	if (!err)
		err = parse_name(r, h, f[F_NAMESIZE], out);
	if (err)
		return err;
	data = align4(h + CPIO_HEADER_SIZE + out->namesize);
	if (data > r->size)
		data = r->size;		/* an unpadded last header: only size 0 fits */
	if (f[F_FILESIZE] > r->size - data)
		return cpio_fail(r, h, "file data runs past the end of the archive");
	/*
	 * Regular files with data only: GNU cpio sums no symlink target, and
	 * gives a hard link's earlier names no data but the file's sum.
	 */
	if (crc && (f[F_MODE] & CPIO_S_IFMT) == CPIO_S_IFREG && f[F_FILESIZE] &&
	    data_sum(r->buf + data, f[F_FILESIZE]) != f[F_CHECK])
		return cpio_fail(r, h, "checksum does not match the data (070702)");
	fill_entry(out, f);
	out->data = r->buf + data;
	out->size = f[F_FILESIZE];
	out->offset = h;
	r->pos = align4(data + out->size);
	if (r->pos > r->size)
		r->pos = r->size;
	return 0;
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *out)
{
	int err;

	for (;;) {
		if (r->pos > r->size)
			return -EINVAL;
		if (!r->in_archive) {
			if (!skip_padding(r))
				return 0;
			if (r->pos & 3)
				return cpio_fail(r, r->pos, "junk between archives (no header at a multiple of 4)");
			r->in_archive = true;
			r->archive++;
		}
		if (r->pos == r->size)
			return cpio_fail(r, r->pos, "archive ends without TRAILER!!!");
		err = read_entry(r, out);
		if (err)
			return err;
		out->archive = r->archive;
		if (strcmp(out->name, TRAILER))
			return 1;
		r->in_archive = false;
	}
}
