// SPDX-License-Identifier: MIT
/*
 * Host tests for the signal ABI headers (include/uapi/linux/signal.h,
 * arch/riscv/include/asm/ucontext.h): the offsets user mode and glibc
 * rely on, for an LP64 host (rv64's layout; the kernel's build checks
 * rv32's), and the bit order of a sigset.
 */
/* The C library's <stdlib.h> has a sigset_t of its own: ours is renamed. */
#define sigset_t tern_sigset_t
#include "../arch/riscv/include/asm/ucontext.h"
#undef sigset_t

#include "harness.h"

#include <stddef.h>
#include <string.h>

TEST(siginfo_is_128_bytes_with_the_union_after_three_ints)
{
	EXPECT_EQ(sizeof(siginfo_t), 128);
	EXPECT_EQ(offsetof(siginfo_t, si_signo), 0);
	EXPECT_EQ(offsetof(siginfo_t, si_code), 8);
	EXPECT_EQ(offsetof(siginfo_t, si_pid), 16);
	EXPECT_EQ(offsetof(siginfo_t, si_uid), 20);
	EXPECT_EQ(offsetof(siginfo_t, si_status), 24);
	EXPECT_EQ(offsetof(siginfo_t, si_utime), 32);
	EXPECT_EQ(offsetof(siginfo_t, si_addr), 16);
}

TEST(sigaction_and_stack_t_are_asm_generic)
{
	EXPECT_EQ(sizeof(struct sigaction), 24);
	EXPECT_EQ(offsetof(struct sigaction, sa_flags), 8);
	EXPECT_EQ(offsetof(struct sigaction, sa_mask), 16);
	EXPECT_EQ(sizeof(stack_t), 24);
	EXPECT_EQ(offsetof(stack_t, ss_flags), 8);
	EXPECT_EQ(offsetof(stack_t, ss_size), 16);
}

TEST(the_frame_is_linux_riscv64s)
{
	EXPECT_EQ(offsetof(struct ucontext, uc_stack), 16);
	EXPECT_EQ(offsetof(struct ucontext, uc_sigmask), 40);
	EXPECT_EQ(offsetof(struct ucontext, uc_mcontext), 176);
	EXPECT_EQ(offsetof(struct sigcontext, sc_fpregs), 256);
	EXPECT_EQ(offsetof(struct __riscv_d_ext_state, fcsr), 256);
	EXPECT_EQ(sizeof(union __riscv_fp_state), 528);
	EXPECT_EQ(sizeof(struct ucontext), 960);
	EXPECT_EQ(offsetof(struct rt_sigframe, uc), 128);
	EXPECT_EQ(sizeof(struct rt_sigframe), 1088);
	EXPECT_EQ(sizeof(struct rt_sigframe) % 16, 0);
	EXPECT_EQ(offsetof(struct user_regs_struct, a0), 10 * 8);
	EXPECT_EQ(offsetof(struct user_regs_struct, t6), 31 * 8);
}

TEST(a_sigset_has_signal_n_at_bit_n_minus_1)
{
	tern_sigset_t set;
	unsigned long long word;
	unsigned char bytes[8];

	memset(&set, 0, sizeof(set));
	set.sig[0] = 1UL << (SIGUSR1 - 1);
	memcpy(&word, &set, sizeof(word));
	EXPECT_EQ(word, 1ULL << 9);
	memset(&set, 0, sizeof(set));
	set.sig[_NSIG_WORDS - 1] |= 1UL << ((SIGRTMAX - 1) % _NSIG_BPW);
	memcpy(bytes, &set, sizeof(bytes));
	EXPECT_EQ(bytes[7], 0x80);
	EXPECT_EQ(sizeof(tern_sigset_t), 8);
}

TEST(the_trampoline_is_li_a7_139_and_ecall)
{
	/* li a7, imm: addi a7, x0, imm (opcode 0x13, rd 17, funct3 0, rs1 0) */
	EXPECT_EQ(SIGRETURN_INSN0 & 0x7f, 0x13);
	EXPECT_EQ((SIGRETURN_INSN0 >> 7) & 0x1f, 17);
	EXPECT_EQ(SIGRETURN_INSN0 >> 20, 139);
	EXPECT_EQ(SIGRETURN_INSN1, 0x73);
}

TEST_MAIN()
