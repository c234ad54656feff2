/* SPDX-License-Identifier: MIT */
/*
 * ELF executables: the file format (the System V ABI's ELF32 and ELF64
 * headers, little-endian, RISC-V) and the pure half of the loader
 * (lib/elf.c): checking an executable's headers and building the
 * initial user stack.  Both are plain computations on buffers, with no
 * kernel state, so the host tests (tests/test_elf.c) run them under
 * ASan and UBSan on thousands of corrupt files; fs/binfmt_elf.c does
 * the mapping.
 *
 * Contract of elf_parse: it reads only the bytes it is given, never
 * trusts a size or offset in them (every sum is checked for overflow),
 * and answers 0 or -ENOEXEC; it never crashes on any input.
 */
#ifndef TERN_ELF_H
#define TERN_ELF_H

#include <tern/types.h>

#define EI_NIDENT	16
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_EXEC		2
#define ET_DYN		3
#define EM_RISCV	243

#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_PHDR		6
#define PT_GNU_STACK	0x6474e551

#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

struct elf64_hdr {
	u8 e_ident[EI_NIDENT];
	u16 e_type, e_machine;
	u32 e_version;
	u64 e_entry, e_phoff, e_shoff;
	u32 e_flags;
	u16 e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf64_phdr {
	u32 p_type, p_flags;
	u64 p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

struct elf32_hdr {
	u8 e_ident[EI_NIDENT];
	u16 e_type, e_machine;
	u32 e_version;
	u32 e_entry, e_phoff, e_shoff;
	u32 e_flags;
	u16 e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf32_phdr {
	u32 p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};

/* Auxiliary vector types (Linux's). */
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_FLAGS	8
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_HWCAP	16
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_EXECFN	31

#define ELF_MAX_PHNUM	64	/* program headers an executable may have */
#define ELF_MAX_LOAD	16	/* PT_LOAD segments it may have */
#define ELF_PAGE_SIZE	4096ULL

/* One PT_LOAD segment, as the file says it (addresses before the load bias). */
struct elf_seg {
	u64 vaddr, memsz, offset, filesz;
	u32 flags;		/* PF_* */
};

/* What elf_parse found: all the loader needs. */
struct elf_info {
	int class;		/* ELFCLASS32 or ELFCLASS64 */
	u16 type;		/* ET_EXEC or ET_DYN */
	u64 entry;
	u64 phoff;		/* where the program headers are in the file */
	u16 phentsize, phnum;
	u64 phdr_vaddr;		/* where they are in memory (bias not added); 0: not loaded */
	bool has_interp;	/* PT_INTERP: needs a dynamic linker */
	bool exec_stack;	/* PT_GNU_STACK with PF_X, or no PT_GNU_STACK */
	unsigned int nr_load;
	struct elf_seg load[ELF_MAX_LOAD];	/* by vaddr, non-overlapping */
	u64 lo, hi;		/* the page-aligned extent of the segments */
	u64 dyn_vaddr, dyn_size;	/* PT_DYNAMIC (bias not added); size 0: none */
};

/*
 * The ELF header: hdr holds the first len bytes of a file of file_size
 * bytes.  Checks the magic, class (want_class), byte order, version,
 * EM_RISCV, ET_EXEC/ET_DYN and the size and place of the program header
 * table.  0 or -ENOEXEC.
 */
int elf_parse_ehdr(const void *hdr, size_t len, u64 file_size, int want_class,
		   struct elf_info *info);

/*
 * The program headers (phdrs: info->phnum of them, as elf_parse_ehdr
 * placed them): the PT_LOAD segments must be sorted, not overlap,
 * have p_filesz <= p_memsz and their file part inside the file, have
 * p_offset and p_vaddr equal modulo the page size, and lie in
 * [min_addr, task_size) -- for ET_DYN after any load bias, that is, the
 * extent must fit; the entry must be inside an executable segment.
 * 0 or -ENOEXEC.
 */
int elf_parse_phdrs(const void *phdrs, size_t len, u64 file_size, u64 min_addr,
		    u64 task_size, struct elf_info *info);

/* Dynamic section tags and relocation types the no-MMU loader reads. */
#define DT_NULL		0
#define DT_RELA		7
#define DT_RELASZ	8
#define DT_RELAENT	9
#define DT_REL		17
#define DT_RELSZ	18
#define DT_RELRSZ	35
#define DT_RELR		36
#define R_RISCV_NONE	0
#define R_RISCV_RELATIVE 3

/*
 * Applies a static-PIE's relocations (the no-MMU loader: there is no
 * C library start-up code to trust, and Linux's no-MMU loaders relocate
 * too).  image holds the loaded program: image[0] is link address lo,
 * size bytes of it; the program runs with link address x at x + bias.
 * The dynamic section is at link address dyn_vaddr (dyn_size bytes);
 * its DT_RELA table (DT_RELASZ bytes of DT_RELAENT-sized entries) must
 * lie inside the image.  R_RISCV_RELATIVE stores bias + addend in the
 * word at its offset (which must lie inside the image), R_RISCV_NONE
 * does nothing; any other type, DT_REL or DT_RELR tables, a table or a
 * target outside the image give -ENOEXEC with the reason in *why.
 * Applying the table twice gives the same image (RELA never reads the
 * old value), so a program that relocates itself as well is fine.
 */
int elf_relocate(u8 *image, u64 lo, u64 size, u64 bias, u64 dyn_vaddr, u64 dyn_size,
		 int class, const char **why);

/*
 * The initial user stack, as Linux lays it out (Documentation/process.md):
 * from stack_top down, a word of 0, the strings (argv's, then envp's,
 * then execfn), the 16 AT_RANDOM bytes at a 16-byte boundary, then from
 * the 16-byte aligned sp upwards: argc, argv[], NULL, envp[], NULL, and
 * the auxv pairs ending with AT_NULL.  Words are word_size (4 or 8)
 * bytes, little-endian.
 */
struct elf_stack_in {
	const char *strings;	/* argc + envc NUL-terminated strings, argv's first */
	size_t strings_len;	/* their bytes, NULs included */
	unsigned int argc, envc;
	const char *execfn;	/* AT_EXECFN's string */
	const u8 *random;	/* AT_RANDOM's 16 bytes */
	const u64 *auxv;	/* nr_auxv (type, value) pairs, AT_NULL not included; */
	unsigned int nr_auxv;	/* the values of AT_RANDOM and AT_EXECFN are filled in */
	u64 stack_top;		/* user address just above the stack */
	unsigned int word_size;
};

/*
 * Builds the stack image into buf, which stands for the user addresses
 * [stack_top - buf_len, stack_top).  The user sp in *sp; the image is
 * then buf[buf_len - (stack_top - sp)...].  0, or -E2BIG when it does
 * not fit in buf_len bytes.
 */
int elf_build_stack(const struct elf_stack_in *in, u8 *buf, size_t buf_len, u64 *sp);

#endif
