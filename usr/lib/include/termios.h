/* SPDX-License-Identifier: MIT */
/* <termios.h>: Linux's struct termios and flags (the kernel's uapi). */
#ifndef _TERMIOS_H_
#define _TERMIOS_H_

#include <sys/types.h>
#include <uapi/asm-generic/termbits.h>
#include <uapi/asm-generic/ioctls.h>

#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);
int tcflush(int fd, int queue);
void cfmakeraw(struct termios *t);
speed_t cfgetospeed(const struct termios *t);
speed_t cfgetispeed(const struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
pid_t tcgetsid(int fd);

#endif
