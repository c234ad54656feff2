// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/elf.c.  A valid executable of each class is built
 * here (two PT_LOADs and PT_GNU_STACK), then broken: each class of
 * malformed file on its own, then every header byte set to interesting
 * values, every word to interesting values, random multi-byte damage and
 * every truncation.  Each must give 0 or -ENOEXEC, never a crash (ASan,
 * UBSan), and what is accepted must still satisfy what the loader
 * relies on.  The stack builder is checked byte by byte.
 */
#include "harness.h"


#include <tern/elf.h>
#include <tern/errno.h>

#define TASK	0x4000000000ULL		/* an rv64 Sv39 user half */
#define MINADDR	0x10000ULL
#define FILE_SZ	0x1300
#define TEXT	0x10000ULL
#define DATA	0x12200ULL

static size_t ehsize(int class)
{
	return class == ELFCLASS64 ? sizeof(struct elf64_hdr) : sizeof(struct elf32_hdr);
}

static size_t phsize(int class)
{
	return class == ELFCLASS64 ? sizeof(struct elf64_phdr) : sizeof(struct elf32_phdr);
}

static void set_phdr(int class, unsigned char *at, u32 type, u32 flags, u64 off, u64 vaddr,
		     u64 filesz, u64 memsz)
{
	if (class == ELFCLASS64) {
		struct elf64_phdr p = { type, flags, off, vaddr, vaddr, filesz, memsz, 0x1000 };

		memcpy(at, &p, sizeof(p));
	} else {
		struct elf32_phdr p = { type, (u32)off, (u32)vaddr, (u32)vaddr, (u32)filesz,
					(u32)memsz, flags, 0x1000 };

		memcpy(at, &p, sizeof(p));
	}
}

/* A valid static executable of class into buf (FILE_SZ bytes). */
static void build_elf(int class, unsigned char *buf)
{
	size_t eh = ehsize(class), ph = phsize(class);

	memset(buf, 0, FILE_SZ);
	if (class == ELFCLASS64) {
		struct elf64_hdr h = { .e_type = ET_EXEC, .e_machine = EM_RISCV,
			.e_version = EV_CURRENT, .e_entry = TEXT + 0x100, .e_phoff = eh,
			.e_ehsize = eh, .e_phentsize = ph, .e_phnum = 3 };

		memcpy(buf, &h, sizeof(h));
	} else {
		struct elf32_hdr h = { .e_type = ET_EXEC, .e_machine = EM_RISCV,
			.e_version = EV_CURRENT, .e_entry = TEXT + 0x100, .e_phoff = eh,
			.e_ehsize = eh, .e_phentsize = ph, .e_phnum = 3 };

		memcpy(buf, &h, sizeof(h));
	}
	memcpy(buf, "\177ELF", 4);
	buf[4] = class;
	buf[5] = ELFDATA2LSB;
	buf[6] = EV_CURRENT;
	set_phdr(class, buf + eh, PT_LOAD, PF_R | PF_X, 0, TEXT, 0x1200, 0x1200);
	set_phdr(class, buf + eh + ph, PT_LOAD, PF_R | PF_W, 0x1200, DATA, 0x100, 0x2000);
	set_phdr(class, buf + eh + 2 * ph, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0);
}

static int parse(int class, const unsigned char *buf, size_t size, struct elf_info *info)
{
	int err = elf_parse_ehdr(buf, size, size, class, info);
	size_t len;

	if (err)
		return err;
	len = (size_t)info->phnum * info->phentsize;
	/* elf_parse_ehdr promised the table is inside the file */
	if (info->phoff + len > size)
		return -1000;
	return elf_parse_phdrs(buf + info->phoff, len, size, MINADDR, TASK, info);
}

/* What the loader relies on in an accepted file. */
static bool info_sane(const struct elf_info *info, size_t size)
{
	unsigned int i;
	bool entry_ok = false;

	if (!info->nr_load || info->nr_load > ELF_MAX_LOAD || info->hi > TASK || info->lo >= info->hi)
		return false;
	for (i = 0; i < info->nr_load; i++) {
		const struct elf_seg *s = &info->load[i];

		if (s->filesz > s->memsz || s->offset + s->filesz > size || s->vaddr + s->memsz > TASK ||
		    s->vaddr < info->lo || s->vaddr + s->memsz > info->hi)
			return false;
		if (i && s->vaddr < info->load[i - 1].vaddr + info->load[i - 1].memsz)
			return false;
		if ((s->flags & PF_X) && info->entry >= s->vaddr && info->entry < s->vaddr + s->memsz)
			entry_ok = true;
	}
	return entry_ok && !(info->type == ET_EXEC && info->lo < MINADDR);
}

static void valid_files_parse(int class)
{
	unsigned char buf[FILE_SZ];
	struct elf_info info;

	build_elf(class, buf);
	ASSERT_EQ(parse(class, buf, sizeof(buf), &info), 0);
	EXPECT_EQ(info.nr_load, 2);
	EXPECT_EQ(info.lo, TEXT);
	EXPECT_EQ(info.hi, 0x15000);
	EXPECT_EQ(info.entry, TEXT + 0x100);
	EXPECT_EQ(info.phdr_vaddr, TEXT + ehsize(class));
	EXPECT(!info.exec_stack && !info.has_interp);
	/* the other class, and a wrong class byte, are refused */
	EXPECT_EQ(parse(class == ELFCLASS64 ? ELFCLASS32 : ELFCLASS64, buf, sizeof(buf), &info),
		  -ENOEXEC);
}

TEST(valid_elf64_and_elf32_parse)
{
	valid_files_parse(ELFCLASS64);
	valid_files_parse(ELFCLASS32);
}

/* Field writers for the classes of malformed files. */
static void put(unsigned char *at, u64 v, size_t n)
{
	memcpy(at, &v, n);	/* little-endian host */
}

static void each_malformed_class(int class)
{
	size_t eh = ehsize(class), ph = phsize(class), w = class == ELFCLASS64 ? 8 : 4;
	/* phdr field offsets: vaddr, filesz, memsz, offset, flags */
	size_t o_off = class == ELFCLASS64 ? 8 : 4, o_vaddr = class == ELFCLASS64 ? 16 : 8;
	size_t o_filesz = class == ELFCLASS64 ? 32 : 16, o_memsz = class == ELFCLASS64 ? 40 : 20;
	size_t o_flags = class == ELFCLASS64 ? 4 : 24, o_entry = 24, o_phnum = class == ELFCLASS64 ? 56 : 44;
	unsigned char *l0 = NULL, *l1 = NULL, buf[FILE_SZ];
	struct elf_info info;
	int kind;

	for (kind = 0; kind < 15; kind++) {
		size_t size = FILE_SZ;

		build_elf(class, buf);
		l0 = buf + eh;
		l1 = buf + eh + ph;
		switch (kind) {
		case 0: buf[0] = 0; break;				/* magic */
		case 1: buf[5] = 2; break;				/* big-endian */
		case 2: put(buf + 18, 62, 2); break;			/* x86-64 */
		case 3: put(buf + 16, 1, 2); break;			/* ET_REL */
		case 4: size = eh - 1; break;				/* truncated header */
		case 5: size = eh + ph; break;				/* truncated phdrs */
		case 6: put(buf + o_phnum, 0, 2); break;
		case 7: put(buf + o_phnum, 0xffff, 2); break;
		case 8: put(l1 + o_vaddr, TEXT + 0x1000, w); put(l1 + o_off, 0, w); break; /* overlap */
		case 9: put(l0 + o_filesz, 0x1201, w); break;		/* filesz > memsz */
		case 10: put(l1 + o_memsz, class == ELFCLASS64 ? TASK : 0xffffff00, w); break; /* huge */
		case 11: put(l1 + o_vaddr, class == ELFCLASS64 ? TASK + 0x200 : 0xc0000200, w); break;
		case 12: put(l1 + o_vaddr, class == ELFCLASS64 ? ~0xfffULL + 0x200 : 0xfffff200, w);
			 break;						/* wraps */
		case 13: put(buf + o_entry, DATA, w); put(l1 + o_flags, PF_R | PF_W, 4); break;
		case 14: put(l0 + o_off, 0x2000, w); put(l0 + o_vaddr, TEXT, w); break; /* past EOF */
		}
		if (class == ELFCLASS32 && kind == 11)
			continue;	/* 0xc0000200 is below this test's 64-bit TASK */
		if (parse(class, buf, size, &info) != -ENOEXEC)
			harness_fail(__FILE__, __LINE__, "class %d malformed kind %d accepted", class, kind);
	}
	build_elf(class, buf);
	put(buf + eh + 2 * ph, PT_INTERP, 4);
	EXPECT_EQ(parse(class, buf, FILE_SZ, &info), 0);
	EXPECT(info.has_interp);	/* the loader refuses it: no dynamic linker */
}

TEST(each_class_of_malformed_file_is_refused)
{
	each_malformed_class(ELFCLASS64);
	each_malformed_class(ELFCLASS32);
}

static void check_mutant(int class, const unsigned char *buf, size_t size, const char *what,
			 size_t pos)
{
	struct elf_info info;
	int err = parse(class, buf, size, &info);

	if (err && err != -ENOEXEC)
		harness_fail(__FILE__, __LINE__, "%s at %zu: %d", what, pos, err);
	else if (!err && !info_sane(&info, size))
		harness_fail(__FILE__, __LINE__, "%s at %zu: accepted an unsafe file", what, pos);
}

static void mutate_bytes(int class)
{
	static const int vals[] = { 0, 1, 0x7f, 0x80, 0xff, -1, -2 };	/* -1: b+1, -2: b^0x10 */
	size_t end = ehsize(class) + 3 * phsize(class), pos, v;
	unsigned char buf[FILE_SZ];

	for (pos = 0; pos < end; pos++)
		for (v = 0; v < sizeof(vals) / sizeof(vals[0]); v++) {
			build_elf(class, buf);
			buf[pos] = vals[v] == -1 ? buf[pos] + 1 : vals[v] == -2 ? buf[pos] ^ 0x10 :
			 vals[v];
			check_mutant(class, buf, FILE_SZ, "byte", pos);
		}
}

static void mutate_words(int class)
{
	static const u64 vals[] = { 0, 1, 0xfff, 0x1000, 0x7fffffff, 0x80000000, 0xffffffff,
				    TASK - 1, TASK, 0x7fffffffffffffffULL, ~0ULL, ~0ULL - 0xfff };
	size_t end = ehsize(class) + 3 * phsize(class), w = class == ELFCLASS64 ? 8 : 4, pos, v;
	unsigned char buf[FILE_SZ];

	for (pos = 0; pos + w <= end; pos += 2)
		for (v = 0; v < sizeof(vals) / sizeof(vals[0]); v++) {
			build_elf(class, buf);
			put(buf + pos, vals[v], w);
			check_mutant(class, buf, FILE_SZ, "word", pos);
		}
}

static void mutate_random(int class, unsigned long long seed)
{
	size_t end = ehsize(class) + 3 * phsize(class);
	unsigned char buf[FILE_SZ];
	int i, j;

	for (i = 0; i < 20000; i++) {
		build_elf(class, buf);
		for (j = harness_rnd(&seed, 6) + 1; j > 0; j--)
			buf[harness_rnd(&seed, end)] = harness_rnd(&seed, 256);
		check_mutant(class, buf, FILE_SZ, "random", i);
	}
}

static void truncations(int class)
{
	unsigned char buf[FILE_SZ];
	size_t n;

	build_elf(class, buf);
	for (n = 0; n <= FILE_SZ; n++) {
		unsigned char *copy = malloc(n ? n : 1);	/* exact size: ASan sees overreads */

		memcpy(copy, buf, n);
		check_mutant(class, copy, n, "truncated to", n);
		free(copy);
	}
}

TEST(mutated_files_give_enoexec_or_a_safe_result)
{
	for (int class = ELFCLASS32; class <= ELFCLASS64; class++) {
		mutate_bytes(class);
		mutate_words(class);
		mutate_random(class, 0x1234 + class);
		truncations(class);
	}
}

/* ---- the initial stack ---- */

static u64 word_at(const u8 *buf, u64 base, u64 addr, unsigned int w)
{
	u64 v = 0;

	memcpy(&v, buf + (addr - base), w);
	return v;
}

static void stack_layout(unsigned int w)
{
	static const char strings[] = "a\0bc\0X=1";	/* argv a, bc; envp X=1 */
	const u64 top = 0x40000000, auxv[] = { AT_PAGESZ, 4096, AT_RANDOM, 0, AT_EXECFN, 0 };
	u8 random[16], buf[512];
	struct elf_stack_in in = { strings, sizeof(strings), 2, 1, "/p", random, auxv, 3, top, w };
	u64 sp, base = top - sizeof(buf), execfn, str, rnd, want[14];
	unsigned int i;

	for (i = 0; i < 16; i++)
		random[i] = i + 1;
	memset(buf, 0xaa, sizeof(buf));
	ASSERT_EQ(elf_build_stack(&in, buf, sizeof(buf), &sp), 0);
	execfn = top - w - 3;
	str = execfn - sizeof(strings);
	rnd = (str & ~15ULL) - 16;
	EXPECT_EQ(sp, (rnd - 14 * w) & ~15ULL);
	EXPECT_EQ(word_at(buf, base, top - w, w), 0);
	EXPECT(!memcmp(buf + (execfn - base), "/p", 3));
	EXPECT(!memcmp(buf + (str - base), strings, sizeof(strings)));
	EXPECT(!memcmp(buf + (rnd - base), random, 16));
	want[0] = 2;
	want[1] = str;
	want[2] = str + 2;
	want[3] = 0;
	want[4] = str + 5;
	want[5] = 0;
	want[6] = AT_PAGESZ;
	want[7] = 4096;
	want[8] = AT_RANDOM;
	want[9] = rnd;
	want[10] = AT_EXECFN;
	want[11] = execfn;
	want[12] = AT_NULL;
	want[13] = 0;
	for (i = 0; i < 14; i++)
		if (word_at(buf, base, sp + i * w, w) != want[i])
			harness_fail(__FILE__, __LINE__, "word %u: %#llx, want %#llx", i,
				     (unsigned long long)word_at(buf, base, sp + i * w, w),
				     (unsigned long long)want[i]);
	/* between the table and AT_RANDOM's bytes: zero padding */
	for (u64 a = sp + 14 * w; a < rnd; a++)
		EXPECT_EQ(buf[a - base], 0);
	/* every smaller buffer is -E2BIG, never an overrun */
	for (size_t n = 0; n < top - sp; n++) {
		u8 *small = malloc(n ? n : 1);

		if (elf_build_stack(&in, small, n, &sp) != -E2BIG)
			harness_fail(__FILE__, __LINE__, "word %u, %zu bytes: not -E2BIG", w, n);
		free(small);
	}
}

TEST(the_stack_is_laid_out_as_linux_does)
{
	stack_layout(8);
	stack_layout(4);
}

TEST_MAIN()
