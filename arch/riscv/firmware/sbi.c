// SPDX-License-Identifier: MIT
/*
 * SBI dispatcher (SBI specification v2.0): a7 = extension, a6 = function,
 * arguments in a0..a5; returns a0 = error, a1 = value.  Legacy v0.1 calls
 * (extensions 0x00..0x0f) return a single value in a0 and leave a1 alone.
 * The Base extension lives here; the others in the file named after them.
 */
#include <asm/csr.h>
#include "fw.h"

#define FW_SBI_SPEC_VERSION	(2UL << 24 | 0)		/* v2.0 */

/* Which extensions this firmware provides on this machine. */
bool fw_sbi_probe(unsigned long ext)
{
	switch (ext) {
	case SBI_EXT_0_1_SET_TIMER:
	case SBI_EXT_BASE:
	case SBI_EXT_TIME:
	case SBI_EXT_IPI:
	case SBI_EXT_RFENCE:
	case SBI_EXT_HSM:
		return true;
	case SBI_EXT_0_1_CONSOLE_PUTCHAR:
	case SBI_EXT_0_1_CONSOLE_GETCHAR:
	case SBI_EXT_DBCN:
		return fw_plat.uart;
	case SBI_EXT_0_1_SHUTDOWN:
	case SBI_EXT_SRST:
		return fw_plat.finisher;
	}
	return false;
}

/* A 64-bit argument: a0 alone on rv64, a0 (low) and a1 (high) on rv32. */
static u64 fw_arg64(const struct fw_regs *regs)
{
	if (__riscv_xlen == 32)
		return (u64)regs->a1 << 32 | regs->a0;
	return regs->a0;
}

static struct sbiret fw_sbi_base(unsigned long fid, unsigned long arg)
{
	struct sbiret ok = { SBI_SUCCESS, 0 };

	switch (fid) {
	case SBI_BASE_GET_SPEC_VERSION:
		ok.value = FW_SBI_SPEC_VERSION;
		return ok;
	case SBI_BASE_GET_IMP_ID:
		ok.value = SBI_IMP_TERN;
		return ok;
	case SBI_BASE_GET_IMP_VERSION:
		ok.value = FW_VERSION_MAJOR << 16 | FW_VERSION_MINOR;
		return ok;
	case SBI_BASE_PROBE_EXT:
		ok.value = fw_sbi_probe(arg);
		return ok;
	case SBI_BASE_GET_MVENDORID:
		ok.value = csr_read(mvendorid);
		return ok;
	case SBI_BASE_GET_MARCHID:
		ok.value = csr_read(marchid);
		return ok;
	case SBI_BASE_GET_MIMPID:
		ok.value = csr_read(mimpid);
		return ok;
	}
	return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
}

static long fw_sbi_legacy(unsigned long ext, struct fw_regs *regs, unsigned long hartid)
{
	switch (ext) {
	case SBI_EXT_0_1_SET_TIMER:
		fw_timer_set(hartid, fw_arg64(regs));
		return SBI_SUCCESS;
	case SBI_EXT_0_1_CONSOLE_PUTCHAR:	/* the byte is in a0, as for DBCN */
		return fw_sbi_dbcn(SBI_DBCN_WRITE_BYTE, regs).error;
	case SBI_EXT_0_1_CONSOLE_GETCHAR:
		return fw_console_getc();
	case SBI_EXT_0_1_SHUTDOWN:
		fw_poweroff(false);
	}
	return SBI_ERR_NOT_SUPPORTED;
}

void fw_sbi_ecall(struct fw_regs *regs, unsigned long hartid)
{
	unsigned long ext = regs->a7, fid = regs->a6;
	struct sbiret ret = { SBI_ERR_NOT_SUPPORTED, 0 };
	bool present = fw_sbi_probe(ext);

	if (ext < SBI_EXT_BASE) {
		regs->a0 = present ? fw_sbi_legacy(ext, regs, hartid) : SBI_ERR_NOT_SUPPORTED;
		return;
	}
	if (present) {
		switch (ext) {
		case SBI_EXT_BASE:
			ret = fw_sbi_base(fid, regs->a0);
			break;
		case SBI_EXT_TIME:
			if (fid == SBI_TIME_SET_TIMER) {
				fw_timer_set(hartid, fw_arg64(regs));
				ret.error = SBI_SUCCESS;
			}
			break;
		case SBI_EXT_IPI:
			if (fid == SBI_IPI_SEND_IPI)
				ret = fw_sbi_send_ipi(regs->a0, regs->a1);
			break;
		case SBI_EXT_RFENCE:
			ret = fw_sbi_rfence(fid, regs);
			break;
		case SBI_EXT_HSM:
			ret = fw_sbi_hsm(fid, regs);
			break;
		case SBI_EXT_SRST:
			if (fid == SBI_SRST_RESET)
				ret = fw_sbi_srst(regs);
			break;
		case SBI_EXT_DBCN:
			ret = fw_sbi_dbcn(fid, regs);
			break;
		}
	}
	regs->a0 = ret.error;
	regs->a1 = ret.value;
}
