/* SPDX-License-Identifier: MIT */
/*
 * The records getdents64(2) writes: each one d_reclen bytes long,
 * d_reclen a multiple of 8, d_name NUL-terminated; d_off is the position
 * to lseek to for the entry after this one.
 */
#ifndef _UAPI_LINUX_DIRENT_H
#define _UAPI_LINUX_DIRENT_H

#include "types.h"

struct linux_dirent64 {
	__u64 d_ino;
	__s64 d_off;
	__u16 d_reclen;
	__u8 d_type;
	char d_name[];
};

/* d_type: the file type bits of the mode, shifted right by 12. */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

#endif
