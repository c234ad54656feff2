/* SPDX-License-Identifier: MIT */
/* Path limits of the Linux ABI (see path_resolution(7)). */
#ifndef _UAPI_LINUX_LIMITS_H
#define _UAPI_LINUX_LIMITS_H

#define NAME_MAX	255	/* bytes in a path component, without NUL */
#define PATH_MAX	4096	/* bytes in a path, with its NUL */
#define PIPE_BUF	4096	/* writes up to this size to a pipe are atomic */
#define MAXSYMLINKS	40	/* symlinks followed in one path walk */

#endif
