// SPDX-License-Identifier: MIT
/*
 * Firmware console: the ns16550a UART (8-bit registers, stride 1), the
 * firmware's own printf, and SBI DBCN.  fw_console_lock keeps one caller's
 * output together; only the fatal-trap path writes without it.
 */
#include <stdarg.h>
#include <tern/printf.h>
#include "fw.h"

#define UART_RBR	0	/* receive buffer (read) */
#define UART_THR	0	/* transmit holding (write) */
#define UART_IER	1
#define UART_LCR	3
#define UART_LSR	5
#define UART_LSR_DR	0x01	/* a byte is waiting */
#define UART_LSR_THRE	0x20	/* room to transmit */

#define FW_UART_READY_POLLS	(1 << 16)	/* a real UART is ready at once after reset */

static int fw_console_lock;

static void fw_lock(void)
{
	while (__atomic_exchange_n(&fw_console_lock, 1, __ATOMIC_ACQUIRE))
		;
}

static void fw_unlock(void)
{
	__atomic_store_n(&fw_console_lock, 0, __ATOMIC_RELEASE);
}

/*
 * 8N1, no UART interrupts.  The divisor is left alone: QEMU ignores it,
 * and the kernel's driver programs its own.  So are the FIFOs (off): turning
 * them on empties the receiver, and input may already be waiting there
 * (QEMU hands make run's piped stdin over from the first instruction).
 */
void fw_console_init(void)
{
	if (!fw_plat.uart)
		return;
	fw_write8(fw_plat.uart + UART_IER, 0);
	fw_write8(fw_plat.uart + UART_LCR, 0x03);
}

/*
 * Does base look like a ns16550a?  Its line status must answer a load and,
 * within a bound, report the transmitter ready, as it is after reset: RAM
 * or another device there would leave fw_console_putc() spinning forever.
 */
bool fw_console_probe(uintptr_t base)
{
	if (!fw_probe_lbu(base + UART_LSR))
		return false;
	for (int i = 0; i < FW_UART_READY_POLLS; i++)
		if (fw_read8(base + UART_LSR) & UART_LSR_THRE)
			return true;
	return false;
}

void fw_console_putc(char c)
{
	if (!fw_plat.uart)
		return;
	while (!(fw_read8(fw_plat.uart + UART_LSR) & UART_LSR_THRE))
		;
	fw_write8(fw_plat.uart + UART_THR, c);
}

/* The next received byte, or -1 if none is waiting. */
int fw_console_getc(void)
{
	if (!fw_plat.uart || !(fw_read8(fw_plat.uart + UART_LSR) & UART_LSR_DR))
		return -1;
	return fw_read8(fw_plat.uart + UART_RBR);
}

static void fw_vprintf(bool lock, const char *fmt, va_list ap)
{
	char buf[160];
	int n = vscnprintf(buf, sizeof(buf), fmt, ap);

	if (lock)
		fw_lock();
	for (int i = 0; i < n; i++) {
		if (buf[i] == '\n')
			fw_console_putc('\r');
		fw_console_putc(buf[i]);
	}
	if (lock)
		fw_unlock();
}

void fw_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fw_vprintf(true, fmt, ap);
	va_end(ap);
}

/* For the fatal-trap path, which may have interrupted a lock holder. */
void fw_printf_unlocked(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fw_vprintf(false, fmt, ap);
	va_end(ap);
}

/*
 * DBCN write / read: a0 = num_bytes, a1 = base_lo, a2 = base_hi (physical).
 * A nonzero base_hi names memory above 4 GiB on rv32, which M-mode cannot
 * address, or beyond 2^64 on rv64: both invalid.
 */
static struct sbiret fw_dbcn_rw(bool write, const struct fw_regs *regs)
{
	char *buf = (char *)regs->a1;
	unsigned long n = regs->a0, i = 0;

	if (regs->a2 || !fw_s_memory_ok(regs->a1, n))
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (write) {
		fw_lock();
		for (; i < n; i++)
			fw_console_putc(buf[i]);
		fw_unlock();
	} else {
		for (int c; i < n && (c = fw_console_getc()) >= 0; i++)
			buf[i] = c;
	}
	return (struct sbiret){ SBI_SUCCESS, i };
}

struct sbiret fw_sbi_dbcn(unsigned long fid, const struct fw_regs *regs)
{
	switch (fid) {
	case SBI_DBCN_WRITE:
		return fw_dbcn_rw(true, regs);
	case SBI_DBCN_READ:
		return fw_dbcn_rw(false, regs);
	case SBI_DBCN_WRITE_BYTE:
		fw_lock();
		fw_console_putc(regs->a0 & 0xff);
		fw_unlock();
		return (struct sbiret){ SBI_SUCCESS, 0 };
	}
	return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
}
