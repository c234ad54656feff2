// SPDX-License-Identifier: MIT
/*
 * The kernel command line: where it comes from, and the registry of
 * parameter handlers (<tern/params.h>).  Splitting the line is
 * lib/cmdline.c's job.
 */
#include <tern/boot.h>
#include <tern/cmdline.h>
#include <tern/fdt.h>
#include <tern/kernel.h>
#include <tern/params.h>
#include <tern/printk.h>
#include <tern/string.h>

/* Longest name or value shown when an unknown parameter is logged; the rest is "...". */
#define UNKNOWN_SHOWN	48

extern const struct boot_param __boot_params_start[], __boot_params_end[];

const char *boot_command_line = "";
const char *boot_init_args = "";

void setup_command_line(void)
{
	int chosen = fdt_path_offset(&boot_fdt, "/chosen");
	const char *args = NULL;
	int len = 0;

	if (chosen >= 0)
		args = fdt_getprop(&boot_fdt, chosen, "bootargs", &len);
	if (args && len > 0 && args[len - 1] != '\0') {
		pr_warn("/chosen/bootargs is not a NUL-terminated string (%d bytes): ignored\n",
			len);
		args = NULL;
	} else if (args && len > 0 && strlen(args) + 1 != (size_t)len) {
		pr_warn("/chosen/bootargs: the %d bytes after its first NUL are ignored\n",
			len - (int)strlen(args) - 1);
	}
	boot_command_line = args && len > 0 && args[0] ? args : CONFIG_CMDLINE;
	pr_notice("Command line: %s\n", boot_command_line);
}

/* The handler's name without __setup's trailing '='. */
static size_t handler_name_len(const struct boot_param *bp)
{
	size_t len = strlen(bp->name);

	return len && bp->name[len - 1] == '=' ? len - 1 : len;
}

const struct boot_param *boot_param_find(const char *name, size_t name_len)
{
	const struct boot_param *bp;

	for (bp = __boot_params_start; bp < __boot_params_end; bp++)
		if (handler_name_len(bp) == name_len && !strncmp(bp->name, name, name_len))
			return bp;
	return NULL;
}

static void run_handler(const struct boot_param *bp, const struct cmdline_param *p)
{
	int err = bp->setup(p->value, p->value_len);

	if (err)
		pr_warn("command line: %.*s%s%.*s refused (error %d): ignored\n",
			(int)p->name_len, p->name, p->value ? "=" : "",
			(int)p->value_len, p->value ? p->value : "", err);
}

void parse_early_params(const char *cmdline)
{
	struct cmdline_param p;

	while (cmdline_next_param(&cmdline, &p)) {
		const struct boot_param *bp = boot_param_find(p.name, p.name_len);

		if (bp && bp->early)
			run_handler(bp, &p);
	}
}

/* Adds p to the one line that lists the unknown parameters (the nr'th so far). */
static void log_unknown(const struct cmdline_param *p, unsigned int nr)
{
	size_t name = MIN(p->name_len, (size_t)UNKNOWN_SHOWN);
	size_t value = MIN(p->value_len, (size_t)UNKNOWN_SHOWN);

	if (!nr)
		pr_warn("Unknown command line parameters (kept for init):");
	pr_cont(" %.*s%s", (int)name, p->name, name < p->name_len ? "..." : "");
	if (p->value)
		pr_cont("=\"%.*s%s\"", (int)value, p->value, value < p->value_len ? "..." : "");
}

void parse_boot_params(const char *cmdline)
{
	struct cmdline_param p;
	unsigned int unknown = 0;

	while (cmdline_next_param(&cmdline, &p)) {
		const struct boot_param *bp = boot_param_find(p.name, p.name_len);

		if (!bp)
			log_unknown(&p, unknown++);
		else if (!bp->early)
			run_handler(bp, &p);
	}
	if (unknown)
		pr_cont("\n");
	boot_init_args = cmdline;
	if (*boot_init_args)
		pr_info("Arguments for init: %s\n", boot_init_args);
}
