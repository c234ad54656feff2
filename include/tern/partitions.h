/* SPDX-License-Identifier: MIT */
/*
 * Partition tables: MBR (with extended partitions) and GPT, read from a
 * disk of 512-byte sectors through a callback.  Pure logic, also built by
 * the host tests (tests/block/test_partitions.c).
 *
 * A table that is there but wrong (a GPT whose CRCs do not match, a
 * partition past the end of the disk, two that overlap, a loop of
 * extended boot records) is refused whole: no partition is trusted.
 */
#ifndef TERN_PARTITIONS_H
#define TERN_PARTITIONS_H

#include <tern/types.h>

#define PART_MAX	16	/* partitions kept per disk */

struct part_entry {
	unsigned int number;	/* vda<number>: MBR 1-4 primary, 5... logical; GPT entry + 1 */
	u64 start;		/* first sector */
	u64 nr_sectors;
};

struct part_table {
	const char *kind;	/* "MBR", "GPT", or NULL: no table */
	unsigned int nr;
	struct part_entry part[PART_MAX];
	bool truncated;		/* more than PART_MAX: the first ones kept */
	const char *why;	/* a refusal's reason */
};

/* Reads 512-byte sector into buf: 0 or -errno. */
typedef int (*part_read_t)(void *ctx, u64 sector, void *buf);

/*
 * Fills t from the disk of nr_sectors sectors: the number of partitions
 * (0 also when there is no table: t->kind NULL), -EINVAL for a table
 * refused (t->why says why), or read's error.
 */
int parse_partitions(u64 nr_sectors, part_read_t read, void *ctx, struct part_table *t);

#endif
