// SPDX-License-Identifier: MIT
/* Directories and path walk: getdents64, rmdir, chdir/getcwd, symlinks, '..', long names. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include "difftest.h"

static char dir[] = "/tmp/difftest-dirs-XXXXXX";

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in '.' other than . and .., sorted, printed on one line. */
static void list_cwd(const char *label)
{
	char *names[64];
	int n = 0;
	DIR *d = opendir(".");
	struct dirent *e;

	while (d && (e = readdir(d)) && n < 64)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			names[n++] = strdup(e->d_name);
	if (d)
		closedir(d);
	qsort(names, n, sizeof(*names), cmp);
	printf("%s:", label);
	for (int i = 0; i < n; i++) {
		printf(" %s", names[i]);
		free(names[i]);
	}
	printf("\n");
}

int main(void)
{
	char cwd[PATH_MAX], buf[64], longname[300];
	struct stat st;
	int fd;

	if (!mkdtemp(dir))
		return 2;
	CHECK("chdir", !chdir(dir));
	CHECK("getcwd", getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, dir));
	CHECK("mkdir", !mkdir("sub", 0755) && !mkdir("sub/deeper", 0700));
	EXPECT_ERRNO("mkdir existing", mkdir("sub", 0755), EEXIST);
	EXPECT_ERRNO("mkdir without parent", mkdir("none/x", 0755), ENOENT);
	fd = open("sub/file", O_CREAT | O_WRONLY, 0644);
	CHECK("file in sub", fd >= 0 && write(fd, "data", 4) == 4);
	close(fd);
	for (int i = 0; i < 40; i++) {
		snprintf(buf, sizeof(buf), "many-%02d", i);
		close(open(buf, O_CREAT | O_WRONLY, 0600));
	}
	list_cwd("entries");
	CHECK("symlink", !symlink("sub/file", "link") && !symlink("loop2", "loop1") &&
	      !symlink("loop1", "loop2"));
	CHECK("readlink", readlink("link", buf, sizeof(buf)) == 8 && !memcmp(buf, "sub/file", 8));
	CHECK("stat follows", !stat("link", &st) && S_ISREG(st.st_mode) && st.st_size == 4);
	CHECK("lstat does not", !lstat("link", &st) && S_ISLNK(st.st_mode));
	EXPECT_ERRNO("symlink loop", open("loop1", O_RDONLY), ELOOP);
	EXPECT_ERRNO("O_NOFOLLOW", open("link", O_RDONLY | O_NOFOLLOW), ELOOP);
	EXPECT_ERRNO("file as dir", open("sub/file/x", O_RDONLY), ENOTDIR);
	EXPECT_ERRNO("trailing slash on file", open("sub/file/", O_RDONLY), ENOTDIR);
	EXPECT_ERRNO("O_DIRECTORY on file", open("sub/file", O_RDONLY | O_DIRECTORY), ENOTDIR);
	EXPECT_ERRNO("write a dir", open("sub", O_WRONLY), EISDIR);
	CHECK("dot-dot", !stat("sub/deeper/../../sub/./file", &st) && st.st_size == 4);
	CHECK("root's dot-dot is root", !stat("/../../tmp", &st) && S_ISDIR(st.st_mode));
	memset(longname, 'n', 299);
	longname[299] = '\0';
	EXPECT_ERRNO("component too long", open(longname, O_CREAT | O_WRONLY, 0600), ENAMETOOLONG);
	EXPECT_ERRNO("rmdir non-empty", rmdir("sub"), ENOTEMPTY);
	EXPECT_ERRNO("unlink a dir", unlink("sub"), EISDIR);
	CHECK("rename dir over empty dir", !mkdir("empty", 0755) && !rename("sub/deeper", "empty"));
	EXPECT_ERRNO("rename into own subtree", rename("sub", "sub/file2"), EINVAL);
	fd = open("sub", O_RDONLY | O_DIRECTORY);
	CHECK("openat relative to dirfd", fd >= 0 && !fstatat(fd, "file", &st, 0) && st.st_size == 4);
	CHECK("unlinkat AT_REMOVEDIR", !unlinkat(AT_FDCWD, "empty", AT_REMOVEDIR));
	CHECK("fchdir", !fchdir(fd) && getcwd(cwd, sizeof(cwd)) && strstr(cwd, "/sub"));
	close(fd);
	CHECK("back up", !chdir(".."));
	/* An unlinked name goes at once, even while a file keeps it open. */
	CHECK("open then unlink", !mkdir("gone", 0755) &&
	      (fd = open("gone/open", O_CREAT | O_RDWR, 0600)) >= 0 && !unlink("gone/open"));
	CHECK("rmdir while the file is open", !rmdir("gone"));
	CHECK("the open file still works", write(fd, "x", 1) == 1 && !fstat(fd, &st) &&
	      st.st_size == 1 && st.st_nlink == 0);
	close(fd);
	list_cwd("after");
	/* clean up */
	unlink("sub/file");
	rmdir("sub");
	unlink("link");
	unlink("loop1");
	unlink("loop2");
	for (int i = 0; i < 40; i++) {
		snprintf(buf, sizeof(buf), "many-%02d", i);
		unlink(buf);
	}
	CHECK("chdir /", !chdir("/"));
	CHECK("rmdir emptied", !rmdir(dir));
	return difftest_exit();
}
