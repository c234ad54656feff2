// SPDX-License-Identifier: MIT
/* kill (-SIGNAL, -s SIGNAL, -l), poweroff and reboot. */
#include "box.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/reboot.h>
#include <unistd.h>

static const struct {
	int sig;
	const char *name;
} signals[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" }, { SIGILL, "ILL" },
	{ SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" }, { SIGBUS, "BUS" }, { SIGFPE, "FPE" },
	{ SIGKILL, "KILL" }, { SIGUSR1, "USR1" }, { SIGSEGV, "SEGV" }, { SIGUSR2, "USR2" },
	{ SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" }, { SIGCHLD, "CHLD" },
	{ SIGCONT, "CONT" }, { SIGSTOP, "STOP" }, { SIGTSTP, "TSTP" }, { SIGTTIN, "TTIN" },
	{ SIGTTOU, "TTOU" }, { SIGURG, "URG" }, { SIGXCPU, "XCPU" }, { SIGXFSZ, "XFSZ" },
	{ SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" }, { SIGWINCH, "WINCH" }, { SIGIO, "IO" },
	{ SIGSYS, "SYS" },
};
#define NSIGNALS (int)(sizeof(signals) / sizeof(signals[0]))

int signal_number(const char *name)
{
	long long n;

	if (parse_ll(name, &n))
		return n >= 0 && n < 65 ? (int)n : -1;
	if (!strncasecmp(name, "SIG", 3))
		name += 3;
	for (int i = 0; i < NSIGNALS; i++)
		if (!strcasecmp(name, signals[i].name))
			return signals[i].sig;
	return -1;
}

const char *signal_name(int sig)
{
	for (int i = 0; i < NSIGNALS; i++)
		if (signals[i].sig == sig)
			return signals[i].name;
	return NULL;
}

static int list_signals(int argc, char **argv)
{
	if (argc > 0) {		/* kill -l 9 -> KILL; kill -l 137 (an exit status) too */
		for (int i = 0; i < argc; i++) {
			long long n;
			const char *name;

			if (parse_ll(argv[i], &n) && (name = signal_name((int)(n & 127))))
				puts(name);
			else if (signal_number(argv[i]) > 0)
				printf("%d\n", signal_number(argv[i]));
			else
				die(1, "%s: invalid signal", argv[i]);
		}
		return 0;
	}
	for (int sig = 1; sig < 32; sig++)
		if (signal_name(sig))
			printf("%2d) SIG%s\n", sig, signal_name(sig));
	return 0;
}

APPLET(kill)
{
	int sig = SIGTERM, i = 1, status = 0;

	if (i < argc && !strcmp(argv[i], "-l"))
		return list_signals(argc - 2, argv + 2);
	if (i + 1 < argc && !strcmp(argv[i], "-s")) {
		sig = signal_number(argv[i + 1]);
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) {
		sig = signal_number(argv[i] + 1);
		i++;
	}
	if (sig < 0)
		die(1, "%s: invalid signal", argv[i - 1]);
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i == argc)
		usage("[-SIGNAL | -s SIGNAL] PID... | -l [SIGNAL]");
	for (; i < argc; i++) {
		long long pid;

		if (!parse_ll(argv[i], &pid)) {
			warnx("%s: arguments must be process IDs", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			warn_errno(argv[i]);
			status = 1;
		}
	}
	return status;
}

/*
 * poweroff/reboot ask init (busybox's signals: SIGUSR2 powers off,
 * SIGTERM reboots), which stops the system in order; -f calls
 * reboot(2) at once.  Both sync first.
 */
static int halt_system(int argc, char **argv, int init_signal, int how)
{
	bool force = false;
	int opt;

	while ((opt = opt_next(argc, argv, "f")) != -1) {
		if (opt != 'f')
			usage("[-f]");
		force = true;
	}
	sync();
	if (force) {
		reboot(how);
		warn_errno("reboot");
		return 1;
	}
	if (kill(1, init_signal) < 0) {
		warn_errno("init");
		return 1;
	}
	return 0;
}

APPLET(poweroff)
{
	return halt_system(argc, argv, SIGUSR2, RB_POWER_OFF);
}

APPLET(reboot)
{
	return halt_system(argc, argv, SIGTERM, RB_AUTOBOOT);
}
