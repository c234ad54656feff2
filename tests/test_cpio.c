// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/cpio.c, the newc reader: archives the host's GNU
 * cpio wrote from a tree (tests/Makefile), compared entry by entry with
 * that tree; hand-made archives for each way a header can be wrong; and
 * every truncation and thousands of byte mutations of a real archive,
 * each in a buffer of its exact size so AddressSanitizer sees any read
 * past it.  Every refusal must say where and what.
 *
 *	test_cpio <newc archive> <crc archive> <tree it was made from>
 */
#define _GNU_SOURCE	/* memmem */
#include "harness.h"

#include <sys/stat.h>
#include <unistd.h>

#include <tern/cpio.h>
#include <tern/errno.h>

/* Appends one newc entry; magic "070701" or "070702". */
static size_t put_entry(unsigned char *buf, size_t len, const char *magic, const char *name,
			unsigned int mode, const void *data, size_t size, unsigned int check)
{
	size_t namesize = strlen(name) + 1;

	len += (size_t)sprintf((char *)buf + len,
			       "%s%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X", magic,
			       1u, mode, 0u, 0u, 1u, 0u, size, 0u, 0u, 0u, 0u, namesize, check);
	memcpy(buf + len, name, namesize);
	len += namesize;
	while (len & 3)
		buf[len++] = 0;
	memcpy(buf + len, data, size);
	len += size;
	while (len & 3)
		buf[len++] = 0;
	return len;
}

static size_t put_trailer(unsigned char *buf, size_t len)
{
	return put_entry(buf, len, "070701", "TRAILER!!!", 0, "", 0, 0);
}

/* Reads every entry of an exact-size copy: the count, or the error. */
static int walk(const unsigned char *src, size_t size, char *error, size_t *entries)
{
	unsigned char *copy = malloc(size ? size : 1);
	struct cpio_reader r;
	struct cpio_entry e;
	int ret;

	memcpy(copy, src, size);
	cpio_reader_init(&r, copy, size);
	*entries = 0;
	while ((ret = cpio_next(&r, &e)) == 1) {
		(*entries)++;
		/* What the reader hands out lies inside the buffer. */
		if ((const unsigned char *)e.data < copy ||
		    (const unsigned char *)e.data + e.size > copy + size ||
		    strlen(e.name) + 1 != e.namesize)
			abort();
	}
	if (ret == -EINVAL && cpio_next(&r, &e) != -EINVAL)
		ret = 99;		/* must stay failed */
	if (error)
		strcpy(error, r.error);
	free(copy);
	return ret;
}

static const char *tree;

static void check_against_tree(const struct cpio_entry *e)
{
	char path[512], target[256];
	struct stat st;
	unsigned char *data;
	size_t size;
	ssize_t n;

	snprintf(path, sizeof(path), "%s/%s", tree, e->name);
	if (!EXPECT(lstat(path, &st) == 0))
		return;
	EXPECT_EQ(e->mode, st.st_mode);
	EXPECT_EQ(e->uid, 0);			/* --owner 0:0 */
	EXPECT_EQ(e->nlink, st.st_nlink);
	if (S_ISLNK(st.st_mode)) {
		n = readlink(path, target, sizeof(target));
		EXPECT(n == (ssize_t)e->size && !memcmp(target, e->data, e->size));
	} else if (S_ISREG(st.st_mode) && e->size) {
		/* GNU cpio gives a hard-linked file's data with its last name. */
		data = harness_load_file(path, &size);
		EXPECT(data && size == e->size && !memcmp(data, e->data, size));
		free(data);
	}
}

static const char *archive_path, *crc_path;

TEST(host_cpio_archives_match_the_tree)
{
	const char *paths[2] = { archive_path, crc_path };
	struct cpio_reader r;
	struct cpio_entry e;
	unsigned char *buf;
	size_t size;
	int i, entries, links, ret;

	for (i = 0; i < 2; i++) {
		buf = harness_load_file(paths[i], &size);
		ASSERT(buf);
		cpio_reader_init(&r, buf, size);
		entries = links = 0;
		while ((ret = cpio_next(&r, &e)) == 1) {
			check_against_tree(&e);
			entries++;
			links += e.nlink == 2 && (e.mode & CPIO_S_IFMT) == CPIO_S_IFREG;
		}
		EXPECT_EQ(ret, 0);
		EXPECT_STREQ(r.error, "");
		EXPECT(entries >= 10);
		EXPECT_EQ(links, 2);
		EXPECT_EQ(e.archive, 1);
		free(buf);
	}
}

TEST(every_truncation_is_refused_cleanly)
{
	unsigned char *buf;
	size_t size, len, end, entries;
	char error[CPIO_ERROR_MAX];
	int ret;

	buf = harness_load_file(archive_path, &size);
	ASSERT(buf);
	/* Where the TRAILER!!! name ends: from there on, only padding is cut. */
	end = (size_t)((unsigned char *)memmem(buf, size, "TRAILER!!!", 11) - buf) + 11;
	for (len = 0; len < size; len++) {
		ret = walk(buf, len, error, &entries);
		if (len == 0 || len >= end) {
			EXPECT_EQ(ret, 0);
		} else if (!EXPECT_EQ(ret, -EINVAL)) {
			printf("# prefix %zu\n", len);
		} else {
			EXPECT(!strncmp(error, "offset ", 7));
		}
	}
	free(buf);
}

TEST(thousands_of_mutations_fail_cleanly_or_parse)
{
	static const unsigned char values[] = { 0, '0', '7', '9', 'A', 'f', 'g', ' ', 0x80, 0xff };
	unsigned char *buf;
	size_t size, pos, entries, cases = 0, refused = 0;
	char error[CPIO_ERROR_MAX];
	unsigned int v;
	int ret;

	buf = harness_load_file(archive_path, &size);
	ASSERT(buf);
	for (pos = 0; pos < size; pos++) {
		unsigned char old = buf[pos];

		for (v = 0; v < sizeof(values); v++) {
			if (values[v] == old)
				continue;
			buf[pos] = values[v];
			ret = walk(buf, size, error, &entries);
			cases++;
			if (ret == -EINVAL) {
				refused++;
				EXPECT(!strncmp(error, "offset ", 7));
			} else {
				EXPECT_EQ(ret, 0);
			}
		}
		buf[pos] = old;
	}
	printf("# %zu mutations, %zu refused\n", cases, refused);
	EXPECT(cases > 1000);
	EXPECT(refused > 100);
	free(buf);
}

static void expect_error(const unsigned char *buf, size_t len, const char *what)
{
	char error[CPIO_ERROR_MAX];
	size_t entries;

	EXPECT_EQ(walk(buf, len, error, &entries), -EINVAL);
	if (!strstr(error, what))
		FAIL("error \"%s\" does not say \"%s\"", error, what);
}

TEST(each_corruption_is_named)
{
	unsigned char *buf = calloc(1, 4096);
	size_t len;

	len = put_trailer(buf, put_entry(buf, 0, "070701", "f", 0100644, "abc", 3, 0));
	buf[0] = '1';
	expect_error(buf, len, "offset 0: bad magic");
	buf[0] = '0';
	buf[6 + 8 + 3] = 'x';			/* mode */
	expect_error(buf, len, "offset 14: non-hex digit in field mode");
	buf[6 + 8 + 3] = '0';
	memcpy(buf + 6 + 8 * 11, "00000000", 8);	/* namesize 0 */
	expect_error(buf, len, "offset 0: name size 0");
	memcpy(buf + 6 + 8 * 11, "FFFFFFFF", 8);
	expect_error(buf, len, "name runs past the end");
	memcpy(buf + 6 + 8 * 11, "00000001", 8);	/* "f" without its NUL */
	expect_error(buf, len, "offset 110: name not NUL-terminated");
	memcpy(buf + 6 + 8 * 11, "00000002", 8);
	memcpy(buf + 6 + 8 * 6, "FFFFFFFF", 8);	/* filesize */
	expect_error(buf, len, "file data runs past the end");
	memcpy(buf + 6 + 8 * 6, "00000003", 8);
	EXPECT_EQ(walk(buf, len, NULL, &len), 0);
	free(buf);
}

TEST(names_with_inner_nul_and_headers_cut_short)
{
	unsigned char *buf = calloc(1, 4096);
	size_t len = put_trailer(buf, put_entry(buf, 0, "070701", "ab", 0100644, "", 0, 0));

	buf[110] = 0;
	expect_error(buf, len, "NUL inside the name");
	expect_error(buf, 50, "offset 0: header cut short");
	len = put_entry(buf, 0, "070701", "ab", 0100644, "", 0, 0);
	expect_error(buf, len, "without TRAILER!!!");
	free(buf);
}

TEST(crc_archives_check_their_sum)
{
	unsigned char *buf = calloc(1, 4096);
	size_t len, n;

	len = put_trailer(buf, put_entry(buf, 0, "070702", "f", 0100644, "abc", 3,
					 'a' + 'b' + 'c'));
	EXPECT_EQ(walk(buf, len, NULL, &n), 0);
	EXPECT_EQ(n, 1);
	len = put_trailer(buf, put_entry(buf, 0, "070702", "f", 0100644, "abc", 3, 1));
	expect_error(buf, len, "offset 0: checksum does not match");
	free(buf);
}

TEST(concatenated_archives_with_padding)
{
	unsigned char *buf = calloc(1, 4096);
	struct cpio_reader r;
	struct cpio_entry e;
	size_t len, n;

	len = put_trailer(buf, put_entry(buf, 0, "070701", "a", 0100644, "1", 1, 0));
	len += 512;				/* NULs, as cpio pads to blocks */
	len = put_trailer(buf, put_entry(buf, len, "070701", "b", 0100644, "22", 2, 0));
	len += 7;
	cpio_reader_init(&r, buf, len);
	EXPECT_EQ(cpio_next(&r, &e), 1);
	EXPECT(!strcmp(e.name, "a") && e.archive == 1 && e.size == 1);
	EXPECT_EQ(cpio_next(&r, &e), 1);
	EXPECT(!strcmp(e.name, "b") && e.archive == 2 && !memcmp(e.data, "22", 2));
	EXPECT_EQ(cpio_next(&r, &e), 0);
	/* A header off the 4-byte grid after the padding is junk. */
	memset(buf, 0, 4096);
	len = put_trailer(buf, 0);
	len = put_trailer(buf, len + 1);	/* one NUL, then a header at an odd offset */
	expect_error(buf, len, "junk between archives");
	EXPECT_EQ(walk(buf, 0, NULL, &n), 0);		/* empty */
	memset(buf, 0, 64);
	EXPECT_EQ(walk(buf, 64, NULL, &n), 0);		/* all NULs */
	free(buf);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s <newc archive> <crc archive> <tree>\n", argv[0]);
		return 2;
	}
	archive_path = argv[1];
	crc_path = argv[2];
	tree = argv[3];
	return harness_main(__FILE__, argc, argv);
}
