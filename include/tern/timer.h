/* SPDX-License-Identifier: MIT */
/*
 * Kernel time and timers.  ktime_ns() is monotonic, from the time CSR at
 * the device tree's timebase-frequency.  The tick runs at HZ (Kconfig);
 * with NO_HZ_IDLE it stops while the hart idles and the next timer
 * programs the hardware instead.  Timer callbacks run in interrupt
 * context with interrupts off: they must not sleep.
 */
#ifndef TERN_TIMER_H
#define TERN_TIMER_H

#include <asm/timex.h>
#include <tern/list.h>
#include <tern/math64.h>
#include <tern/types.h>

#define NSEC_PER_SEC	1000000000ULL
#define NSEC_PER_MSEC	1000000ULL
#define TICK_NSEC	(NSEC_PER_SEC / CONFIG_HZ)

/*
 * ns = ticks * 1e9 / hz without a division, inline: the scheduler reads
 * the clock on every switch.  ktime_ns_per_tick_32 is 1e9 * 2^32 / hz (0
 * before time_init, so every time is 0 then).  The result overflows
 * after centuries.  Exact when 1e9 / hz is an integer, as on QEMU (100 ns
 * per tick); otherwise below the exact value by under a nanosecond per 4
 * seconds.  Both variables are set once, by time_init (kernel/time.c).
 */
extern u64 ktime_boot_ticks, ktime_ns_per_tick_32;

static inline u64 ktime_ns(void)
{
	return mul_u64_u64_shr32(arch_read_time() - ktime_boot_ticks, ktime_ns_per_tick_32);
}

/* The time-CSR value at which ktime_ns() reaches ns (UINT64_MAX: never). */
u64 ktime_to_time_csr(u64 ns);

struct ktimer {
	struct list_head node;		/* in the pending list, sorted by expiry */
	u64 expires;			/* ktime_ns() deadline */
	void (*fn)(struct ktimer *timer);
	unsigned int cpu;		/* whose list it is (or was last) on */
	bool pending;
};

/*
 * Arms (or re-arms) a timer for an absolute ktime_ns() deadline; fn runs
 * from the timer interrupt once ktime_ns() >= expires (at once, if that is
 * already past), in deadline order, on the CPU that started it.  A
 * zeroed struct ktimer is idle.  Both calls may be made with interrupts
 * on or off, and from a callback.
 */
void ktimer_start(struct ktimer *timer, u64 expires, void (*fn)(struct ktimer *timer));
/*
 * Disarms; true if it was pending.  If the callback is running on another
 * CPU, waits for it to return.
 */
bool ktimer_cancel(struct ktimer *timer);

/* Boot, before any ktimer: sets up every CPU's timer list. */
void timers_init(void);

/* Each CPU as it starts: program the first tick and enable the timer interrupt. */
void tick_init(void);

/* From the trap handler on a supervisor timer interrupt. */
void handle_timer_irq(void);

/*
 * Tick periods gone by on this hart since tick_init, idle ones included,
 * as counted by the last tick interrupt: a period that ended while
 * interrupts were off counts when the interrupt is taken.
 */
unsigned long tick_count(void);

/*
 * ktime_ns() at which this hart's next tick is due, while its tick runs
 * (the hart is not idle): the tick interrupt that raises tick_count()
 * past its value now comes no earlier.  Ticks are TICK_NSEC apart.  For
 * tests; call with interrupts off to read both at one moment.
 */
u64 tick_next_due(void);

/*
 * Idle: stop the periodic tick until the next timer (NO_HZ_IDLE) / restart
 * it; without NO_HZ_IDLE they do nothing.  The idle loop calls
 * tick_idle_enter right before wfi (best with interrupts off, so that no
 * interrupt slips in between) and tick_idle_exit after it.
 */
void tick_idle_enter(void);
void tick_idle_exit(void);
/*
 * From the trap handler after every interrupt, before preempt_on_irq_exit:
 * an interrupt may wake a task, so a tick stopped for idle starts again.
 */
void tick_irq_exit(void);

/* Programs the hart's timer for an absolute time-CSR value (Sstc or SBI). */
void arch_timer_set_next(u64 time_csr_deadline);
bool arch_timer_has_sstc(void);
/* Lets this hart take the timer interrupt; interrupts are off. */
void arch_timer_irq_enable(void);

#endif
