// SPDX-License-Identifier: MIT
/*
 * Host tests for elf_relocate (lib/elf.c), the no-MMU loader's
 * relocation step: a hand-made loaded image of each class, with a
 * dynamic section and a RELA table, relocated and checked word by word;
 * then every way the table can be wrong, each -ENOEXEC with a reason
 * and no byte written outside the image (ASan: the image is a heap
 * block of exactly its size), and random damage to the dynamic section
 * and the table.
 */
#include "harness.h"

#include <tern/elf.h>
#include <tern/errno.h>

#define IMG_SZ	0x3000ULL
#define DYN	0x2000ULL	/* offsets in the image */
#define RELA	0x2100ULL
#define NR_RELA	4
#define BIAS	0x80200000ULL

/* The image's link addresses start at lo: 0 (a usual static-PIE) or a page in. */
static const u64 los[] = { 0, 0x1000 };

static unsigned int wsize(int class)
{
	return class == ELFCLASS64 ? 8 : 4;
}

static void put(unsigned char *p, unsigned int w, u64 v)
{
	for (unsigned int i = 0; i < w; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static u64 get(const unsigned char *p, unsigned int w)
{
	u64 v = 0;

	for (unsigned int i = w; i--;)
		v = v << 8 | p[i];
	return v;
}

static u64 rinfo(int class, u64 type, u64 sym)
{
	return class == ELFCLASS64 ? sym << 32 | type : sym << 8 | type;
}

/* Relocation i's entry in the image. */
static unsigned char *rela_at(unsigned char *img, int class, unsigned int i)
{
	return img + RELA + (u64)i * 3 * wsize(class);
}

static void set_rela(unsigned char *img, int class, unsigned int i, u64 where, u64 info,
		     u64 addend)
{
	unsigned int w = wsize(class);
	unsigned char *r = rela_at(img, class, i);

	put(r, w, where);
	put(r + w, w, info);
	put(r + 2 * w, w, addend);
}

/* A loaded image: pattern bytes, the dynamic section, four relocations. */
static unsigned char *build(int class, u64 lo)
{
	unsigned int w = wsize(class), n = 0;
	unsigned char *img = malloc(IMG_SZ);
	const u64 dyn[][2] = {
		{ DT_RELA, lo + RELA }, { DT_RELASZ, NR_RELA * 3 * w }, { DT_RELAENT, 3 * w },
		{ 0x6ffffffb, 0x8000000 },	/* DT_FLAGS_1: ignored */
		{ DT_NULL, 0 },
	};

	for (u64 i = 0; i < IMG_SZ; i++)
		img[i] = (unsigned char)(i * 7 + 1);
	for (unsigned int i = 0; i < sizeof(dyn) / sizeof(dyn[0]); i++, n += 2 * w) {
		put(img + DYN + n, w, dyn[i][0]);
		put(img + DYN + n + w, w, dyn[i][1]);
	}
	set_rela(img, class, 0, lo + 0x2800, rinfo(class, R_RISCV_RELATIVE, 0), 0x123);
	set_rela(img, class, 1, lo + 0x2900, rinfo(class, R_RISCV_NONE, 0), 0x456);
	set_rela(img, class, 2, lo + IMG_SZ - w, rinfo(class, R_RISCV_RELATIVE, 0), lo);
	set_rela(img, class, 3, lo + 0x2a03, rinfo(class, R_RISCV_RELATIVE, 0), 0x10);	/* unaligned */
	return img;
}

static int relocate(unsigned char *img, int class, u64 lo, const char **why)
{
	return elf_relocate(img, lo, IMG_SZ, BIAS - lo, lo + DYN, 0x100, class, why);
}

TEST(relative_relocations_store_bias_plus_addend)
{
	for (int class = ELFCLASS32; class <= ELFCLASS64; class++) {
		for (unsigned int l = 0; l < 2; l++) {
			u64 lo = los[l], mask = class == ELFCLASS64 ? ~0ULL : 0xffffffffULL;
			unsigned int w = wsize(class);
			unsigned char *img = build(class, lo), *orig = malloc(IMG_SZ);
			const char *why = "unset";

			memcpy(orig, img, IMG_SZ);
			EXPECT_EQ(relocate(img, class, lo, &why), 0);
			EXPECT(why == NULL);
			EXPECT_EQ(get(img + 0x2800, w), (BIAS - lo + 0x123) & mask);
			EXPECT_EQ(get(img + IMG_SZ - w, w), BIAS & mask);	/* link address lo */
			EXPECT_EQ(get(img + 0x2a03, w), (BIAS - lo + 0x10) & mask);
			EXPECT_MEMEQ(img + 0x2900, orig + 0x2900, w);		/* R_RISCV_NONE */
			/* Nothing else changed. */
			EXPECT_MEMEQ(img, orig, 0x2800);
			EXPECT_MEMEQ(img + 0x2800 + w, orig + 0x2800 + w, 0x2a03 - 0x2800 - w);
			EXPECT_MEMEQ(img + 0x2a03 + w, orig + 0x2a03 + w, IMG_SZ - 2 * w - 0x2a03);
			/* A second pass (a program that relocates itself too) gives the same. */
			memcpy(orig, img, IMG_SZ);
			EXPECT_EQ(relocate(img, class, lo, &why), 0);
			EXPECT_MEMEQ(img, orig, IMG_SZ);
			free(img);
			free(orig);
		}
	}
}

TEST(no_dynamic_section_or_no_table_changes_nothing)
{
	for (int class = ELFCLASS32; class <= ELFCLASS64; class++) {
		unsigned char *img = build(class, 0), *orig = malloc(IMG_SZ);
		const char *why;

		memcpy(orig, img, IMG_SZ);
		EXPECT_EQ(elf_relocate(img, 0, IMG_SZ, BIAS, 0, 0, class, &why), 0);
		EXPECT_MEMEQ(img, orig, IMG_SZ);
		put(img + DYN + wsize(class), wsize(class), 0);		/* DT_RELA's value 0 ... */
		put(img + DYN + 3 * wsize(class), wsize(class), 0);	/* ... DT_RELASZ 0 */
		memcpy(orig, img, IMG_SZ);
		EXPECT_EQ(relocate(img, class, 0, &why), 0);
		EXPECT_MEMEQ(img, orig, IMG_SZ);
		free(img);
		free(orig);
	}
}

enum bad { BAD_TYPE, BAD_ABS64, BAD_PAST_END, BAD_LAST_BYTE, BAD_BELOW_LO, BAD_WRAP_OFFSET,
	   BAD_TABLE_OUTSIDE, BAD_TABLE_WRAP, BAD_ENT, BAD_SIZE, BAD_DYN_OUTSIDE, BAD_RELR,
	   BAD_REL, NR_BAD };

/* Breaks the image one way; where the dynamic section is (link address) in *dyn. */
static void mutate(unsigned char *img, int class, u64 lo, enum bad kind, u64 *dyn)
{
	unsigned int w = wsize(class);
	u64 rel = rinfo(class, R_RISCV_RELATIVE, 0);

	*dyn = lo + DYN;
	switch (kind) {
	case BAD_TYPE: set_rela(img, class, 2, lo + 0x2800, rinfo(class, 57, 0), 0); break;
	case BAD_ABS64: set_rela(img, class, 2, lo + 0x2800, rinfo(class, 2, 1), 0); break;
	case BAD_PAST_END: set_rela(img, class, 2, lo + IMG_SZ, rel, 0); break;
	case BAD_LAST_BYTE: set_rela(img, class, 2, lo + IMG_SZ - w + 1, rel, 0); break;
	case BAD_BELOW_LO: set_rela(img, class, 2, lo - 8, rel, 0); break;
	case BAD_WRAP_OFFSET: set_rela(img, class, 2, class == ELFCLASS64 ? ~0ULL - 3 :
				       0xfffffffdULL, rel, 0); break;
	case BAD_TABLE_OUTSIDE: put(img + DYN + w, w, lo + IMG_SZ - w); break;
	case BAD_TABLE_WRAP: put(img + DYN + 3 * w, w, class == ELFCLASS64 ?
				 ~0ULL - 3 * w + 1 : 0xffffffffULL - 3 * w + 1); break;
	case BAD_ENT: put(img + DYN + 5 * w, w, 3 * w + 1); break;
	case BAD_SIZE: put(img + DYN + 3 * w, w, NR_RELA * 3 * w - 1); break;
	case BAD_DYN_OUTSIDE: *dyn = lo + IMG_SZ - 0x80; break;
	case BAD_RELR:
		put(img + DYN + 6 * w, w, DT_RELRSZ);
		put(img + DYN + 7 * w, w, 16);
		break;
	case BAD_REL:
		put(img + DYN + 6 * w, w, DT_RELSZ);
		put(img + DYN + 7 * w, w, 16);
		break;
	default:
		break;
	}
}

TEST(each_bad_table_gives_enoexec_with_a_reason)
{
	for (int class = ELFCLASS32; class <= ELFCLASS64; class++) {
		for (unsigned int l = 0; l < 2; l++) {
			for (int kind = 0; kind < NR_BAD; kind++) {
				u64 lo = los[l], dyn;
				unsigned char *img = build(class, lo);
				const char *why = NULL;
				int err;

				if (kind == BAD_BELOW_LO && !lo) {
					free(img);
					continue;
				}
				mutate(img, class, lo, kind, &dyn);
				err = elf_relocate(img, lo, IMG_SZ, BIAS - lo, dyn, 0x100, class, &why);
				if (err != -ENOEXEC || !why)
					harness_fail(__FILE__, __LINE__, "class %d lo %#llx kind %d: %d",
						     class, (unsigned long long)lo, kind, err);
				free(img);
			}
		}
	}
}

/* Random bytes over the dynamic section and the table: 0 or -ENOEXEC, never a stray write. */
TEST(random_damage_is_refused_or_stays_inside)
{
	unsigned long long seed = 0x5eed0e1f;

	for (int round = 0; round < 20000; round++) {
		int class = round & 1 ? ELFCLASS64 : ELFCLASS32;
		u64 lo = los[(round >> 1) & 1];
		unsigned char *img = build(class, lo);
		unsigned int hits = 1 + harness_rnd(&seed, 8);
		const char *why = "unset";
		int err;

		for (unsigned int i = 0; i < hits; i++) {
			u64 at = DYN + harness_rnd(&seed, (unsigned int)(RELA + NR_RELA * 24 - DYN));

			img[at] = harness_rnd(&seed, 4) ? (unsigned char)harness_rnd(&seed, 256) :
							  (unsigned char)(0xff * (i & 1));
		}
		err = relocate(img, class, lo, &why);
		if (err)
			EXPECT(err == -ENOEXEC && why);
		else
			EXPECT(why == NULL);
		free(img);
	}
}

TEST_MAIN()
