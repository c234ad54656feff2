/* SPDX-License-Identifier: MIT */
/*
 * The signal frame of Linux on RISC-V, as user mode sees it
 * (arch/riscv/kernel/signal.c builds it): struct rt_sigframe { siginfo;
 * ucontext } on the user stack, 16-byte aligned.  The handler gets
 * a0 = signal, a1 = &info, a2 = &uc, ra = the return trampoline, which
 * calls rt_sigreturn.  Freestanding (user programs include it too).
 */
#ifndef ASM_UCONTEXT_H
#define ASM_UCONTEXT_H

#include <uapi/linux/signal.h>

/* pc, then x1..x31 (Linux's struct user_regs_struct) */
struct user_regs_struct {
	unsigned long pc;
	unsigned long ra, sp, gp, tp, t0, t1, t2, s0, s1, a0, a1, a2, a3, a4, a5, a6, a7;
	unsigned long s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, t3, t4, t5, t6;
};

struct __riscv_f_ext_state {
	__u32 f[32];
	__u32 fcsr;
};

struct __riscv_d_ext_state {
	__u64 f[32];
	__u32 fcsr;
};

struct __riscv_q_ext_state {
	__u64 f[64] __attribute__((aligned(16)));
	__u32 fcsr;
	__u32 reserved[3];
};

union __riscv_fp_state {
	struct __riscv_f_ext_state f;
	struct __riscv_d_ext_state d;
	struct __riscv_q_ext_state q;
};

struct sigcontext {
	struct user_regs_struct sc_regs;
	union __riscv_fp_state sc_fpregs;	/* the D layout: f0-f31, fcsr */
};

struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	sigset_t uc_sigmask;
	/* room for a 1024-bit sigset, as glibc's ucontext_t has */
	__u8 __sigmask_room[1024 / 8 - sizeof(sigset_t)];
	struct sigcontext uc_mcontext;
};

struct rt_sigframe {
	siginfo_t info;
	struct ucontext uc;
};

/* The return trampoline: li a7, __NR_rt_sigreturn (139); ecall. */
#define SIGRETURN_INSN0	0x08b00893u
#define SIGRETURN_INSN1	0x00000073u

#endif
