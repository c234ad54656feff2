/* SPDX-License-Identifier: MIT */
/* <signal.h>: Linux's signals (see <sys/signal.h>). */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_
#include <sys/signal.h>
#endif
