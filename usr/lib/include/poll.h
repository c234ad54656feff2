/* SPDX-License-Identifier: MIT */
/* <poll.h>: poll(2) over ppoll, Linux's event bits. */
#ifndef _POLL_H_
#define _POLL_H_
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLWRNORM	0x0100
struct pollfd {
	int fd;
	short events;
	short revents;
};
typedef unsigned long nfds_t;
int poll(struct pollfd *fds, nfds_t n, int timeout_ms);
#endif
