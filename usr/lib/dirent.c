// SPDX-License-Identifier: MIT
/* Directory streams over getdents64: one buffer per open directory. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "syscall.h"

struct __dirstream {
	int fd;
	int pos, len;		/* the unread records are buf[pos..len) */
	struct dirent ent;
	char buf[2048];
};

DIR *fdopendir(int fd)
{
	DIR *d = malloc(sizeof(*d));

	if (!d)
		return 0;
	d->fd = fd;
	d->pos = d->len = 0;
	return d;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return 0;
	d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

struct dirent *readdir(DIR *d)
{
	const struct linux_dirent64 *k;
	size_t namelen;

	if (d->pos >= d->len) {
		long n = __ret(sys3(getdents64, d->fd, d->buf, sizeof(d->buf)));

		if (n <= 0)
			return 0;	/* end (errno kept) or an error (errno set) */
		d->pos = 0;
		d->len = (int)n;
	}
	k = (const struct linux_dirent64 *)(d->buf + d->pos);
	d->pos += k->d_reclen;
	namelen = strnlen(k->d_name, sizeof(d->ent.d_name) - 1);
	d->ent.d_ino = (ino_t)k->d_ino;
	d->ent.d_off = (off_t)k->d_off;
	d->ent.d_reclen = sizeof(d->ent);
	d->ent.d_type = k->d_type;
	memcpy(d->ent.d_name, k->d_name, namelen);
	d->ent.d_name[namelen] = 0;
	return &d->ent;
}

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}

int dirfd(DIR *d) { return d->fd; }

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}
