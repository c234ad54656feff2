// SPDX-License-Identifier: MIT
/*
 * Host tests for block/partitions.c and lib/crc32.c: hand-built MBR and
 * GPT tables, each defect refused; the images sfdisk makes (argv[1]: MBR,
 * argv[2]: GPT, written by tests/Makefile); truncated disks; and random
 * corruptions of the sfdisk images, which must be refused or give
 * partitions on the disk, never a crash (ASan).  Every disk is a heap
 * buffer of its exact size, and the reader refuses sectors past its end.
 */
#include "harness.h"

#include <tern/crc32.h>
#include <tern/errno.h>
#include <tern/partitions.h>

struct disk {
	unsigned char *bytes;
	unsigned long long sectors;
	unsigned int reads;
};

static int disk_read(void *ctx, u64 sector, void *buf)
{
	struct disk *d = ctx;

	d->reads++;
	if (sector >= d->sectors)
		return -EIO;
	memcpy(buf, d->bytes + sector * 512, 512);
	return 0;
}

static struct disk disk_new(unsigned long long sectors)
{
	struct disk d = { calloc(sectors, 512), sectors, 0 };

	return d;
}

static int parse(struct disk *d, struct part_table *t)
{
	return parse_partitions(d->sectors, disk_read, d, t);
}

static void put32(unsigned char *p, unsigned int v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static void put64(unsigned char *p, unsigned long long v)
{
	put32(p, (unsigned int)v);
	put32(p + 4, (unsigned int)(v >> 32));
}

static void mbr_entry(unsigned char *sector, int i, int type, unsigned int start,
		      unsigned int count)
{
	unsigned char *e = sector + 446 + 16 * i;

	e[0] = 0;
	e[4] = type;
	put32(e + 8, start);
	put32(e + 12, count);
	sector[510] = 0x55;
	sector[511] = 0xaa;
}

static bool has_part(const struct part_table *t, unsigned int number, u64 start, u64 count)
{
	unsigned int i;

	for (i = 0; i < t->nr; i++)
		if (t->part[i].number == number)
			return t->part[i].start == start && t->part[i].nr_sectors == count;
	return false;
}

TEST(crc32_matches_the_check_value)
{
	EXPECT_EQ(crc32(0, "123456789", 9), 0xcbf43926);
	EXPECT_EQ(crc32(crc32(0, "1234", 4), "56789", 5), 0xcbf43926);
	EXPECT_EQ(crc32(0, "", 0), 0);
}

TEST(no_signature_is_no_table)
{
	struct disk d = disk_new(64);
	struct part_table t;

	EXPECT_EQ(parse(&d, &t), 0);
	EXPECT(t.kind == NULL);
	/* A FAT boot sector ends with 55 aa too, but its "boot flags" are code. */
	mbr_entry(d.bytes, 0, 0x83, 1, 10);
	d.bytes[446] = 0x29;
	EXPECT_EQ(parse(&d, &t), 0);
	EXPECT(t.kind == NULL);
	free(d.bytes);
}

/* Two primaries and an extended partition holding two logical ones. */
static void build_mbr(struct disk *d)
{
	unsigned char *ebr1 = d->bytes + 100 * 512, *ebr2 = d->bytes + 150 * 512;

	mbr_entry(d->bytes, 0, 0x83, 10, 40);
	mbr_entry(d->bytes, 1, 0x0c, 50, 50);
	mbr_entry(d->bytes, 3, 0x05, 100, 100);
	mbr_entry(ebr1, 0, 0x83, 2, 20);	/* 102..121 */
	mbr_entry(ebr1, 1, 0x05, 50, 40);	/* next record at 150 */
	mbr_entry(ebr2, 0, 0x83, 5, 30);	/* 155..184 */
}

TEST(mbr_primary_and_logical_partitions)
{
	struct disk d = disk_new(256);
	struct part_table t;

	build_mbr(&d);
	EXPECT_EQ(parse(&d, &t), 4);
	EXPECT_STREQ(t.kind, "MBR");
	EXPECT(has_part(&t, 1, 10, 40));
	EXPECT(has_part(&t, 2, 50, 50));
	EXPECT(has_part(&t, 5, 102, 20));
	EXPECT(has_part(&t, 6, 155, 30));
	free(d.bytes);
}

TEST(mbr_defects_are_refused)
{
	struct part_table t;
	struct disk d;

	d = disk_new(256);
	build_mbr(&d);
	put32(d.bytes + 446 + 12, 300);		/* partition 1 past the end */
	EXPECT_EQ(parse(&d, &t), -EINVAL);
	EXPECT_EQ(t.nr, 0);
	EXPECT(t.why != NULL);
	free(d.bytes);

	d = disk_new(256);
	build_mbr(&d);
	put32(d.bytes + 446 + 16 + 8, 30);	/* partition 2 over partition 1 */
	EXPECT_EQ(parse(&d, &t), -EINVAL);
	free(d.bytes);

	d = disk_new(256);
	build_mbr(&d);
	put32(d.bytes + 150 * 512 + 446 + 16 + 8, 0);	/* second record points at the first */
	d.bytes[150 * 512 + 446 + 16 + 4] = 0x05;
	EXPECT_EQ(parse(&d, &t), -EINVAL);
	free(d.bytes);

	d = disk_new(256);
	build_mbr(&d);
	put32(d.bytes + 100 * 512 + 446 + 12, 90);	/* logical past its extended partition */
	EXPECT_EQ(parse(&d, &t), -EINVAL);
	free(d.bytes);

	d = disk_new(256);
	build_mbr(&d);
	d.bytes[150 * 512 + 511] = 0;		/* a record without its signature */
	EXPECT_EQ(parse(&d, &t), -EINVAL);
	free(d.bytes);
}

TEST(mbr_on_a_truncated_disk_is_refused)
{
	struct disk d = disk_new(256);
	struct part_table t;

	build_mbr(&d);
	d.sectors = 120;	/* the second logical and the extended end past it */
	EXPECT_EQ(parse(&d, &t), -EINVAL);
	free(d.bytes);
}

#define GPT_ENTRIES	128
#define GPT_DISK	2048

static void gpt_entry(struct disk *d, int i, u64 first, u64 last)
{
	unsigned char *e = d->bytes + 2 * 512 + 128 * i;

	memset(e, 0, 128);
	e[0] = 0xaf;		/* any non-zero type GUID */
	e[15] = 0x3d;
	e[16] = i + 1;		/* unique GUID */
	put64(e + 32, first);
	put64(e + 40, last);
}

/* Recomputes both CRCs, after the header's fields were changed. */
static void gpt_seal(struct disk *d)
{
	unsigned char *h = d->bytes + 512;
	unsigned int size = h[12] | h[13] << 8;

	put32(h + 88, crc32(0, d->bytes + 2 * 512, GPT_ENTRIES * 128));
	put32(h + 16, 0);
	put32(h + 16, crc32(0, h, size > 512 ? 92 : size));
}

static void build_gpt(struct disk *d)
{
	unsigned char *h = d->bytes + 512;

	mbr_entry(d->bytes, 0, 0xee, 1, GPT_DISK - 1);
	memcpy(h, "EFI PART", 8);
	put32(h + 8, 0x00010000);
	put32(h + 12, 92);
	put64(h + 24, 1);
	put64(h + 32, GPT_DISK - 1);
	put64(h + 40, 34);
	put64(h + 48, GPT_DISK - 34);
	put64(h + 72, 2);
	put32(h + 80, GPT_ENTRIES);
	put32(h + 84, 128);
	gpt_entry(d, 0, 34, 99);
	gpt_entry(d, 1, 100, 999);
	gpt_entry(d, 4, 1000, 1500);
	gpt_seal(d);
}

TEST(gpt_partitions)
{
	struct disk d = disk_new(GPT_DISK);
	struct part_table t;

	build_gpt(&d);
	EXPECT_EQ(parse(&d, &t), 3);
	EXPECT_STREQ(t.kind, "GPT");
	EXPECT(has_part(&t, 1, 34, 66));
	EXPECT(has_part(&t, 2, 100, 900));
	EXPECT(has_part(&t, 5, 1000, 501));
	free(d.bytes);
}

/* Builds a good GPT, lets change() damage it (sealed again if asked), and expects a refusal. */
static void gpt_refused(void (*change)(struct disk *d), bool seal, const char *why)
{
	struct disk d = disk_new(GPT_DISK);
	struct part_table t;

	build_gpt(&d);
	change(&d);
	if (seal)
		gpt_seal(&d);
	if (!EXPECT_EQ(parse(&d, &t), -EINVAL))
		printf("# case: %s\n", why);
	else if (!t.why)
		FAIL("%s: reason \"%s\"", why, t.why ? t.why : "(none)");
	EXPECT_EQ(t.nr, 0);
	free(d.bytes);
}

static void flip_header_byte(struct disk *d) { d->bytes[512 + 40] ^= 1; }
static void flip_entry_byte(struct disk *d) { d->bytes[2 * 512 + 128 + 33] ^= 1; }
static void bad_signature(struct disk *d) { d->bytes[512] = 'X'; }
static void huge_header(struct disk *d) { put32(d->bytes + 512 + 12, 600); }
static void entries_past_end(struct disk *d) { put64(d->bytes + 512 + 72, GPT_DISK - 2); }
static void entries_in_usable(struct disk *d) { put64(d->bytes + 512 + 72, 40); }
static void entry_size_odd(struct disk *d) { put32(d->bytes + 512 + 84, 100); }
static void too_many_entries(struct disk *d) { put32(d->bytes + 512 + 80, 1u << 30); }
static void last_usable_past_end(struct disk *d) { put64(d->bytes + 512 + 48, GPT_DISK + 5); }
static void part_past_usable(struct disk *d) { gpt_entry(d, 4, 1000, GPT_DISK - 10); }
static void part_reversed(struct disk *d) { gpt_entry(d, 4, 1500, 1000); }
static void parts_overlap(struct disk *d) { gpt_entry(d, 4, 900, 1100); }
static void not_at_sector_1(struct disk *d) { put64(d->bytes + 512 + 24, 7); }

TEST(gpt_defects_are_refused)
{
	gpt_refused(flip_header_byte, false, "header CRC");
	gpt_refused(flip_entry_byte, false, "entries CRC");
	gpt_refused(bad_signature, false, "signature");
	gpt_refused(huge_header, true, "header size");
	gpt_refused(entries_past_end, true, "entries past the end");
	gpt_refused(entries_in_usable, true, "entries inside usable sectors");
	gpt_refused(entry_size_odd, true, "entry size");
	gpt_refused(too_many_entries, true, "entry count");
	gpt_refused(last_usable_past_end, true, "usable past the end");
	gpt_refused(part_past_usable, true, "partition past usable");
	gpt_refused(part_reversed, true, "partition ends before it starts");
	gpt_refused(parts_overlap, true, "overlap");
	gpt_refused(not_at_sector_1, true, "my_lba");
}

TEST(gpt_on_a_truncated_disk_is_refused)
{
	struct disk d = disk_new(GPT_DISK);
	struct part_table t;

	build_gpt(&d);
	d.sectors = 1200;
	EXPECT_EQ(parse(&d, &t), -EINVAL);
	d.sectors = 1;		/* too short for any table */
	EXPECT_EQ(parse(&d, &t), 0);
	d.sectors = 2;		/* the protective MBR, no room for the header's array */
	EXPECT(parse(&d, &t) < 0);
	free(d.bytes);
}

/* A disk image file, read whole into a buffer of its exact size. */
static bool load_image(const char *path, struct disk *d)
{
	FILE *f = fopen(path, "rb");
	long size;

	if (!f)
		return false;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	d->sectors = size / 512;
	d->bytes = malloc(size);
	if (!d->bytes || fread(d->bytes, 1, size, f) != (size_t)size) {
		fclose(f);
		return false;
	}
	fclose(f);
	return true;
}

TEST(sfdisk_mbr_image)
{
	struct part_table t;
	struct disk d;

	if (harness_argc < 2 || !load_image(harness_argv[1], &d)) {
		FAIL("no MBR image given (argv[1])");
		return;
	}
	EXPECT_EQ(parse(&d, &t), 4);
	EXPECT_STREQ(t.kind, "MBR");
	EXPECT(has_part(&t, 1, 2048, 4096));
	EXPECT(has_part(&t, 2, 6144, 2048));
	EXPECT(has_part(&t, 5, 10240, 2048));
	EXPECT(has_part(&t, 6, 14336, 2048));
	free(d.bytes);
}

TEST(sfdisk_gpt_image)
{
	struct part_table t;
	struct disk d;

	if (harness_argc < 3 || !load_image(harness_argv[2], &d)) {
		FAIL("no GPT image given (argv[2])");
		return;
	}
	EXPECT_EQ(parse(&d, &t), 3);
	EXPECT_STREQ(t.kind, "GPT");
	EXPECT(has_part(&t, 1, 2048, 2048));
	EXPECT(has_part(&t, 2, 4096, 4096));
	EXPECT(has_part(&t, 3, 10240, 2048));
	free(d.bytes);
}

/* Random bytes of the first 34 sectors changed: refused, or partitions on the disk. */
static void corrupt_image(const char *path, unsigned long long seed)
{
	struct disk d, copy;
	unsigned int round, refused = 0;

	if (!load_image(path, &d)) {
		FAIL("cannot read %s", path);
		return;
	}
	copy = disk_new(d.sectors);
	for (round = 0; round < 3000; round++) {
		struct part_table t;
		unsigned int i, n = 1 + harness_rnd(&seed, 4);
		int ret;

		memcpy(copy.bytes, d.bytes, d.sectors * 512);
		for (i = 0; i < n; i++)
			copy.bytes[harness_rnd(&seed, 34 * 512)] ^= 1 + harness_rnd(&seed, 255);
		copy.sectors = round % 7 ? d.sectors : 1 + harness_rnd(&seed, d.sectors);
		ret = parse(&copy, &t);
		if (ret == -EINVAL) {
			refused++;
			EXPECT(t.why != NULL);
			EXPECT_EQ(t.nr, 0);
			continue;
		}
		if (ret < 0) {
			EXPECT_EQ(ret, -EIO);	/* a sector past a truncated end */
			continue;
		}
		EXPECT_EQ((unsigned int)ret, t.nr);
		for (i = 0; i < t.nr; i++) {
			EXPECT(t.part[i].start >= 1 && t.part[i].nr_sectors >= 1);
			EXPECT(t.part[i].start + t.part[i].nr_sectors <= copy.sectors);
		}
	}
	EXPECT(refused > 0);
	free(copy.bytes);
	free(d.bytes);
}

TEST(corrupted_sfdisk_images)
{
	if (harness_argc < 3) {
		FAIL("no images given");
		return;
	}
	corrupt_image(harness_argv[1], 1);
	corrupt_image(harness_argv[2], 2);
}

TEST_MAIN()
