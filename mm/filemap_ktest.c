// SPDX-License-Identifier: MIT
/*
 * Private file mappings (do_mmap_file, mm/filemap.c) of a ramfs file,
 * touched through the uaccess helpers in a borrowed address space: the
 * file's bytes on first touch, zeros after its end in the last page,
 * -EIO (the SIGBUS of a user access) wholly beyond it, writes that stay
 * private, and the reference the mapping holds on the file.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/ktest.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/namei.h>
#include <tern/sched.h>
#include <tern/string.h>
#include <tern/uaccess.h>

#define AREA		0x20000000UL
#define PATH		"/filemap-ktest"
#define TEXT		"private file mapping"
#define PRIV_FIXED	(MAP_PRIVATE | MAP_FIXED)

/* A new file of len bytes: TEXT at page k's start for every k, zeros elsewhere. */
static struct file *make_file(struct ktest *t, size_t len)
{
	struct file *f;
	loff_t pos;

	if (!IS_ENABLED(CONFIG_FS_RAMFS))
		return NULL;		/* no files: the cases skip */
	f = filp_open(PATH, O_CREAT | O_TRUNC | O_RDWR, 0644);
	if (IS_ERR(f)) {
		ktest_fail(t, __FILE__, __LINE__, "create %s: %ld", PATH, PTR_ERR(f));
		return NULL;
	}
	if (vfs_truncate_file(f, (loff_t)len)) {
		ktest_fail(t, __FILE__, __LINE__, "truncate");
		fput(f);
		return NULL;
	}
	for (pos = 0; pos < (loff_t)len; pos += PAGE_SIZE) {
		loff_t p = pos;

		kernel_write(f, TEXT, MIN(sizeof(TEXT) - 1, len - (size_t)pos), &p);
	}
	return f;
}

static bool all_zero(const u8 *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

static void drop_file(struct file *f)
{
	fput(f);
	vfs_unlink_path(PATH);
}

static long file_count(struct file *f)
{
	return __atomic_load_n(&f->f_count, __ATOMIC_RELAXED);
}

static void reads_the_file_zeros_after_its_end_sigbus_beyond(struct ktest *t)
{
	size_t len = PAGE_SIZE + 100;	/* two pages, the second mostly past the end */
	struct file *f = make_file(t, len);
	struct mm_struct *mm = f ? mm_alloc() : NULL;
	unsigned long addr = 0;
	char buf[sizeof(TEXT)];
	u8 tail[16];

	if (!IS_ENABLED(CONFIG_FS_RAMFS))
		KTEST_SKIP(t, "FS_RAMFS=n: no file to map");

	if (!mm)
		goto out;
	KTEST_EXPECT_EQ(t, do_mmap_file(mm, AREA, 3 * PAGE_SIZE, PROT_READ, PRIV_FIXED, f, 0,
					&addr), 0);
	KTEST_EXPECT_EQ(t, addr, AREA);
	KTEST_EXPECT_EQ(t, mm->rss, 0);		/* nothing read until touched */
	use_mm(mm);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)AREA, sizeof(TEXT) - 1), 0);
	KTEST_EXPECT(t, !memcmp(buf, TEXT, sizeof(TEXT) - 1));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(AREA + PAGE_SIZE),
					  sizeof(TEXT) - 1), 0);
	KTEST_EXPECT(t, !memcmp(buf, TEXT, sizeof(TEXT) - 1));
	/* The end of the file is at PAGE_SIZE + 100: zeros from there to the page's end. */
	KTEST_EXPECT_EQ(t, copy_from_user(tail, (void __user *)(AREA + PAGE_SIZE + 100),
					  sizeof(tail)), 0);
	KTEST_EXPECT(t, all_zero(tail, sizeof(tail)));
	KTEST_EXPECT_EQ(t, copy_from_user(tail, (void __user *)(AREA + 2 * PAGE_SIZE - 1), 1), 0);
	KTEST_EXPECT_EQ(t, tail[0], 0);
	/* The third page is wholly past the end: SIGBUS for a user access, -EFAULT here. */
	KTEST_EXPECT_NE(t, copy_from_user(tail, (void __user *)(AREA + 2 * PAGE_SIZE), 1), 0);
	unuse_mm(mm);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, AREA + 2 * PAGE_SIZE, FAULT_FLAG_USER), -EIO);
	KTEST_EXPECT_EQ(t, mm->rss, 2);
	/* A page offset: the mapping starts at the file's second page. */
	KTEST_EXPECT_EQ(t, do_mmap_file(mm, AREA + 8 * PAGE_SIZE, PAGE_SIZE, PROT_READ,
					PRIV_FIXED, f, 1, &addr), 0);
	use_mm(mm);
	KTEST_EXPECT_EQ(t, copy_from_user(tail, (void __user *)(AREA + 8 * PAGE_SIZE + 100), 1), 0);
	unuse_mm(mm);
	KTEST_EXPECT_EQ(t, tail[0], 0);
	mmput(mm);
out:
	if (f)
		drop_file(f);
}

static void private_writes_do_not_reach_the_file(struct ktest *t)
{
	struct file *f = make_file(t, 2 * PAGE_SIZE);
	struct mm_struct *mm = f ? mm_alloc() : NULL, *child;
	unsigned long addr;
	char buf[sizeof(TEXT)];
	loff_t pos = 0;

	if (!IS_ENABLED(CONFIG_FS_RAMFS))
		KTEST_SKIP(t, "FS_RAMFS=n: no file to map");

	if (!mm)
		goto out;
	KTEST_ASSERT(t, !do_mmap_file(mm, AREA, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				      PRIV_FIXED, f, 0, &addr));
	use_mm(mm);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)AREA, "PRIVATE", 7), 0);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)AREA, 7), 0);
	unuse_mm(mm);
	KTEST_EXPECT(t, !memcmp(buf, "PRIVATE", 7));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 7, &pos), 7);
	KTEST_EXPECT(t, !memcmp(buf, TEXT, 7));		/* the file is as it was */
	/* A fork's copy sees the write; a write in the child stays the child's. */
	child = dup_mm(mm);
	KTEST_ASSERT(t, child);
	use_mm(child);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)AREA, 7), 0);
	KTEST_EXPECT(t, !memcmp(buf, "PRIVATE", 7));
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)AREA, "child", 5), 0);
	unuse_mm(child);
	use_mm(mm);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)AREA, 7), 0);
	unuse_mm(mm);
	KTEST_EXPECT(t, !memcmp(buf, "PRIVATE", 7));
	mmput(child);
	mmput(mm);
out:
	if (f)
		drop_file(f);
}

static void the_mapping_holds_the_file(struct ktest *t)
{
	struct file *f = make_file(t, 4 * PAGE_SIZE);
	struct mm_struct *mm = f ? mm_alloc() : NULL;
	unsigned long addr;
	long base;

	if (!IS_ENABLED(CONFIG_FS_RAMFS))
		KTEST_SKIP(t, "FS_RAMFS=n: no file to map");

	if (!mm)
		goto out;
	base = file_count(f);
	KTEST_ASSERT(t, !do_mmap_file(mm, AREA, 4 * PAGE_SIZE, PROT_READ, PRIV_FIXED, f, 0,
				      &addr));
	KTEST_EXPECT_EQ(t, file_count(f), base + 1);
	/* Splitting the region in two: each part holds the file. */
	KTEST_EXPECT_EQ(t, do_munmap(mm, AREA + PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, file_count(f), base + 2);
	KTEST_EXPECT_EQ(t, do_munmap(mm, AREA, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, file_count(f), base + 1);
	/* The rest, starting at the file's third page, still reads it. */
	use_mm(mm);
	{
		char buf[sizeof(TEXT)];

		KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(AREA + 3 * PAGE_SIZE),
						  sizeof(TEXT) - 1), 0);
		KTEST_EXPECT(t, !memcmp(buf, TEXT, sizeof(TEXT) - 1));
	}
	unuse_mm(mm);
	KTEST_EXPECT_EQ(t, do_munmap(mm, AREA, 4 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, file_count(f), base);
	KTEST_ASSERT(t, !do_mmap_file(mm, AREA, PAGE_SIZE, PROT_READ, PRIV_FIXED, f, 0, &addr));
	KTEST_EXPECT_EQ(t, file_count(f), base + 1);
	mmput(mm);				/* the address space goes: so does its hold */
	KTEST_EXPECT_EQ(t, file_count(f), base);
out:
	if (f)
		drop_file(f);
}

KTEST_SUITE(filemap,
	    KTEST_CASE(reads_the_file_zeros_after_its_end_sigbus_beyond),
	    KTEST_CASE(private_writes_do_not_reach_the_file),
	    KTEST_CASE(the_mapping_holds_the_file));
