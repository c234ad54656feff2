// SPDX-License-Identifier: MIT
/*
 * The ISA every usable hart shares (asm/cpufeature.h), read from the device
 * tree as Linux reads it: "riscv,isa" is "rv32"/"rv64", single letters up
 * to the first '_' ('g' stands for imafd), then '_'-separated multi-letter
 * extensions; the newer binding lists each extension in the string list
 * "riscv,isa-extensions".  A hart whose node names nothing counts as
 * having nothing beyond what the kernel was built for.
 */
#include <asm/cpufeature.h>
#include <asm/page.h>
#include <tern/kernel.h>
#include <tern/printk.h>
#include <tern/string.h>

#define LETTER(c)	(1UL << ((c) - 'a'))

unsigned long riscv_isa;
static bool isa_seen;			/* riscv_isa holds at least one hart's set */
bool riscv_page_ops_vector;

static const char *isa_string(const struct fdt *fdt, int node)
{
	int len;
	const char *isa = fdt_getprop(fdt, node, "riscv,isa", &len);

	return isa && len > 0 && isa[len - 1] == '\0' ? isa : NULL;
}

static unsigned long letters_of_string(const char *isa)
{
	unsigned long set = 0;
	const char *p;

	if (strncmp(isa, "rv32", 4) && strncmp(isa, "rv64", 4))
		return 0;
	for (p = isa + 4; *p && *p != '_'; p++) {
		if (*p == 'g')
			set |= LETTER('i') | LETTER('m') | LETTER('a') | LETTER('f') | LETTER('d');
		else if (*p >= 'a' && *p <= 'z')
			set |= LETTER(*p);
		else
			break;	/* a version number ("v1p0") ends what we read */
	}
	return set;
}

/* Each one-letter entry of the string list "riscv,isa-extensions". */
static unsigned long letters_of_list(const struct fdt *fdt, int node)
{
	int len;
	const char *p = fdt_getprop(fdt, node, "riscv,isa-extensions", &len), *end;
	unsigned long set = 0;

	if (!p || len <= 0 || p[len - 1] != '\0')
		return 0;
	for (end = p + len; p < end; p += strlen(p) + 1)
		if (p[0] >= 'a' && p[0] <= 'z' && p[1] == '\0')
			set |= LETTER(p[0]);
	return set;
}

unsigned long riscv_isa_of_node(const struct fdt *fdt, int node)
{
	const char *isa = isa_string(fdt, node);

	return letters_of_list(fdt, node) | (isa ? letters_of_string(isa) : 0);
}

static bool list_has(const struct fdt *fdt, int node, const char *ext)
{
	int len;
	const char *p = fdt_getprop(fdt, node, "riscv,isa-extensions", &len), *end;

	if (!p || len <= 0 || p[len - 1] != '\0')
		return false;
	for (end = p + len; p < end; p += strlen(p) + 1)
		if (!strcmp(p, ext))
			return true;
	return false;
}

/* "_ext" as a whole multi-letter extension of the riscv,isa string. */
static bool string_has(const char *isa, const char *ext)
{
	size_t n = strlen(ext);

	for (const char *p = isa; (p = strchr(p, '_')); p++)
		if (!strncmp(p + 1, ext, n) && (p[n + 1] == '\0' || p[n + 1] == '_'))
			return true;
	return false;
}

bool riscv_node_has_extension(const struct fdt *fdt, int node, const char *ext)
{
	const char *isa = isa_string(fdt, node);

	return list_has(fdt, node, ext) || (isa && string_has(isa, ext));
}

void riscv_isa_add_hart(const struct fdt *fdt, int node)
{
	unsigned long set = riscv_isa_of_node(fdt, node);

	riscv_isa = isa_seen ? riscv_isa & set : set;
	isa_seen = true;
}

void riscv_isa_report(void)
{
	char letters[27];
	size_t n = 0;
	char c;

	for (c = 'a'; c <= 'z'; c++)
		if (riscv_has_extension(c))
			letters[n++] = c;
	letters[n] = '\0';
	riscv_page_ops_vector = IS_ENABLED(CONFIG_RISCV_ISA_V) && riscv_has_extension('v');
	if (riscv_page_ops_vector)
		pr_info("ISA: %s shared by every hart; page clear/copy: vector, VLEN %lu bits\n",
			letters, riscv_vlenb() * 8);
	else
		pr_info("ISA: %s shared by every hart; page clear/copy: scalar%s\n", letters,
			riscv_has_extension('v') ? " (RISCV_ISA_V is off)" : "");
}
