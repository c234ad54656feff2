/* SPDX-License-Identifier: MIT */
/*
 * sigtest.c's register check (every register across a handler), in a file of its own to keep sigtest.c short.
 * Included once, by sigtest.c, after its helpers.
 */

/*
 * Every register survives a handler that clobbers them all: regs_probe
 * loads known values, sends itself SIGUSR1 with an ecall, and stores
 * the registers after it; clobber_handler overwrites s2-s11, t0-t6,
 * a1-a7 (and f8 when there is FP, on rv64) before it returns.
 */
void regs_probe(long pid, unsigned long *out, long use_fp);
void clobber_handler(int sig);
volatile int clobbered;

#if __riscv_xlen == 64
#define SZ	"8"
#define ST	"sd"
#define LD	"ld"
#define FP_SET(v)	".option push\n.option arch, +d\nli t0, " v "\nfmv.d.x f8, t0\n.option pop\n"
#define FP_GET		".option push\n.option arch, +d\nfmv.x.d t1, f8\n.option pop\n"
#else
#define SZ	"4"
#define ST	"sw"
#define LD	"lw"
#define FP_SET(v)	""
#define FP_GET		"li t1, 0x4008\n"
#endif
#define SLOT(r, n, base)	ST " " r ", " #n "*" SZ "(" base ")\n"
#define LOAD(r, n, base)	LD " " r ", " #n "*" SZ "(" base ")\n"

__asm__(
"	.text\n"
"	.globl regs_probe\n"
"regs_probe:\n"
"	addi	sp, sp, -128\n"
	SLOT("s2", 0, "sp") SLOT("s3", 1, "sp") SLOT("s4", 2, "sp") SLOT("s5", 3, "sp")
	SLOT("s6", 4, "sp") SLOT("s7", 5, "sp") SLOT("s8", 6, "sp") SLOT("s9", 7, "sp")
	SLOT("s10", 8, "sp") SLOT("s11", 9, "sp") SLOT("a1", 10, "sp") SLOT("ra", 11, "sp")
"	mv	t2, a2\n"
"	li	s2, 0x1002\n	li s3, 0x1003\n	li s4, 0x1004\n	li s5, 0x1005\n"
"	li	s6, 0x1006\n	li s7, 0x1007\n	li s8, 0x1008\n	li s9, 0x1009\n"
"	li	s10, 0x100a\n	li s11, 0x100b\n"
"	li	t3, 0x2003\n	li t4, 0x2004\n	li t5, 0x2005\n	li t6, 0x2006\n"
"	li	a3, 0x3003\n	li a4, 0x3004\n	li a5, 0x3005\n	li a6, 0x3006\n"
"	beqz	t2, 1f\n"
	FP_SET("0x4008")
"1:	li	a1, 10\n"		/* SIGUSR1 */
"	li	a7, 129\n"		/* kill */
"	ecall\n"
	LOAD("t0", 10, "sp")
	SLOT("s2", 0, "t0") SLOT("s3", 1, "t0") SLOT("s4", 2, "t0") SLOT("s5", 3, "t0")
	SLOT("s6", 4, "t0") SLOT("s7", 5, "t0") SLOT("s8", 6, "t0") SLOT("s9", 7, "t0")
	SLOT("s10", 8, "t0") SLOT("s11", 9, "t0")
	SLOT("t3", 10, "t0") SLOT("t4", 11, "t0") SLOT("t5", 12, "t0") SLOT("t6", 13, "t0")
	SLOT("a3", 14, "t0") SLOT("a4", 15, "t0") SLOT("a5", 16, "t0") SLOT("a6", 17, "t0")
	SLOT("a0", 18, "t0") SLOT("a7", 19, "t0") SLOT("t2", 20, "t0")
"	beqz	t2, 2f\n"
	FP_GET
	SLOT("t1", 21, "t0")
"2:\n"
	LOAD("s2", 0, "sp") LOAD("s3", 1, "sp") LOAD("s4", 2, "sp") LOAD("s5", 3, "sp")
	LOAD("s6", 4, "sp") LOAD("s7", 5, "sp") LOAD("s8", 6, "sp") LOAD("s9", 7, "sp")
	LOAD("s10", 8, "sp") LOAD("s11", 9, "sp") LOAD("ra", 11, "sp")
"	addi	sp, sp, 128\n"
"	ret\n"
"	.globl clobber_handler\n"
"clobber_handler:\n"
"	li	s2, -1\n	li s3, -1\n	li s4, -1\n	li s5, -1\n	li s6, -1\n	li s7, -1\n"
"	li	s8, -1\n	li s9, -1\n	li s10, -1\n	li s11, -1\n"
"	li	t0, -1\n	li t1, -1\n	li t2, -1\n	li t3, -1\n	li t4, -1\n	li t5, -1\n"
"	li	t6, -1\n	li a1, -1\n	li a2, -1\n	li a3, -1\n	li a4, -1\n	li a5, -1\n"
"	li	a6, -1\n	li a7, -1\n"
"	lla	t0, clobbered\n	li t1, 1\n	sw t1, 0(t0)\n"
"	lla	t0, fp_in_use\n	lw t0, 0(t0)\n"
"	beqz	t0, 3f\n"
	FP_SET("-1")
"3:	ret\n");

volatile int fp_in_use;

static int test_regs(void)
{
	unsigned long out[22];
	long fp = __riscv_xlen == 64 && ((at_hwcap >> ('d' - 'a')) & 1);
	int i;

	fp_in_use = (int)fp;
	memset(out, 0, sizeof(out));
	CHECK(1, set_action(SIGUSR1, clobber_handler, 0, 0) == 0);
	regs_probe(sys0(getpid), out, fp);
	CHECK(2, clobbered == 1);
	for (i = 0; i < 10; i++)
		CHECK(10 + i, out[i] == 0x1002UL + i);
	for (i = 0; i < 4; i++)
		CHECK(20 + i, out[10 + i] == 0x2003UL + i);
	for (i = 0; i < 4; i++)
		CHECK(30 + i, out[14 + i] == 0x3003UL + i);
	CHECK(40, out[18] == 0);		/* a0: kill's result */
	CHECK(41, out[19] == 129);		/* a7 */
	CHECK(42, out[20] == (unsigned long)fp);	/* t2 */
	CHECK(43, !fp || out[21] == 0x4008);	/* f8 */
	return 0;
}
