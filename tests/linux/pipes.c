// SPDX-License-Identifier: MIT
/* Pipes: data through a child, EOF, EPIPE, O_NONBLOCK, poll, a write larger than the buffer. */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "difftest.h"

static void through_a_child(void)
{
	int p[2], q[2], status;
	char buf[64];
	pid_t pid;

	CHECK("pipe2", !pipe2(p, O_CLOEXEC) && !pipe(q));
	pid = fork();
	if (pid == 0) {
		ssize_t n = read(p[0], buf, sizeof(buf));

		for (ssize_t i = 0; i < n; i++)
			buf[i] = buf[i] >= 'a' && buf[i] <= 'z' ? buf[i] - 32 : buf[i];
		_exit(write(q[1], buf, n) == n ? 0 : 1);
	}
	CHECK("write to child", write(p[1], "ping", 4) == 4);
	CHECK("child answers", read(q[0], buf, sizeof(buf)) == 4 && !memcmp(buf, "PING", 4));
	CHECK("child exits 0", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      !WEXITSTATUS(status));
	close(p[1]);
	CHECK("EOF once writers are gone", read(p[0], buf, 1) == 0);
	close(p[0]);
	close(q[0]);
	close(q[1]);
}

static void broken_and_nonblocking(void)
{
	int p[2];
	char c = 'x', big[200000];
	struct pollfd pfd;
	ssize_t n, total = 0;
	pid_t pid;
	int status;

	signal(SIGPIPE, SIG_IGN);
	CHECK("pipe", !pipe(p));
	close(p[0]);
	EXPECT_ERRNO("write without readers", write(p[1], &c, 1), EPIPE);
	close(p[1]);
	CHECK("pipe again", !pipe(p));
	CHECK("O_NONBLOCK", !fcntl(p[0], F_SETFL, O_NONBLOCK));
	EXPECT_ERRNO("empty nonblocking read", read(p[0], &c, 1), EAGAIN);
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	CHECK("poll: not readable yet", poll(&pfd, 1, 0) == 0);
	CHECK("one byte", write(p[1], &c, 1) == 1);
	CHECK("poll: readable", poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN));
	CHECK("read it", read(p[0], &c, 1) == 1 && c == 'x');
	CHECK("blocking again", !fcntl(p[0], F_SETFL, 0));
	memset(big, 'b', sizeof(big));
	pid = fork();
	if (pid == 0)
		_exit(write(p[1], big, sizeof(big)) == (ssize_t)sizeof(big) ? 0 : 1);
	close(p[1]);
	while ((n = read(p[0], big, sizeof(big))) > 0)
		total += n;
	CHECK("200000 bytes arrive", total == (ssize_t)sizeof(big));
	CHECK("the writer is done", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      !WEXITSTATUS(status));
	close(p[0]);
}

int main(void)
{
	through_a_child();
	broken_and_nonblocking();
	return difftest_exit();
}
