// SPDX-License-Identifier: MIT
/*
 * ioremap and the register accessors: each accessor moves exactly its
 * width (checked on ordinary memory), and registers the device tree
 * describes keep what is written to them when reached through ioremap:
 * a PLIC source priority (readl/writel) and the 16550 scratch register
 * (readb/writeb).  A device the tree does not have is not checked.
 */
#include <asm/extable.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/io.h>
#include <tern/ktest.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/vmalloc.h>

#define PLIC_PRIORITY(src)	(4UL * (src))
#define UART_SCR	7UL	/* 16550 scratch register, in units of the register stride */

static void ioremap_refuses_what_it_cannot_map(struct ktest *t)
{
	KTEST_EXPECT(t, ioremap(0x10000000, 0) == NULL);
	KTEST_EXPECT(t, ioremap(~(phys_addr_t)0 - 3, 8) == NULL);	/* wraps */
	/* beyond a pointer (no paging, rv32) or a PTE (paging) */
	if (PHYS_ADDR_LAST < ~(phys_addr_t)0) {
		KTEST_EXPECT(t, ioremap(PHYS_ADDR_LAST + 1, 4) == NULL);
		KTEST_EXPECT(t, ioremap(PHYS_ADDR_LAST - 3, 8) == NULL);
	}
	iounmap(NULL);
}

/* With paging: a mapping in the vmalloc area, gone once unmapped. */
static void iounmap_takes_the_mapping_away(struct ktest *t)
{
	u32 *word = kmalloc(8, GFP_KERNEL);
	void __iomem *io;

	KTEST_ASSERT(t, word != NULL);
	word[1] = 0xc0ffee;
	io = ioremap(__pa(word) + 4, 4);
	KTEST_ASSERT(t, io != NULL);
	KTEST_EXPECT_EQ(t, readl(io), 0xc0ffee);
	if (IS_ENABLED(CONFIG_MMU)) {
		KTEST_EXPECT(t, is_vmalloc_addr((const void *)io));
		iounmap(io);
		KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)io), -EFAULT);
	} else {
		KTEST_EXPECT(t, (uintptr_t)io == (uintptr_t)__pa(word) + 4);
		iounmap(io);
	}
	kfree(word);
}

/* Every byte of buf is b, but for [from, from + n). */
static bool only_changed(const u8 *buf, size_t len, size_t from, size_t n, u8 b)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((i < from || i >= from + n) && buf[i] != b)
			return false;
	return true;
}

static void accessors_move_their_width(struct ktest *t)
{
	u8 *buf = kmalloc(16, GFP_KERNEL);
	void __iomem *io = buf;

	KTEST_ASSERT(t, buf != NULL);
	memset(buf, 0xee, 16);
	writeb(0x12, io + 1);
	KTEST_EXPECT_EQ(t, buf[1], 0x12);
	KTEST_EXPECT(t, only_changed(buf, 16, 1, 1, 0xee));
	KTEST_EXPECT_EQ(t, readb(io + 1), 0x12);

	memset(buf, 0xee, 16);
	writew(0x3456, io + 2);
	KTEST_EXPECT(t, buf[2] == 0x56 && buf[3] == 0x34);	/* little-endian */
	KTEST_EXPECT(t, only_changed(buf, 16, 2, 2, 0xee));
	KTEST_EXPECT_EQ(t, readw(io + 2), 0x3456);

	memset(buf, 0xee, 16);
	writel(0x89abcdefU, io + 4);
	KTEST_EXPECT(t, buf[4] == 0xef && buf[7] == 0x89);
	KTEST_EXPECT(t, only_changed(buf, 16, 4, 4, 0xee));
	KTEST_EXPECT_EQ(t, readl(io + 4), 0x89abcdefU);
	KTEST_EXPECT_EQ(t, readl_relaxed(io + 4), 0x89abcdefU);
	writel_relaxed(0x01020304U, io + 4);
	KTEST_EXPECT_EQ(t, readl(io + 4), 0x01020304U);
#if __riscv_xlen == 64
	memset(buf, 0xee, 16);
	writeq(0x0123456789abcdefULL, io + 8);
	KTEST_EXPECT(t, buf[8] == 0xef && buf[15] == 0x01);
	KTEST_EXPECT(t, only_changed(buf, 16, 8, 8, 0xee));
	KTEST_EXPECT(t, readq(io + 8) == 0x0123456789abcdefULL);
#endif
	kfree(buf);
}

/* The available node for one of the compatibles, or negative. */
static int find_device(const char *const *compatible, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		int node = fdt_node_offset_by_compatible(&boot_fdt, -1, compatible[i]);

		if (node >= 0 && fdt_node_is_available(&boot_fdt, node))
			return node;
	}
	return -1;
}

static void plic_priority_keeps_what_writel_wrote(struct ktest *t)
{
	static const char *const compatible[] = { "sifive,plic-1.0.0", "riscv,plic0" };
	int node = find_device(compatible, ARRAY_SIZE(compatible));
	void __iomem *plic;
	u64 base, size;
	u32 ndev, old;

	if (node < 0)
		return;
	KTEST_ASSERT(t, fdt_get_reg(&boot_fdt, node, 0, &base, &size) == 0);
	KTEST_ASSERT(t, fdt_getprop_u32(&boot_fdt, node, "riscv,ndev", &ndev) == 0);
	/* The last source: unused on QEMU virt, driverless on sifive_u. */
	KTEST_ASSERT(t, ndev > 0 && size > PLIC_PRIORITY(ndev));
	plic = ioremap(base, (size_t)size);
	KTEST_ASSERT(t, plic != NULL);
	old = readl(plic + PLIC_PRIORITY(ndev));
	writel(1, plic + PLIC_PRIORITY(ndev));
	KTEST_EXPECT_EQ(t, readl(plic + PLIC_PRIORITY(ndev)), 1);
	writel(0, plic + PLIC_PRIORITY(ndev));
	KTEST_EXPECT_EQ(t, readl(plic + PLIC_PRIORITY(ndev)), 0);
	writel(old, plic + PLIC_PRIORITY(ndev));
	iounmap(plic);
}

static void uart_scratch_keeps_what_writeb_wrote(struct ktest *t)
{
	static const char *const compatible[] = { "ns16550a" };
	int node = find_device(compatible, ARRAY_SIZE(compatible));
	void __iomem *uart, *scr;
	u32 shift = 0;
	u64 base, size;
	u8 old;

	if (node < 0)
		return;
	fdt_getprop_u32(&boot_fdt, node, "reg-shift", &shift);
	KTEST_ASSERT(t, fdt_get_reg(&boot_fdt, node, 0, &base, &size) == 0);
	KTEST_ASSERT(t, shift < 8 && size > (UART_SCR << shift));
	uart = ioremap(base, (size_t)size);
	KTEST_ASSERT(t, uart != NULL);
	scr = uart + (UART_SCR << shift);
	old = readb(scr);
	writeb(0xa5, scr);
	KTEST_EXPECT_EQ(t, readb(scr), 0xa5);
	writeb(0x5a, scr);
	KTEST_EXPECT_EQ(t, readb(scr), 0x5a);
	writeb(old, scr);
	iounmap(uart);
}

KTEST_SUITE(ioremap,
	    KTEST_CASE(ioremap_refuses_what_it_cannot_map),
	    KTEST_CASE(iounmap_takes_the_mapping_away),
	    KTEST_CASE(accessors_move_their_width),
	    KTEST_CASE(plic_priority_keeps_what_writel_wrote),
	    KTEST_CASE(uart_scratch_keeps_what_writeb_wrote));
