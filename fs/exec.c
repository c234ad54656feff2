// SPDX-License-Identifier: MIT
/*
 * Executables from files: the VFS source of struct linux_binprm
 * (<tern/binfmts.h>) that execve(path), "#!" interpreters and the first
 * process go through.  The file must be a regular file with an execute
 * bit (-EACCES otherwise, as Linux); it stays open until the exec is done
 * with it (bprm->release).
 */
#include <tern/binfmts.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/init.h>
#include <tern/namei.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>

static ssize_t file_binprm_read(void *src, void *buf, size_t n, loff_t pos)
{
	return kernel_read(src, buf, n, &pos);
}

static void file_binprm_release(void *src)
{
	fput(src);
}

static int open_file_binprm(const char *path, struct linux_binprm *bprm)
{
	int err = do_faccessat(AT_FDCWD, path, X_OK, 0);
	struct file *f;

	if (err)
		return err;
	f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f))
		return (int)PTR_ERR(f);
	if (!S_ISREG(f->f_inode->i_mode)) {
		fput(f);
		return -EACCES;
	}
	bprm->read = file_binprm_read;
	bprm->release = file_binprm_release;
	bprm->src = f;
	bprm->size = f->f_inode->i_size;
	return 0;
}

struct file *binprm_file(const struct linux_binprm *bprm)
{
	return bprm->read == file_binprm_read ? bprm->src : NULL;
}

static int exec_from_files(void)
{
	binprm_open = open_file_binprm;
	return 0;
}
core_initcall(exec_from_files);
