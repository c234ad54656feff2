/* SPDX-License-Identifier: MIT */
/*
 * Terminal attributes as Linux lays them out on RISC-V (the asm-generic
 * ABI), written from termios(3), ioctl_tty(2) and the ABI documents, for
 * the TCGETS/TCSETS* and TCGETS2/TCSETS2* ioctls.
 *
 * Two layouts cross the user boundary:
 *
 *   struct termios	TCGETS, TCSETS, TCSETSW, TCSETSF: 36 bytes, no
 *			speed fields (the speed lives in c_cflag & CBAUD).
 *			This is glibc's struct __kernel_termios: tcgetattr
 *			issues TCGETS with it and converts to its own
 *			larger struct termios (NCCS 32, with speeds).
 *	  offset  0  c_iflag  (unsigned int)
 *	  offset  4  c_oflag
 *	  offset  8  c_cflag
 *	  offset 12  c_lflag
 *	  offset 16  c_line   (unsigned char)
 *	  offset 17  c_cc[19] (unsigned char)
 *
 *   struct termios2	TCGETS2, TCSETS2, TCSETSW2, TCSETSF2: the same 36
 *			bytes, then c_ispeed and c_ospeed (unsigned int) at
 *			offsets 36 and 40: 44 bytes.  Used by newer C
 *			libraries for arbitrary speeds (BOTHER).
 *
 * Values are octal where Linux writes them in octal, so they compare
 * line by line with termios(3).  Only fixed-width C types are used: this
 * header is included by the kernel and by host tests.
 */
#ifndef UAPI_ASM_GENERIC_TERMBITS_H
#define UAPI_ASM_GENERIC_TERMBITS_H

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

#define NCCS 19
struct termios {
	tcflag_t c_iflag;		/* input modes */
	tcflag_t c_oflag;		/* output modes */
	tcflag_t c_cflag;		/* control modes */
	tcflag_t c_lflag;		/* local modes */
	cc_t c_line;			/* line discipline (0: N_TTY) */
	cc_t c_cc[NCCS];		/* control characters */
};

struct termios2 {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
	speed_t c_ispeed;		/* input speed (with BOTHER) */
	speed_t c_ospeed;		/* output speed */
};

/* TIOCGWINSZ / TIOCSWINSZ: 8 bytes. */
struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

/* c_cc indices.  A c_cc value of 0 (_POSIX_VDISABLE) disables the function. */
#define VINTR		0
#define VQUIT		1
#define VERASE		2
#define VKILL		3
#define VEOF		4
#define VTIME		5
#define VMIN		6
#define VSWTC		7
#define VSTART		8
#define VSTOP		9
#define VSUSP		10
#define VEOL		11
#define VREPRINT	12
#define VDISCARD	13
#define VWERASE		14
#define VLNEXT		15
#define VEOL2		16

#define _POSIX_VDISABLE	0

/* c_iflag */
#define IGNBRK	0000001
#define BRKINT	0000002
#define IGNPAR	0000004
#define PARMRK	0000010
#define INPCK	0000020
#define ISTRIP	0000040
#define INLCR	0000100
#define IGNCR	0000200
#define ICRNL	0000400
#define IUCLC	0001000
#define IXON	0002000
#define IXANY	0004000
#define IXOFF	0010000
#define IMAXBEL	0020000
#define IUTF8	0040000

/* c_oflag */
#define OPOST	0000001
#define OLCUC	0000002
#define ONLCR	0000004
#define OCRNL	0000010
#define ONOCR	0000020
#define ONLRET	0000040
#define OFILL	0000100
#define OFDEL	0000200

/* c_cflag */
#define CBAUD	0010017
#define B0	0000000
#define B9600	0000015
#define B19200	0000016
#define B38400	0000017
#define CSIZE	0000060
#define CS5	0000000
#define CS6	0000020
#define CS7	0000040
#define CS8	0000060
#define CSTOPB	0000100
#define CREAD	0000200
#define PARENB	0000400
#define PARODD	0001000
#define HUPCL	0002000
#define CLOCAL	0004000
#define CBAUDEX	0010000
#define BOTHER	0010000
#define B57600	0010001
#define B115200	0010002
#define B230400	0010003
#define CIBAUD	002003600000	/* input speed, shifted by IBSHIFT */
#define IBSHIFT	16
#define CRTSCTS	020000000000

/* c_lflag */
#define ISIG	0000001
#define ICANON	0000002
#define XCASE	0000004
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define NOFLSH	0000200
#define TOSTOP	0000400
#define ECHOCTL	0001000
#define ECHOPRT	0002000
#define ECHOKE	0004000
#define FLUSHO	0010000
#define PENDIN	0040000
#define IEXTEN	0100000
#define EXTPROC	0200000

/* tcflush() / TCFLSH */
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2

#endif
