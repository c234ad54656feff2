/* SPDX-License-Identifier: MIT */
/*
 * Supervisor Binary Interface calls (RISC-V SBI specification v2.0).
 * Extension and function IDs are shared with the built-in firmware.
 */
#ifndef ASM_SBI_H
#define ASM_SBI_H

#define SBI_EXT_0_1_SET_TIMER		0x0
#define SBI_EXT_0_1_CONSOLE_PUTCHAR	0x1
#define SBI_EXT_0_1_CONSOLE_GETCHAR	0x2
#define SBI_EXT_0_1_SHUTDOWN		0x8
#define SBI_EXT_BASE			0x10
#define SBI_EXT_TIME			0x54494D45	/* "TIME" */
#define SBI_EXT_IPI			0x735049	/* "sPI" */
#define SBI_EXT_RFENCE			0x52464E43	/* "RFNC" */
#define SBI_EXT_HSM			0x48534D	/* "HSM" */
#define SBI_EXT_SRST			0x53525354	/* "SRST" */
#define SBI_EXT_DBCN			0x4442434E	/* "DBCN" */

/* Base extension functions */
#define SBI_BASE_GET_SPEC_VERSION	0
#define SBI_BASE_GET_IMP_ID		1
#define SBI_BASE_GET_IMP_VERSION	2
#define SBI_BASE_PROBE_EXT		3
#define SBI_BASE_GET_MVENDORID		4
#define SBI_BASE_GET_MARCHID		5
#define SBI_BASE_GET_MIMPID		6

#define SBI_TIME_SET_TIMER		0
#define SBI_IPI_SEND_IPI		0
#define SBI_RFENCE_REMOTE_FENCE_I	0
#define SBI_RFENCE_REMOTE_SFENCE_VMA	1
#define SBI_RFENCE_REMOTE_SFENCE_VMA_ASID 2

#define SBI_HSM_HART_START		0
#define SBI_HSM_HART_STOP		1
#define SBI_HSM_HART_GET_STATUS		2
#define SBI_HSM_HART_SUSPEND		3
#define SBI_HSM_STATE_STARTED		0
#define SBI_HSM_STATE_STOPPED		1
#define SBI_HSM_STATE_START_PENDING	2
#define SBI_HSM_STATE_STOP_PENDING	3

#define SBI_SRST_RESET			0
#define SBI_SRST_TYPE_SHUTDOWN		0
#define SBI_SRST_TYPE_COLD_REBOOT	1
#define SBI_SRST_TYPE_WARM_REBOOT	2
#define SBI_SRST_REASON_NONE		0
#define SBI_SRST_REASON_SYSFAIL		1

#define SBI_DBCN_WRITE			0
#define SBI_DBCN_READ			1
#define SBI_DBCN_WRITE_BYTE		2

/* Implementation IDs (SBI spec, chapter 4.9) */
#define SBI_IMP_OPENSBI			1
#define SBI_IMP_TERN			0x7465726e	/* "tern": not registered */

#define SBI_SUCCESS			0
#define SBI_ERR_FAILED			-1
#define SBI_ERR_NOT_SUPPORTED		-2
#define SBI_ERR_INVALID_PARAM		-3
#define SBI_ERR_DENIED			-4
#define SBI_ERR_INVALID_ADDRESS		-5
#define SBI_ERR_ALREADY_AVAILABLE	-6
#define SBI_ERR_ALREADY_STARTED		-7
#define SBI_ERR_ALREADY_STOPPED		-8

#ifndef __ASSEMBLER__
#include <tern/types.h>

struct sbiret {
	long error;
	long value;
};

struct sbiret sbi_ecall(unsigned long ext, unsigned long fid, unsigned long a0,
			unsigned long a1, unsigned long a2, unsigned long a3);

/* Spec version as (major << 24) | minor, or 0x1 for a legacy v0.1 firmware. */
unsigned long sbi_spec_version(void);
bool sbi_probe_extension(unsigned long ext);
const char *sbi_implementation_name(void);

void sbi_init(void);
void sbi_console_putchar(int c);
/* Writes a buffer through DBCN when present, else byte by byte. */
void sbi_console_write(const char *s, size_t n);
/* Returns the next input byte, or -1 when none is waiting. */
int sbi_console_getchar(void);
/*
 * RFENCE: every hart in hart_mask (bit i: hart hart_mask_base + i) has
 * run sfence.vma over [start, start + size) when it returns.
 */
struct sbiret sbi_remote_sfence_vma(unsigned long hart_mask, unsigned long hart_mask_base,
				    unsigned long start, unsigned long size);
/* Asks the firmware to power off; returns only if every method failed. */
void sbi_shutdown(bool failure);
/* SRST cold reboot; returns if the firmware has no SRST or refuses. */
void sbi_reboot(void);
#endif

#endif
