// SPDX-License-Identifier: MIT
/*
 * MBR and GPT partition tables (<tern/partitions.h>).
 *
 * MBR: sector 0 ends with 55 aa; four 16-byte entries at 446 (boot flag
 * 00 or 80, type at 4, first sector at 8, sector count at 12, both
 * little-endian 32-bit).  A boot flag of any other value means sector 0
 * is no MBR (a FAT boot sector also ends with 55 aa).  An extended entry
 * (type 05, 0f, 85) holds a chain of extended boot records, each an MBR
 * whose first entry is a logical partition (relative to that record) and
 * whose second points to the next record (relative to the extended
 * partition).  Type ee is the protective MBR of a GPT disk.
 *
 * GPT (UEFI 2.x, 5.3): the header at sector 1, "EFI PART", with a CRC-32
 * of itself and of its entry array; entries of entry_size bytes (128 or a
 * larger multiple of 8), unused when their type GUID is zero.  Only the
 * primary header is read: a damaged one is refused, not repaired from the
 * backup.
 */
#include <tern/crc32.h>
#include <tern/errno.h>
#include <tern/partitions.h>
#include <tern/string.h>

#define MBR_ENTRIES_OFFSET	446
#define MBR_TYPE_GPT		0xee
#define MBR_MAX_LOGICAL		64	/* extended boot records followed at most */
#define GPT_HEADER_MIN		92
#define GPT_MAX_ENTRIES		4096

static u32 get_le32(const u8 *p)
{
	return p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static u64 get_le64(const u8 *p)
{
	return get_le32(p) | (u64)get_le32(p + 4) << 32;
}

static int refuse(struct part_table *t, const char *why)
{
	t->why = why;
	t->nr = 0;
	return -EINVAL;
}

/* Adds a partition after checking it lies on the disk and overlaps none. */
static int add_part(struct part_table *t, u64 disk, unsigned int number, u64 start, u64 count)
{
	unsigned int i;

	if (!count || start < 1 || start >= disk || count > disk - start)
		return refuse(t, "a partition lies outside the disk");
	for (i = 0; i < t->nr; i++) {
		const struct part_entry *p = &t->part[i];

		if (start < p->start + p->nr_sectors && p->start < start + count)
			return refuse(t, "two partitions overlap");
	}
	if (t->nr == PART_MAX) {
		t->truncated = true;
		return 0;
	}
	t->part[t->nr++] = (struct part_entry){ number, start, count };
	return 0;
}

static bool mbr_is_extended(u8 type)
{
	return type == 0x05 || type == 0x0f || type == 0x85;
}

/* sector holds a valid MBR-shaped record: signature and boot flags. */
static bool mbr_valid(const u8 *sector)
{
	unsigned int i;

	if (sector[510] != 0x55 || sector[511] != 0xaa)
		return false;
	for (i = 0; i < 4; i++) {
		u8 flag = sector[MBR_ENTRIES_OFFSET + 16 * i];

		if (flag != 0x00 && flag != 0x80)
			return false;
	}
	return true;
}

/* The logical partitions in the extended partition at ext_start, ext_count sectors. */
static int mbr_logical(struct part_table *t, u64 disk, u64 ext_start, u64 ext_count,
		       part_read_t read, void *ctx)
{
	u8 sector[512];
	u64 ebr = ext_start;
	unsigned int number = 5, hops;
	int err;

	for (hops = 0; hops < MBR_MAX_LOGICAL; hops++) {
		const u8 *e0 = sector + MBR_ENTRIES_OFFSET, *e1 = e0 + 16;
		u64 next;

		err = read(ctx, ebr, sector);
		if (err)
			return err;
		if (!mbr_valid(sector))
			return refuse(t, "an extended boot record without its signature");
		if (e0[4] && get_le32(e0 + 12)) {
			u64 start = ebr + get_le32(e0 + 8), count = get_le32(e0 + 12);

			if (start + count > ext_start + ext_count)
				return refuse(t, "a logical partition outside its extended partition");
			err = add_part(t, disk, number++, start, count);
			if (err)
				return err;
		}
		if (!e1[4] || !mbr_is_extended(e1[4]))
			return 0;
		next = ext_start + get_le32(e1 + 8);
		if (next <= ebr || next >= ext_start + ext_count)
			return refuse(t, "extended boot records that do not go forward");
		ebr = next;
	}
	return refuse(t, "too many extended boot records");
}

static int parse_mbr(struct part_table *t, u64 disk, const u8 *mbr, part_read_t read,
		     void *ctx)
{
	u64 ext_start = 0, ext_count = 0;
	unsigned int i;
	int err;

	t->kind = "MBR";
	for (i = 0; i < 4; i++) {
		const u8 *e = mbr + MBR_ENTRIES_OFFSET + 16 * i;
		u64 start = get_le32(e + 8), count = get_le32(e + 12);

		if (!e[4] || !count)
			continue;
		if (mbr_is_extended(e[4])) {
			if (ext_count)
				return refuse(t, "two extended partitions");
			if (!start || start >= disk || count > disk - start)
				return refuse(t, "a partition lies outside the disk");
			ext_start = start;
			ext_count = count;
			continue;
		}
		err = add_part(t, disk, i + 1, start, count);
		if (err)
			return err;
	}
	if (ext_count) {
		for (i = 0; i < t->nr; i++)
			if (t->part[i].start < ext_start + ext_count &&
			    ext_start < t->part[i].start + t->part[i].nr_sectors)
				return refuse(t, "two partitions overlap");
		err = mbr_logical(t, disk, ext_start, ext_count, read, ctx);
		if (err)
			return err;
	}
	return t->nr;
}

struct gpt_header {
	u64 first_usable, last_usable, entries_lba;
	u32 nr_entries, entry_size, entries_crc;
};

/* Checks the header at sector 1 (in hdr) and reads its fields into h. */
static int gpt_check_header(struct part_table *t, u64 disk, u8 *hdr, struct gpt_header *h)
{
	u32 size = get_le32(hdr + 12), crc = get_le32(hdr + 16);
	u64 entries_sectors;

	if (memcmp(hdr, "EFI PART", 8))
		return refuse(t, "GPT: no header signature at sector 1");
	if (get_le32(hdr + 8) >> 16 != 1)
		return refuse(t, "GPT: header revision not 1.x");
	if (size < GPT_HEADER_MIN || size > 512)
		return refuse(t, "GPT: header size out of range");
	memset(hdr + 16, 0, 4);
	if (crc32(0, hdr, size) != crc)
		return refuse(t, "GPT: header CRC does not match");
	if (get_le64(hdr + 24) != 1)
		return refuse(t, "GPT: header does not say it is at sector 1");
	h->first_usable = get_le64(hdr + 40);
	h->last_usable = get_le64(hdr + 48);
	h->entries_lba = get_le64(hdr + 72);
	h->nr_entries = get_le32(hdr + 80);
	h->entry_size = get_le32(hdr + 84);
	h->entries_crc = get_le32(hdr + 88);
	if (h->first_usable > h->last_usable || h->last_usable >= disk)
		return refuse(t, "GPT: usable sectors outside the disk");
	if (h->entry_size < 128 || h->entry_size > 512 || h->entry_size % 8 ||
	    512 % h->entry_size)
		return refuse(t, "GPT: unsupported entry size");
	if (h->nr_entries > GPT_MAX_ENTRIES)
		return refuse(t, "GPT: too many entries");
	entries_sectors = ((u64)h->nr_entries * h->entry_size + 511) / 512;
	if (h->entries_lba < 2 || h->entries_lba >= disk ||
	    entries_sectors > disk - h->entries_lba)
		return refuse(t, "GPT: entry array outside the disk");
	if (h->entries_lba <= h->last_usable && h->entries_lba + entries_sectors > h->first_usable)
		return refuse(t, "GPT: entry array inside the usable sectors");
	return 0;
}

static bool guid_is_zero(const u8 *g)
{
	unsigned int i;

	for (i = 0; i < 16; i++)
		if (g[i])
			return false;
	return true;
}

static int parse_gpt(struct part_table *t, u64 disk, part_read_t read, void *ctx)
{
	struct gpt_header h;
	u8 sector[512];
	u32 crc = 0, i, per_sector;
	int err;

	t->kind = "GPT";
	err = read(ctx, 1, sector);
	if (err)
		return err;
	err = gpt_check_header(t, disk, sector, &h);
	if (err)
		return err;
	per_sector = 512 / h.entry_size;
	for (i = 0; i < h.nr_entries; i++) {
		const u8 *e = sector + (i % per_sector) * h.entry_size;
		u64 first, last;

		if (i % per_sector == 0) {
			err = read(ctx, h.entries_lba + i / per_sector, sector);
			if (err)
				return err;
		}
		crc = crc32(crc, e, h.entry_size);
		if (guid_is_zero(e))
			continue;
		first = get_le64(e + 32);
		last = get_le64(e + 40);
		if (first < h.first_usable || last > h.last_usable || first > last)
			return refuse(t, "GPT: a partition lies outside the usable sectors");
		err = add_part(t, disk, i + 1, first, last - first + 1);
		if (err)
			return err;
	}
	if (crc != h.entries_crc)
		return refuse(t, "GPT: entry array CRC does not match");
	return t->nr;
}

int parse_partitions(u64 nr_sectors, part_read_t read, void *ctx, struct part_table *t)
{
	u8 mbr[512];
	unsigned int i;
	int err;

	memset(t, 0, sizeof(*t));
	if (nr_sectors < 2)
		return 0;
	err = read(ctx, 0, mbr);
	if (err)
		return err;
	if (!mbr_valid(mbr))
		return 0;
	for (i = 0; i < 4; i++)
		if (mbr[MBR_ENTRIES_OFFSET + 16 * i + 4] == MBR_TYPE_GPT)
			return parse_gpt(t, nr_sectors, read, ctx);
	return parse_mbr(t, nr_sectors, mbr, read, ctx);
}
