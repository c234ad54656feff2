// SPDX-License-Identifier: MIT
/*
 * The memory devices of /dev, with Linux's numbers: null (1:3) discards
 * writes and reads as end of file; zero (1:5) reads as zeros; full (1:7)
 * reads as zeros and refuses writes with -ENOSPC; random (1:8) and
 * urandom (1:9) read from get_random_bytes (-EIO when the kernel has no
 * entropy source) and accept writes, which they ignore.
 */
#include <tern/devfs.h>
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include <tern/random.h>
#include <tern/string.h>

static ssize_t null_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	return 0;
}

static ssize_t sink_write(struct file *f, struct iov_iter *from, loff_t *pos)
{
	size_t n = from->count;

	from->count = 0;
	return (ssize_t)n;
}

static ssize_t full_write(struct file *f, struct iov_iter *from, loff_t *pos)
{
	return -ENOSPC;
}

static loff_t mem_llseek(struct file *f, loff_t offset, int whence)
{
	f->f_pos = 0;
	return 0;
}

static ssize_t zero_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	static const char zeros[256];
	size_t done = 0;

	while (to->count) {
		size_t n = MIN(to->count, sizeof(zeros));
		size_t got = copy_to_iter(zeros, n, to);

		done += got;
		if (got < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

static ssize_t random_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	u8 buf[64];
	size_t done = 0;

	while (to->count) {
		size_t n = MIN(to->count, sizeof(buf)), got;

		if (get_random_bytes(buf, n))
			return done ? (ssize_t)done : -EIO;
		got = copy_to_iter(buf, n, to);
		done += got;
		if (got < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	memset(buf, 0, sizeof(buf));
	return (ssize_t)done;
}

static const struct file_operations null_fops = {
	.read = null_read, .write = sink_write, .llseek = mem_llseek,
};
static const struct file_operations zero_fops = {
	.read = zero_read, .write = sink_write, .llseek = mem_llseek,
};
static const struct file_operations full_fops = {
	.read = zero_read, .write = full_write, .llseek = mem_llseek,
};
static const struct file_operations random_fops = {
	.read = random_read, .write = sink_write, .llseek = mem_llseek,
};

static int mem_devices_init(void)
{
	static const struct {
		const char *name;
		unsigned int minor;
		const struct file_operations *fops;
	} devs[] = {
		{ "null", 3, &null_fops }, { "zero", 5, &zero_fops }, { "full", 7, &full_fops },
		{ "random", 8, &random_fops }, { "urandom", 9, &random_fops },
	};
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(devs); i++) {
		err = devfs_register_chrdev(devs[i].name, 0666, MKDEV(1, devs[i].minor),
					    devs[i].fops, NULL);
		if (err)
			return err;
	}
	return 0;
}
device_initcall(mem_devices_init);
