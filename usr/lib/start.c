// SPDX-License-Identifier: MIT
/*
 * Process start-up: argc/argv/envp from the initial stack, the thread
 * pointer for picolibc's thread-local errno (the PT_TLS segment, found
 * through the auxiliary vector's AT_PHDR, as a static-PIE needs), then
 * the constructors, main and exit.
 */
#include <elf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern int main(int argc, char **argv, char **envp);
extern void __libc_init_array(void);
extern void __tern_stdio_init(void);

char **environ;

#define AT_PHDR		3
#define AT_PHNUM	5
#define PT_DYNAMIC_TYPE	2
#define PT_TLS_TYPE	7

/* Defined by the linker in a static-PIE; absent (0) in a static executable. */
extern const char _DYNAMIC[] __attribute__((weak, visibility("hidden")));

/*
 * picolibc's __libc_init_array and __libc_fini_array call _init and _fini
 * when they exist.  A PIE tests a weak symbol's address PC-relatively,
 * which is never 0, so they must exist: empty, as nothing uses them.
 */
void _init(void);
void _fini(void);
void _init(void) {}
void _fini(void) {}

#if __riscv_xlen == 64
typedef Elf64_Phdr phdr_t;
#else
typedef Elf32_Phdr phdr_t;
#endif

/* The auxiliary vector entry of type, or 0. */
static unsigned long auxv_get(unsigned long *auxv, unsigned long type)
{
	for (; auxv[0]; auxv += 2)
		if (auxv[0] == type)
			return auxv[1];
	return 0;
}

/*
 * RISC-V TLS (variant I, no TCB before the block in a static program):
 * tp points at the block holding .tdata's image then .tbss zeroed.  The
 * block lives in start's frame, which never returns.
 */
static void setup_tls(unsigned long *auxv, void *block)
{
	const phdr_t *ph = (const phdr_t *)auxv_get(auxv, AT_PHDR);
	unsigned long n = auxv_get(auxv, AT_PHNUM), bias = 0;
	const phdr_t *tls = 0;

	/* The load bias: where PT_DYNAMIC is now minus where it was linked. */
	for (unsigned long i = 0; ph && i < n; i++) {
		if (ph[i].p_type == PT_DYNAMIC_TYPE)
			bias = (unsigned long)_DYNAMIC - ph[i].p_vaddr;
		if (ph[i].p_type == PT_TLS_TYPE)
			tls = &ph[i];
	}
	if (tls) {
		memcpy(block, (void *)(tls->p_vaddr + bias), tls->p_filesz);
		memset((char *)block + tls->p_filesz, 0, tls->p_memsz - tls->p_filesz);
	}
	__asm__ __volatile__("mv tp, %0" : : "r"(block));
}

/* The TLS segment's size and alignment, to size the block. */
static unsigned long tls_size(unsigned long *auxv, unsigned long *align)
{
	const phdr_t *ph = (const phdr_t *)auxv_get(auxv, AT_PHDR);
	unsigned long n = auxv_get(auxv, AT_PHNUM);

	*align = 16;
	for (unsigned long i = 0; ph && i < n; i++)
		if (ph[i].p_type == PT_TLS_TYPE) {
			if (ph[i].p_align > *align)
				*align = ph[i].p_align;
			return ph[i].p_memsz;
		}
	return 0;
}

void __attribute__((noreturn)) __tern_start(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	unsigned long *auxv = (unsigned long *)envp, align, size;

	while (*auxv)
		auxv++;
	auxv++;
	environ = envp;
	size = tls_size(auxv, &align);
	{
		char area[size + align];
		void *block = (void *)(((uintptr_t)area + align - 1) & ~(uintptr_t)(align - 1));

		setup_tls(auxv, block);
		__tern_stdio_init();
		__libc_init_array();
		exit(main(argc, argv, envp));
	}
}
