// SPDX-License-Identifier: MIT
/* usertests: files and directories: descriptors, names, paths, data. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

void remove_tree(const char *path)
{
	struct stat st;
	struct dirent *de;
	DIR *d;

	if (lstat(path, &st) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	d = opendir(path);
	while (d && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		size_t n = strlen(path) + strlen(de->d_name) + 2;
		char *sub = malloc(n);

		if (!sub)
			break;
		snprintf(sub, n, "%s/%s", path, de->d_name);
		remove_tree(sub);
		free(sub);
		/* The directory changed under readdir: start over. */
		rewinddir(d);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

static enum result fd_emfile(void)
{
	struct rlimit rl;
	int first = -1, last = -1, fd, n = 0;

	/* A huge limit (a host's) is lowered so the loop ends soon. */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
	    (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 4096)) {
		rl.rlim_cur = 4096;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	for (;;) {
		fd = open("/", O_RDONLY);
		if (fd < 0)
			break;
		if (first < 0)
			first = fd;
		last = fd;
		CHECK(++n <= 1 << 20, "a million descriptors and no EMFILE");
	}
	CHECK(errno == EMFILE, "open: %s, want EMFILE", strerror(errno));
	CHECK(n > 0, "not one descriptor");
	CHECK_ERR(dup(first), EMFILE);
	int p[2];
	CHECK_ERR(pipe(p), EMFILE);
	/* Freeing one makes exactly that number the next one. */
	CHECK_OK(close(first + n / 2));
	fd = open("/", O_RDONLY);
	CHECK(fd == first + n / 2, "reopened as %d, want the lowest free %d", fd,
	      first + n / 2);
	for (fd = first; fd <= last; fd++)
		CHECK_OK(close(fd));
	fd = open("/", O_RDONLY);
	CHECK(fd == first, "after closing all, open gave %d, want %d", fd, first);
	CHECK_OK(close(fd));
	CHECK_ERR(close(last + 1), EBADF);
	return PASS;
}

static enum result fd_dup(void)
{
	int fd, d;
	char c;

	if (enter_scratch("fd_dup") < 0)
		return FAIL;
	fd = open("f", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	CHECK(write(fd, "hello", 5) == 5, "write");
	d = dup(fd);
	CHECK(d > fd, "dup gave %d", d);
	/* The two share one offset. */
	CHECK(lseek(fd, 1, SEEK_SET) == 1, "lseek");
	CHECK(read(d, &c, 1) == 1 && c == 'e', "dup does not share the offset");
	CHECK(dup2(fd, 20) == 20, "dup2: %s", strerror(errno));
	CHECK(dup2(20, 20) == 20, "dup2 onto itself");
	CHECK(fcntl(fd, F_DUPFD, 30) == 30, "F_DUPFD from 30");
	CHECK(fcntl(fd, F_DUPFD, 30) == 31, "F_DUPFD takes the lowest free");
	d = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	CHECK(d >= 0 && fcntl(d, F_GETFD) == FD_CLOEXEC, "F_DUPFD_CLOEXEC");
	CHECK(fcntl(20, F_GETFD) == 0, "dup2's copy is close-on-exec");
	CHECK_ERR(dup2(fd, -1), EBADF);
	CHECK_ERR(dup(1000000), EBADF);
	CHECK_ERR(read(1000000, &c, 1), EBADF);
	CHECK_ERR(write(fd + 100, "x", 1), EBADF);
	int ro = open("f", O_RDONLY);
	CHECK(ro >= 0, "open: %s", strerror(errno));
	CHECK_ERR(write(ro, "x", 1), EBADF);
	return PASS;
}

#define DEPTH 100

static enum result deep_dirs(void)
{
	char cwd[PATH_MAX];
	int i, fd;

	if (enter_scratch("deep_dirs") < 0)
		return FAIL;
	CHECK(getcwd(cwd, sizeof(cwd)), "getcwd: %s", strerror(errno));
	size_t base = strlen(cwd);
	for (i = 0; i < DEPTH; i++) {
		CHECK(mkdir("dd", 0755) == 0, "mkdir at depth %d: %s", i, strerror(errno));
		CHECK(chdir("dd") == 0, "chdir at depth %d: %s", i, strerror(errno));
	}
	fd = open("bottom", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0, "file at the bottom: %s", strerror(errno));
	close(fd);
	CHECK(getcwd(cwd, sizeof(cwd)), "getcwd at the bottom: %s", strerror(errno));
	CHECK(strlen(cwd) == base + 3 * DEPTH, "cwd %zu bytes, want %zu",
	      strlen(cwd), base + 3 * DEPTH);
	/* The same file through the absolute path. */
	strcat(cwd, "/bottom");
	struct stat st;
	CHECK(stat(cwd, &st) == 0 && S_ISREG(st.st_mode), "stat %s: %s", cwd,
	      strerror(errno));
	CHECK_OK(unlink("bottom"));
	for (i = DEPTH; i > 0; i--) {
		CHECK(chdir("..") == 0, "chdir .. at depth %d: %s", i, strerror(errno));
		CHECK(rmdir("dd") == 0, "rmdir at depth %d: %s", i, strerror(errno));
	}
	CHECK(getcwd(cwd, sizeof(cwd)) && strlen(cwd) == base,
	      "back at the top, cwd is %s", cwd);
	return PASS;
}

static enum result long_names(void)
{
	char name[300], *path;
	int fd;
	size_t plen = 5000;

	if (enter_scratch("long_names") < 0)
		return FAIL;
	memset(name, 'n', 255);
	name[255] = '\0';
	fd = open(name, O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0, "a 255-byte name: %s", strerror(errno));
	close(fd);
	CHECK_OK(access(name, F_OK));
	CHECK_OK(unlink(name));
	memset(name, 'n', 256);
	name[256] = '\0';
	CHECK_ERR(open(name, O_CREAT | O_WRONLY, 0644), ENAMETOOLONG);
	CHECK_ERR(mkdir(name, 0755), ENAMETOOLONG);
	CHECK_ERR(access(name, F_OK), ENAMETOOLONG);
	struct stat st;
	CHECK_ERR(stat(name, &st), ENAMETOOLONG);

	/* A whole path of PATH_MAX bytes or more, each part short. */
	path = malloc(plen + 1);
	CHECK(path, "malloc");
	for (size_t i = 0; i < plen; i += 2)
		memcpy(path + i, "./", 2);
	path[plen] = '\0';
	CHECK_ERR(stat(path, &st), ENAMETOOLONG);
	CHECK_ERR(open(path, O_RDONLY), ENAMETOOLONG);
	CHECK_ERR(chdir(path), ENAMETOOLONG);
	CHECK_ERR(mkdir(path, 0755), ENAMETOOLONG);
	/* Exactly 4096 bytes with its NUL is one too many; 4095 is fine. */
	path[4096] = '\0';
	CHECK_ERR(stat(path, &st), ENAMETOOLONG);
	path[4095] = '\0';
	path[4094] = '.';
	CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode),
	      "a 4095-byte path: %s", strerror(errno));
	free(path);
	return PASS;
}

static enum result open_unlink_reuse(void)
{
	char buf[16];
	int fd, fd2;

	if (enter_scratch("open_unlink_reuse") < 0)
		return FAIL;
	fd = open("f", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	CHECK(write(fd, "first", 5) == 5, "write");
	CHECK_OK(unlink("f"));
	CHECK_ERR(open("f", O_RDONLY), ENOENT);
	CHECK_ERR(unlink("f"), ENOENT);
	/* The open file lives on without its name. */
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "lseek");
	CHECK(read(fd, buf, sizeof(buf)) == 5 && !memcmp(buf, "first", 5),
	      "unlinked file's data");
	CHECK(write(fd, "+more", 5) == 5, "write to an unlinked file");
	fd2 = open("f", O_CREAT | O_EXCL | O_RDWR, 0644);
	CHECK(fd2 >= 0, "the name again: %s", strerror(errno));
	CHECK(read(fd2, buf, sizeof(buf)) == 0, "the new file is not empty");
	CHECK(write(fd2, "second", 6) == 6, "write");
	CHECK(pread(fd, buf, 10, 0) == 10 && !memcmp(buf, "first+more", 10),
	      "old file changed by the new one");
	close(fd);
	close(fd2);
	fd = open("f", O_RDONLY);
	CHECK(read(fd, buf, sizeof(buf)) == 6 && !memcmp(buf, "second", 6),
	      "the new file's data");
	close(fd);
	CHECK_OK(unlink("f"));
	return PASS;
}

#define NFILES 200

static enum result many_files(void)
{
	char name[32], buf[32];
	int fd, found = 0;
	struct dirent *de;
	DIR *d;

	if (enter_scratch("many_files") < 0)
		return FAIL;
	CHECK_OK(mkdir("m", 0755));
	for (int i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), "m/file%03d", i);
		fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0644);
		CHECK(fd >= 0, "create %s: %s", name, strerror(errno));
		CHECK(write(fd, name, strlen(name)) == (ssize_t)strlen(name), "write");
		close(fd);
	}
	d = opendir("m");
	CHECK(d, "opendir: %s", strerror(errno));
	while ((de = readdir(d))) {
		int i;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		CHECK(sscanf(de->d_name, "file%d", &i) == 1 && i >= 0 && i < NFILES,
		      "stray entry %s", de->d_name);
		found++;
	}
	closedir(d);
	CHECK(found == NFILES, "readdir found %d of %d", found, NFILES);
	for (int i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), "m/file%03d", i);
		fd = open(name, O_RDONLY);
		CHECK(fd >= 0, "reopen %s: %s", name, strerror(errno));
		ssize_t n = read(fd, buf, sizeof(buf));
		CHECK(n == (ssize_t)strlen(name) && !memcmp(buf, name, n),
		      "%s holds the wrong data", name);
		close(fd);
	}
	CHECK_ERR(rmdir("m"), ENOTEMPTY);
	for (int i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), "m/file%03d", i);
		CHECK(unlink(name) == 0, "unlink %s: %s", name, strerror(errno));
	}
	CHECK_OK(rmdir("m"));
	return PASS;
}

static unsigned char file_byte(size_t i)
{
	return (unsigned char)(i ^ (i >> 9) ^ (i >> 17));
}

static enum result bigfile(void)
{
	static unsigned char buf[4000];
	size_t size = 1024 * 1024, off;
	struct stat st;
	int fd;

	if (enter_scratch("bigfile") < 0)
		return FAIL;
	fd = open("big", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	for (off = 0; off < size; off += sizeof(buf)) {
		size_t n = size - off < sizeof(buf) ? size - off : sizeof(buf);

		for (size_t i = 0; i < n; i++)
			buf[i] = file_byte(off + i);
		ssize_t w = write(fd, buf, n);
		if (w < 0 && errno == ENOSPC && off > 0) {
			/* A small ramfs: test what fitted. */
			size = off;
			break;
		}
		CHECK(w == (ssize_t)n, "write at %zu: %zd (%s)", off, w, strerror(errno));
	}
	CHECK_OK(fstat(fd, &st));
	CHECK((size_t)st.st_size == size, "size %lld, want %zu", (long long)st.st_size,
	      size);
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "lseek");
	for (off = 0; off < size; off += sizeof(buf)) {
		size_t n = size - off < sizeof(buf) ? size - off : sizeof(buf);

		CHECK(read_all(fd, buf, n) == (ssize_t)n, "read at %zu", off);
		for (size_t i = 0; i < n; i++)
			CHECK(buf[i] == file_byte(off + i), "byte %zu is %#x, want %#x",
			      off + i, buf[i], file_byte(off + i));
	}
	CHECK(read(fd, buf, 1) == 0, "read past the end");
	/* Random access: pread at odd offsets. */
	for (off = 1; off < size; off = off * 3 + 7) {
		CHECK(pread(fd, buf, 1, off) == 1 && buf[0] == file_byte(off),
		      "pread at %zu", off);
	}
	CHECK_OK(ftruncate(fd, size / 2));
	CHECK_OK(fstat(fd, &st));
	CHECK((size_t)st.st_size == size / 2, "size after ftruncate %lld",
	      (long long)st.st_size);
	close(fd);
	CHECK_OK(unlink("big"));
	return PASS;
}

static enum result file_hole(void)
{
	char buf[64];
	int fd;

	if (enter_scratch("file_hole") < 0)
		return FAIL;
	fd = open("h", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	CHECK(lseek(fd, 10000, SEEK_SET) == 10000, "lseek past the end");
	CHECK(write(fd, "end", 3) == 3, "write");
	CHECK(lseek(fd, 0, SEEK_END) == 10003, "SEEK_END");
	CHECK(pread(fd, buf, sizeof(buf), 5000) == sizeof(buf), "pread in the hole");
	for (size_t i = 0; i < sizeof(buf); i++)
		CHECK(buf[i] == 0, "hole byte %zu is %d", i, buf[i]);
	CHECK_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	CHECK_ERR(lseek(fd, 0, 42), EINVAL);
	int p[2];
	CHECK_OK(pipe(p));
	CHECK_ERR(lseek(p[0], 0, SEEK_SET), ESPIPE);
	close(fd);
	return PASS;
}

#define APPENDERS 4
#define APPENDS 200
#define APPLEN 32

static int h_appender(long id)
{
	char rec[APPLEN];
	int fd = open("log", O_WRONLY | O_APPEND);

	if (fd < 0)
		return 2;
	memset(rec, 'a' + (int)id, APPLEN);
	for (int i = 0; i < APPENDS; i++) {
		snprintf(rec, APPLEN, "%ld %03d", id, i);
		rec[strlen(rec)] = ' ';
		rec[APPLEN - 1] = '\n';
		if (write(fd, rec, APPLEN) != APPLEN)
			return 1;
	}
	return 0;
}

static enum result append_concurrent(void)
{
	int next[APPENDERS] = { 0 }, fd, id, seq;
	char rec[APPLEN];
	pid_t pids[APPENDERS];
	struct stat st;

	if (enter_scratch("append_concurrent") < 0)
		return FAIL;
	fd = open("log", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	for (int i = 0; i < APPENDERS; i++) {
		pids[i] = spawn(h_appender, i);
		CHECK(pids[i] > 0, "spawn: %s", strerror(errno));
	}
	for (int i = 0; i < APPENDERS; i++)
		CHECK(exited_with(pids[i], 0), "appender %d", i);
	CHECK_OK(fstat(fd, &st));
	CHECK(st.st_size == APPENDERS * APPENDS * APPLEN, "size %lld, want %d",
	      (long long)st.st_size, APPENDERS * APPENDS * APPLEN);
	while (read_all(fd, rec, APPLEN) == APPLEN) {
		CHECK(sscanf(rec, "%d %d", &id, &seq) == 2 && id >= 0 && id < APPENDERS,
		      "garbled record %.12s", rec);
		CHECK(seq == next[id], "appender %d: record %d after %d", id, seq,
		      next[id] - 1);
		CHECK(rec[APPLEN - 2] == 'a' + id && rec[APPLEN - 1] == '\n',
		      "record %d/%d overwritten", id, seq);
		next[id]++;
	}
	for (int i = 0; i < APPENDERS; i++)
		CHECK(next[i] == APPENDS, "appender %d: %d records", i, next[i]);
	close(fd);
	return PASS;
}

static enum result fs_errors(void)
{
	int fd;

	if (enter_scratch("fs_errors") < 0)
		return FAIL;
	CHECK_OK(mkdir("d", 0755));
	fd = open("f", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	close(fd);
	CHECK_ERR(mkdir("d", 0755), EEXIST);
	CHECK_ERR(mkdir("f", 0755), EEXIST);
	CHECK_ERR(open("f", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	CHECK_ERR(open("missing", O_RDONLY), ENOENT);
	CHECK_ERR(open("missing/x", O_CREAT | O_WRONLY, 0644), ENOENT);
	CHECK_ERR(open("f/x", O_RDONLY), ENOTDIR);
	CHECK_ERR(open("d", O_WRONLY), EISDIR);
	CHECK_ERR(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERR(unlink("d"), EISDIR);
	CHECK_ERR(rmdir("f"), ENOTDIR);
	CHECK_ERR(chdir("f"), ENOTDIR);
	CHECK_ERR(rmdir("missing"), ENOENT);
	CHECK_ERR(rmdir("."), EINVAL);
	char c;
	int dfd = open("d", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0, "open d: %s", strerror(errno));
	CHECK_ERR(read(dfd, &c, 1), EISDIR);
	CHECK_ERR(write(dfd, "x", 1), EBADF);
	close(dfd);
	CHECK_OK(mkdir("d/sub", 0755));
	CHECK_ERR(rmdir("d"), ENOTEMPTY);
	CHECK_OK(mkdir("e", 0755));
	CHECK_OK(mkdir("e/x", 0755));
	CHECK_ERR(rename("d", "e"), ENOTEMPTY);
	CHECK_OK(rmdir("e/x"));
	CHECK_OK(rmdir("e"));
	CHECK_OK(rmdir("d/sub"));
	CHECK_OK(rmdir("d"));
	return PASS;
}

static enum result link_rename(void)
{
	struct stat st, st2;
	char buf[8];
	int fd;

	if (enter_scratch("link_rename") < 0)
		return FAIL;
	fd = open("a", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	CHECK(write(fd, "AAA", 3) == 3, "write");
	close(fd);
	fd = open("b", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && write(fd, "B", 1) == 1, "b");
	close(fd);

	CHECK_OK(link("a", "a2"));
	CHECK_OK(stat("a", &st));
	CHECK_OK(stat("a2", &st2));
	CHECK(st.st_ino == st2.st_ino && st.st_nlink == 2, "link: ino %lu/%lu nlink %lu",
	      (unsigned long)st.st_ino, (unsigned long)st2.st_ino,
	      (unsigned long)st.st_nlink);
	CHECK_ERR(link("a", "b"), EEXIST);
	CHECK_OK(unlink("a"));
	CHECK_OK(stat("a2", &st2));
	CHECK(st2.st_nlink == 1, "nlink %lu after unlink", (unsigned long)st2.st_nlink);

	/* rename replaces the target at once. */
	CHECK_OK(rename("a2", "b"));
	CHECK_ERR(access("a2", F_OK), ENOENT);
	fd = open("b", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, sizeof(buf)) == 3 && !memcmp(buf, "AAA", 3),
	      "b is not a's data");
	close(fd);
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(rename("b", "d/c"));
	CHECK_OK(access("d/c", F_OK));
	CHECK_ERR(rename("d", "d/c/x"), ENOTDIR);
	CHECK_ERR(rename("d", "d/sub"), EINVAL);
	CHECK_ERR(rename("missing", "x"), ENOENT);
	return PASS;
}

/* The working directory removed under the process (xv6's "iref"). */
static enum result cwd_removed(void)
{
	char buf[256];

	if (enter_scratch("cwd_removed") < 0)
		return FAIL;
	CHECK_OK(mkdir("gone", 0755));
	CHECK_OK(chdir("gone"));
	CHECK_OK(rmdir("../gone"));
	CHECK_ERR(open("f", O_CREAT | O_WRONLY, 0644), ENOENT);
	CHECK_ERR(mkdir("d", 0755), ENOENT);
	CHECK_ERR(getcwd(buf, sizeof(buf)) ? 0 : -1, ENOENT);
	struct stat st;
	CHECK(stat(".", &st) == 0 && S_ISDIR(st.st_mode) && st.st_nlink == 0,
	      "stat of the removed cwd: %s, nlink %lu", strerror(errno),
	      (unsigned long)st.st_nlink);
	CHECK_OK(chdir(".."));
	CHECK_ERR(access("gone", F_OK), ENOENT);
	return PASS;
}

const struct helper fs_helpers[] = {
	{ "appender", h_appender },
	{ NULL, NULL },
};

const struct test fs_tests[] = {
	{ "fd_emfile", fd_emfile },
	{ "fd_dup", fd_dup },
	{ "fs_errors", fs_errors },
	{ "open_unlink_reuse", open_unlink_reuse },
	{ "many_files", many_files },
	{ "bigfile", bigfile },
	{ "file_hole", file_hole },
	{ "append_concurrent", append_concurrent },
	{ "link_rename", link_rename },
	{ "cwd_removed", cwd_removed },
	{ "deep_dirs", deep_dirs },
	{ "long_names", long_names },
	{ NULL, NULL },
};
