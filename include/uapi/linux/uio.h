/* SPDX-License-Identifier: MIT */
/* readv(2)/writev(2) segments. */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H

#include <stddef.h>

struct iovec {
	void *iov_base;		/* a user address */
	size_t iov_len;
};

#define UIO_MAXIOV	1024

#endif
