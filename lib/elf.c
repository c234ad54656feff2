// SPDX-License-Identifier: MIT
/*
 * The pure half of the ELF loader (include/tern/elf.h): header checks and
 * the initial stack.  Built into the kernel and, unchanged, into the host
 * tests; it reads nothing but its arguments.  Every field from the file
 * is checked before it is used in a sum, and sums are checked for
 * overflow, so a hostile file can only get -ENOEXEC.
 */
#include <tern/elf.h>
#include <tern/errno.h>
#include <tern/string.h>

static const u8 elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

/* a + b without wrapping past limit: false if the sum would exceed it. */
static bool add_within(u64 a, u64 b, u64 limit)
{
	return a <= limit && b <= limit - a;
}

static void ehdr_from_32(const struct elf32_hdr *h, struct elf64_hdr *out)
{
	memcpy(out->e_ident, h->e_ident, EI_NIDENT);
	out->e_type = h->e_type;
	out->e_machine = h->e_machine;
	out->e_version = h->e_version;
	out->e_entry = h->e_entry;
	out->e_phoff = h->e_phoff;
	out->e_phentsize = h->e_phentsize;
	out->e_phnum = h->e_phnum;
}

int elf_parse_ehdr(const void *hdr, size_t len, u64 file_size, int want_class,
		   struct elf_info *info)
{
	size_t ehsize = want_class == ELFCLASS64 ? sizeof(struct elf64_hdr) :
						   sizeof(struct elf32_hdr);
	size_t phentsize = want_class == ELFCLASS64 ? sizeof(struct elf64_phdr) :
						      sizeof(struct elf32_phdr);
	struct elf64_hdr h;

	memset(info, 0, sizeof(*info));
	if (len < ehsize || file_size < ehsize)
		return -ENOEXEC;
	if (want_class == ELFCLASS64) {
		memcpy(&h, hdr, sizeof(h));
	} else {
		struct elf32_hdr h32;

		memcpy(&h32, hdr, sizeof(h32));
		ehdr_from_32(&h32, &h);
	}
	if (memcmp(h.e_ident, elf_magic, sizeof(elf_magic)) || h.e_ident[4] != want_class ||
	    h.e_ident[5] != ELFDATA2LSB || h.e_ident[6] != EV_CURRENT ||
	    h.e_version != EV_CURRENT || h.e_machine != EM_RISCV ||
	    (h.e_type != ET_EXEC && h.e_type != ET_DYN))
		return -ENOEXEC;
	if (h.e_phentsize != phentsize || h.e_phnum == 0 || h.e_phnum > ELF_MAX_PHNUM ||
	    !add_within(h.e_phoff, (u64)h.e_phnum * phentsize, file_size))
		return -ENOEXEC;
	info->class = want_class;
	info->type = h.e_type;
	info->entry = h.e_entry;
	info->phoff = h.e_phoff;
	info->phentsize = h.e_phentsize;
	info->phnum = h.e_phnum;
	return 0;
}

static void phdr_at(const struct elf_info *info, const u8 *phdrs, unsigned int i,
		    struct elf64_phdr *p)
{
	if (info->class == ELFCLASS64) {
		memcpy(p, phdrs + (size_t)i * sizeof(*p), sizeof(*p));
	} else {
		struct elf32_phdr q;

		memcpy(&q, phdrs + (size_t)i * sizeof(q), sizeof(q));
		p->p_type = q.p_type;
		p->p_flags = q.p_flags;
		p->p_offset = q.p_offset;
		p->p_vaddr = q.p_vaddr;
		p->p_filesz = q.p_filesz;
		p->p_memsz = q.p_memsz;
	}
}

/*
 * A PT_LOAD segment on its own: sizes, file part, alignment, no wrap
 * (of the class's address space too: an ELF32 segment ends by 2^32).
 */
static int check_load(const struct elf64_phdr *p, int class, u64 file_size, u64 task_size)
{
	if (class == ELFCLASS32 && task_size > 0x100000000ULL)
		task_size = 0x100000000ULL;
	if (p->p_filesz > p->p_memsz || !add_within(p->p_offset, p->p_filesz, file_size))
		return -ENOEXEC;
	if ((p->p_offset ^ p->p_vaddr) & (ELF_PAGE_SIZE - 1))
		return -ENOEXEC;
	if (!add_within(p->p_vaddr, p->p_memsz, task_size))
		return -ENOEXEC;
	return 0;
}

static int add_load(struct elf_info *info, const struct elf64_phdr *p, u64 file_size,
		    u64 task_size)
{
	struct elf_seg *s;

	if (p->p_memsz == 0)
		return 0;		/* maps nothing: ignored, as Linux does */
	if (check_load(p, info->class, file_size, task_size) || info->nr_load == ELF_MAX_LOAD)
		return -ENOEXEC;
	if (info->nr_load) {
		const struct elf_seg *prev = &info->load[info->nr_load - 1];

		if (p->p_vaddr < prev->vaddr + prev->memsz)
			return -ENOEXEC;	/* unsorted or overlapping */
	}
	s = &info->load[info->nr_load++];
	s->vaddr = p->p_vaddr;
	s->memsz = p->p_memsz;
	s->offset = p->p_offset;
	s->filesz = p->p_filesz;
	s->flags = p->p_flags;
	return 0;
}

/* Where the program headers land: PT_PHDR, else the segment holding them. */
static u64 find_phdr_vaddr(const struct elf_info *info, u64 phdr_vaddr)
{
	u64 size = (u64)info->phnum * info->phentsize;
	unsigned int i;

	if (phdr_vaddr)
		return phdr_vaddr;
	for (i = 0; i < info->nr_load; i++) {
		const struct elf_seg *s = &info->load[i];

		if (info->phoff >= s->offset && info->phoff - s->offset <= s->filesz &&
		    size <= s->filesz - (info->phoff - s->offset))
			return s->vaddr + (info->phoff - s->offset);
	}
	return 0;
}

static bool entry_executable(const struct elf_info *info)
{
	unsigned int i;

	for (i = 0; i < info->nr_load; i++) {
		const struct elf_seg *s = &info->load[i];

		if ((s->flags & PF_X) && info->entry >= s->vaddr &&
		    info->entry - s->vaddr < s->memsz)
			return true;
	}
	return false;
}

int elf_parse_phdrs(const void *phdrs, size_t len, u64 file_size, u64 min_addr,
		    u64 task_size, struct elf_info *info)
{
	u64 phdr_vaddr = 0;
	unsigned int i;

	if (len < (size_t)info->phnum * info->phentsize)
		return -ENOEXEC;
	info->exec_stack = true;
	for (i = 0; i < info->phnum; i++) {
		struct elf64_phdr p;

		phdr_at(info, phdrs, i, &p);
		if (p.p_type == PT_LOAD && add_load(info, &p, file_size, task_size))
			return -ENOEXEC;
		if (p.p_type == PT_INTERP)
			info->has_interp = true;
		if (p.p_type == PT_GNU_STACK)
			info->exec_stack = p.p_flags & PF_X;
		if (p.p_type == PT_PHDR)
			phdr_vaddr = p.p_vaddr;
		if (p.p_type == PT_DYNAMIC) {
			info->dyn_vaddr = p.p_vaddr;
			info->dyn_size = p.p_filesz;
		}
	}
	if (!info->nr_load || !entry_executable(info))
		return -ENOEXEC;
	info->lo = info->load[0].vaddr & ~(ELF_PAGE_SIZE - 1);
	info->hi = info->load[info->nr_load - 1].vaddr + info->load[info->nr_load - 1].memsz;
	if (info->hi > task_size - (ELF_PAGE_SIZE - 1))
		return -ENOEXEC;
	info->hi = (info->hi + ELF_PAGE_SIZE - 1) & ~(ELF_PAGE_SIZE - 1);
	/* ET_EXEC stays where it is linked; ET_DYN only has to fit. */
	if (info->type == ET_EXEC && info->lo < min_addr)
		return -ENOEXEC;
	if (info->type == ET_DYN && info->hi - info->lo > task_size - min_addr)
		return -ENOEXEC;
	info->phdr_vaddr = find_phdr_vaddr(info, phdr_vaddr);
	return 0;
}

/* A little-endian word of n (4 or 8) bytes at p. */
static u64 get_word(const u8 *p, unsigned int n)
{
	u64 v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static void set_word(u8 *p, unsigned int n, u64 v)
{
	for (unsigned int i = 0; i < n; i++)
		p[i] = (u8)(v >> (8 * i));
}

/* Is [addr, addr + n) inside the image [lo, lo + size)?  Its offset in *off. */
static bool in_image(u64 addr, u64 n, u64 lo, u64 size, u64 *off)
{
	if (addr < lo || addr - lo > size || n > size - (addr - lo))
		return false;
	*off = addr - lo;
	return true;
}

struct dyn_rela {
	u64 addr, size, ent;
	bool other;		/* DT_REL or DT_RELR with entries */
};

/* Reads the dynamic section's relocation tags: false if it is outside the image. */
static bool read_dynamic(const u8 *image, u64 lo, u64 size, u64 dyn_vaddr, u64 dyn_size,
			 unsigned int w, struct dyn_rela *d)
{
	u64 off, i;

	if (!in_image(dyn_vaddr, dyn_size, lo, size, &off))
		return false;
	for (i = 0; i + 2 * w <= dyn_size; i += 2 * w) {
		u64 tag = get_word(image + off + i, w), val = get_word(image + off + i + w, w);

		if (tag == DT_NULL)
			break;
		if (tag == DT_RELA)
			d->addr = val;
		else if (tag == DT_RELASZ)
			d->size = val;
		else if (tag == DT_RELAENT)
			d->ent = val;
		else if ((tag == DT_RELSZ || tag == DT_RELRSZ) && val)
			d->other = true;
	}
	return true;
}

int elf_relocate(u8 *image, u64 lo, u64 size, u64 bias, u64 dyn_vaddr, u64 dyn_size,
		 int class, const char **why)
{
	unsigned int w = class == ELFCLASS64 ? 8 : 4;
	u64 ent = 3 * (u64)w, tab, i;
	struct dyn_rela d = { 0, 0, ent, false };

	*why = NULL;
	if (!dyn_size)
		return 0;
	if (!read_dynamic(image, lo, size, dyn_vaddr, dyn_size, w, &d)) {
		*why = "dynamic section outside the image";
		return -ENOEXEC;
	}
	if (d.other) {
		*why = "REL or RELR relocations (only RELA is supported)";
		return -ENOEXEC;
	}
	if (!d.size)
		return 0;
	if (d.ent != ent || d.size % ent || !in_image(d.addr, d.size, lo, size, &tab)) {
		*why = "relocation table malformed or outside the image";
		return -ENOEXEC;
	}
	for (i = 0; i < d.size; i += ent) {
		const u8 *r = image + tab + i;
		u64 where = get_word(r, w), info = get_word(r + w, w), addend = get_word(r + 2 * w, w);
		u64 type = class == ELFCLASS64 ? info & 0xffffffffu : info & 0xff, off;

		if (type == R_RISCV_NONE)
			continue;
		if (type != R_RISCV_RELATIVE) {
			*why = "relocation type other than R_RISCV_RELATIVE";
			return -ENOEXEC;
		}
		if (!in_image(where, w, lo, size, &off)) {
			*why = "relocation outside the image";
			return -ENOEXEC;
		}
		set_word(image + off, w, bias + addend);
	}
	return 0;
}

/* The stack image being built downwards: pos is the user address of the next byte up. */
struct stack_image {
	u8 *buf;
	u64 base;		/* user address of buf[0] */
	u64 pos;
	unsigned int word;
};

static bool push_bytes(struct stack_image *st, const void *data, size_t n)
{
	if (st->pos - st->base < n)
		return false;
	st->pos -= n;
	memcpy(st->buf + (st->pos - st->base), data, n);
	return true;
}

static void put_word(struct stack_image *st, u64 addr, u64 val)
{
	u8 *p = st->buf + (addr - st->base);
	unsigned int i;

	for (i = 0; i < st->word; i++)
		p[i] = (u8)(val >> (8 * i));
}

/* Pointers to count strings from *s on, then a NULL word; advances *w and *s. */
static void put_vector(struct stack_image *st, const struct elf_stack_in *in, u64 *w,
		       u64 *s, u64 strings, unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count; i++) {
		put_word(st, *w, *s);
		*w += st->word;
		*s += strlen(in->strings + (*s - strings)) + 1;
	}
	put_word(st, *w, 0);
	*w += st->word;
}

/* Writes the word table at sp: argc, argv[], 0, envp[], 0, auxv, AT_NULL pair. */
static void write_table(struct stack_image *st, const struct elf_stack_in *in, u64 sp,
			u64 strings, u64 execfn, u64 random)
{
	u64 w = sp, s = strings;
	unsigned int i;

	put_word(st, w, in->argc);
	w += st->word;
	put_vector(st, in, &w, &s, strings, in->argc);
	put_vector(st, in, &w, &s, strings, in->envc);
	for (i = 0; i < in->nr_auxv; i++) {
		u64 type = in->auxv[2 * i], val = in->auxv[2 * i + 1];

		if (type == AT_RANDOM)
			val = random;
		else if (type == AT_EXECFN)
			val = execfn;
		put_word(st, w, type);
		put_word(st, w + st->word, val);
		w += 2 * st->word;
	}
	put_word(st, w, AT_NULL);
	put_word(st, w + st->word, 0);
}

int elf_build_stack(const struct elf_stack_in *in, u8 *buf, size_t buf_len, u64 *sp)
{
	struct stack_image st = { buf, in->stack_top - buf_len, in->stack_top, in->word_size };
	u64 zero = 0, strings, execfn, random, words, table;

	if (buf_len > in->stack_top || buf_len < in->word_size)
		return -E2BIG;
	if (!push_bytes(&st, &zero, in->word_size) ||
	    !push_bytes(&st, in->execfn, strlen(in->execfn) + 1))
		return -E2BIG;
	execfn = st.pos;
	if (!push_bytes(&st, in->strings, in->strings_len))
		return -E2BIG;
	strings = st.pos;
	st.pos &= ~15ULL;
	if (st.pos < st.base || !push_bytes(&st, in->random, 16))
		return -E2BIG;
	random = st.pos;
	words = 1 + in->argc + 1 + in->envc + 1 + 2 * ((u64)in->nr_auxv + 1);
	if (words > (st.pos - st.base) / in->word_size)
		return -E2BIG;
	table = (st.pos - words * in->word_size) & ~15ULL;
	if (table < st.base)
		return -E2BIG;
	memset(buf + (table - st.base), 0, st.pos - table);
	write_table(&st, in, table, strings, execfn, random);
	*sp = table;
	return 0;
}
