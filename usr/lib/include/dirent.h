/* SPDX-License-Identifier: MIT */
/* <dirent.h>: directories read with getdents64 (usr/lib/dirent.c). */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <sys/types.h>
#include <uapi/linux/dirent.h>	/* DT_* */

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
void rewinddir(DIR *dir);
int dirfd(DIR *dir);

#endif
