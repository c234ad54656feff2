// SPDX-License-Identifier: MIT
/*
 * Calls into the SBI firmware (OpenSBI or Tern's built-in one).  The
 * console uses the Debug Console extension when present (one ecall per
 * buffer) and the legacy v0.1 putchar otherwise.
 */
#include <asm/pgtable.h>
#include <asm/sbi.h>
#include <tern/compiler.h>
#include <tern/printk.h>
#include <tern/string.h>

static bool have_dbcn, have_srst;

struct sbiret sbi_ecall(unsigned long ext, unsigned long fid, unsigned long a0,
			unsigned long a1, unsigned long a2, unsigned long a3)
{
	register unsigned long r0 __asm__("a0") = a0;
	register unsigned long r1 __asm__("a1") = a1;
	register unsigned long r2 __asm__("a2") = a2;
	register unsigned long r3 __asm__("a3") = a3;
	register unsigned long r6 __asm__("a6") = fid;
	register unsigned long r7 __asm__("a7") = ext;

	__asm__ __volatile__("ecall"
			     : "+r"(r0), "+r"(r1)
			     : "r"(r2), "r"(r3), "r"(r6), "r"(r7)
			     : "memory");
	return (struct sbiret){ .error = (long)r0, .value = (long)r1 };
}

static long sbi_legacy(unsigned long ext, unsigned long arg)
{
	return sbi_ecall(ext, 0, arg, 0, 0, 0).error;
}

unsigned long sbi_spec_version(void)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0, 0);

	return ret.error ? 0x1 : (unsigned long)ret.value;
}

bool sbi_probe_extension(unsigned long ext)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, ext, 0, 0, 0);

	return !ret.error && ret.value;
}

const char *sbi_implementation_name(void)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_IMP_ID, 0, 0, 0, 0);

	if (ret.error)
		return "unknown";
	switch (ret.value) {
	case SBI_IMP_OPENSBI:
		return "OpenSBI";
	case SBI_IMP_TERN:
		return "Tern firmware";
	default:
		return "other";
	}
}

void sbi_init(void)
{
	if (sbi_spec_version() < 0x2) /* v0.1 has no Base extension */
		return;
	have_dbcn = sbi_probe_extension(SBI_EXT_DBCN);
	have_srst = sbi_probe_extension(SBI_EXT_SRST);
}

void sbi_console_putchar(int c)
{
	sbi_legacy(SBI_EXT_0_1_CONSOLE_PUTCHAR, (unsigned char)c);
}

/*
 * DBCN takes a physical address, so the buffer goes a page at a time,
 * each page's address looked up (kernel_virt_to_phys): a buffer on a
 * stack or in vmalloc memory is contiguous only virtually.  No lock and
 * no bounce buffer, so the oops and panic paths can write too.
 */
void sbi_console_write(const char *s, size_t n)
{
	while (have_dbcn && n) {
		size_t chunk = MIN(n, PAGE_SIZE - ((uintptr_t)s & ~PAGE_MASK));
		struct sbiret ret;
		phys_addr_t pa;

		if (!kernel_virt_to_phys(s, &pa) || pa != (unsigned long)pa)
			break;	/* not mapped, or beyond a register: byte by byte */
		ret = sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_WRITE, chunk, (unsigned long)pa, 0, 0);
		if (ret.error || ret.value <= 0)
			break;
		s += ret.value;
		n -= (size_t)ret.value;
	}
	while (n--)
		sbi_console_putchar(*s++);
}

int sbi_console_getchar(void)
{
	long c = sbi_legacy(SBI_EXT_0_1_CONSOLE_GETCHAR, 0);

	return c < 0 ? -1 : (int)c;
}

struct sbiret sbi_remote_sfence_vma(unsigned long hart_mask, unsigned long hart_mask_base,
				    unsigned long start, unsigned long size)
{
	return sbi_ecall(SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_SFENCE_VMA, hart_mask, hart_mask_base,
			 start, size);
}

/*
 * Returns only if the firmware could not shut down.  With SRST present,
 * the legacy call is not tried after a refusal: OpenSBI implements it with
 * the same reset devices and, finding none that powers off (sifive_u has
 * only a GPIO restart), hangs instead of returning.
 */
void sbi_shutdown(bool failure)
{
	struct sbiret ret;

	if (!have_srst) {
		sbi_legacy(SBI_EXT_0_1_SHUTDOWN, 0);
		return;
	}
	ret = sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_TYPE_SHUTDOWN,
			failure ? SBI_SRST_REASON_SYSFAIL : SBI_SRST_REASON_NONE, 0, 0);
	console_printf("SBI SRST shutdown failed (error %ld): the firmware has no way to"
		       " power this machine off\n", ret.error);
}

void sbi_reboot(void)
{
	if (have_srst)
		sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_TYPE_COLD_REBOOT,
			  SBI_SRST_REASON_NONE, 0, 0);
}
