// SPDX-License-Identifier: MIT
/*
 * errno: the kernel answers Linux's numbers; picolibc's headers and
 * strerror use newlib's, which agree only up to ERANGE (34).  Every
 * failing call goes through __set_errno_linux, which stores picolibc's.
 */
#include <errno.h>
#include "syscall.h"

static const unsigned char linux_to_picolibc[] = {
	[35] = EDEADLK, [36] = ENAMETOOLONG, [37] = ENOLCK, [38] = ENOSYS,
	[39] = ENOTEMPTY, [40] = ELOOP, [42] = ENOMSG, [43] = EIDRM,
	[60] = ENOSTR, [61] = ENODATA, [62] = ETIME, [63] = ENOSR,
	[67] = ENOLINK, [71] = EPROTO, [72] = EMULTIHOP, [74] = EBADMSG,
	[75] = EOVERFLOW, [84] = EILSEQ, [88] = ENOTSOCK, [89] = EDESTADDRREQ,
	[90] = EMSGSIZE, [91] = EPROTOTYPE, [92] = ENOPROTOOPT, [93] = EPROTONOSUPPORT,
	[95] = EOPNOTSUPP, [97] = EAFNOSUPPORT, [98] = EADDRINUSE, [99] = EADDRNOTAVAIL,
	[100] = ENETDOWN, [101] = ENETUNREACH, [103] = ECONNABORTED, [104] = ECONNRESET,
	[105] = ENOBUFS, [106] = EISCONN, [107] = ENOTCONN, [110] = ETIMEDOUT,
	[111] = ECONNREFUSED, [113] = EHOSTUNREACH, [114] = EALREADY, [115] = EINPROGRESS,
	[116] = ESTALE, [122] = EDQUOT, [125] = ECANCELED, [130] = EOWNERDEAD,
	[131] = ENOTRECOVERABLE,
};

int __errno_from_linux(int e)
{
	if (e <= ERANGE)
		return e;
	if ((unsigned int)e < sizeof(linux_to_picolibc) && linux_to_picolibc[e])
		return linux_to_picolibc[e];
	return e;
}

int __set_errno_linux(int e)
{
	errno = __errno_from_linux(e);
	return -1;
}
