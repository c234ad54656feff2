// SPDX-License-Identifier: MIT
/*
 * The multi-call entry point: /bin/ls, /bin/cat ... are symlinks to
 * /bin/box, which runs the applet named by argv[0]'s last component.
 * "box NAME args" runs NAME; "box" alone lists the applets.
 */
#include "box.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The applets' mains are box_<name>, so "true" and "kill" stay free. */
#define APPLET_ENTRY(str, fn) int box_##fn(int argc, char **argv);
#include "applets.h"
#undef APPLET_ENTRY

struct applet {
	const char *name;
	int (*main)(int argc, char **argv);
};

static const struct applet applets[] = {
#define APPLET_ENTRY(str, fn) { str, box_##fn },
#include "applets.h"
#undef APPLET_ENTRY
};

static const struct applet *find_applet(const char *name)
{
	for (size_t i = 0; i < sizeof(applets) / sizeof(applets[0]); i++)
		if (!strcmp(applets[i].name, name))
			return &applets[i];
	return NULL;
}

static int list_applets(void)
{
	printf("box: Tern's utilities in one program.\n"
	       "usage: box NAME [ARGS...], or run it as NAME (a link to box)\n"
	       "applets:");
	for (size_t i = 0; i < sizeof(applets) / sizeof(applets[0]); i++)
		printf("%s%s", i % 10 ? " " : "\n  ", applets[i].name);
	printf("\n");
	return 0;
}

int main(int argc, char **argv)
{
	const char *name = argc > 0 ? base_name(argv[0]) : "box";
	const struct applet *a;

	if (!strcmp(name, "box")) {
		if (argc < 2)
			return list_applets();
		argc--;
		argv++;
		name = base_name(argv[0]);
	}
	a = find_applet(name);
	if (!a) {
		fprintf(stderr, "box: %s: applet not found\n", name);
		return 127;
	}
	applet_name = a->name;
	opt_reset();
	return a->main(argc, argv);
}
