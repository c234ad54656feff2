// SPDX-License-Identifier: MIT
/* AT_HWCAP from the boot hart's riscv,isa (asm/elf.h). */
#include <asm/cpu.h>
#include <asm/elf.h>
#include <tern/boot.h>
#include <tern/fdt.h>
#include <tern/string.h>

/* Written once at the first exec; every writer computes the same value. */
static unsigned long hwcap;
static bool hwcap_known;

static unsigned long isa_letters(const char *isa, int len)
{
	unsigned long bits = 0;
	int i;

	if (len < 5 || strncmp(isa, "rv", 2))
		return 0;
	for (i = 4; i < len && isa[i] >= 'a' && isa[i] <= 'z'; i++)
		bits |= 1UL << (isa[i] - 'a');
	return bits;
}

unsigned long elf_hwcap(void)
{
	int node, len = 0;
	const char *isa;

	if (READ_ONCE(hwcap_known))
		return READ_ONCE(hwcap);
	node = boot_fdt_valid() ? riscv_boot_cpu_node() : -1;
	isa = node >= 0 ? fdt_getprop(&boot_fdt, node, "riscv,isa", &len) : NULL;
	WRITE_ONCE(hwcap, isa && len > 0 ? isa_letters(isa, strnlen(isa, len)) : 0);
	WRITE_ONCE(hwcap_known, true);
	return hwcap;
}
