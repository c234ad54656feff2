/* SPDX-License-Identifier: MIT */
/*
 * Terminal ioctl numbers as Linux has them on RISC-V (asm-generic), from
 * ioctl_tty(2).  The old ones are plain 'T' numbers; the termios2 ones
 * are _IOR/_IOW encoded with the 44-byte struct termios2
 * (dir << 30 | size << 16 | 'T' << 8 | nr; read = 2, write = 1).
 */
#ifndef UAPI_ASM_GENERIC_IOCTLS_H
#define UAPI_ASM_GENERIC_IOCTLS_H

#define TCGETS		0x5401	/* struct termios * out */
#define TCSETS		0x5402	/* struct termios * in: now */
#define TCSETSW		0x5403	/* ... after output drains */
#define TCSETSF		0x5404	/* ... after output drains, input flushed */
#define TCGETA		0x5405
#define TCSETA		0x5406
#define TCSETAW		0x5407
#define TCSETAF		0x5408
#define TCSBRK		0x5409
#define TCXONC		0x540A
#define TCFLSH		0x540B	/* int: TCIFLUSH, TCOFLUSH, TCIOFLUSH */
#define TIOCEXCL	0x540C
#define TIOCNXCL	0x540D
#define TIOCSCTTY	0x540E	/* int: steal */
#define TIOCGPGRP	0x540F	/* pid_t * out: foreground process group */
#define TIOCSPGRP	0x5410	/* pid_t * in */
#define TIOCOUTQ	0x5411	/* int * out: bytes not yet sent */
#define TIOCSTI		0x5412
#define TIOCGWINSZ	0x5413	/* struct winsize * out */
#define TIOCSWINSZ	0x5414	/* struct winsize * in */
#define TIOCMGET	0x5415
#define TIOCMBIS	0x5416
#define TIOCMBIC	0x5417
#define TIOCMSET	0x5418
#define TIOCGSOFTCAR	0x5419
#define TIOCSSOFTCAR	0x541A
#define FIONREAD	0x541B	/* int * out: bytes readable now */
#define TIOCINQ		FIONREAD
#define TIOCLINUX	0x541C
#define TIOCCONS	0x541D
#define FIONBIO		0x5421
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429	/* pid_t * out: session */
#define TCGETS2		0x802C542A	/* _IOR('T', 0x2A, struct termios2) */
#define TCSETS2		0x402C542B	/* _IOW('T', 0x2B, struct termios2) */
#define TCSETSW2	0x402C542C
#define TCSETSF2	0x402C542D

#endif
