// SPDX-License-Identifier: MIT
/*
 * ktime_ns, the tick and kernel timers.  No case measures speed: waits are
 * bounded by a generous SPIN_TIMEOUT_NS that only stops a hang, and the
 * checks are on ordering and on counts that follow from the time read.
 */
#include <asm/csr.h>
#include <tern/arch.h>
#include <tern/irqflags.h>
#include <tern/ktest.h>
#include <tern/time.h>
#include <tern/timer.h>

#define SPIN_TIMEOUT_NS	(5 * NSEC_PER_SEC)

/* Busy-waits until cond holds or the timeout passes; evaluates to cond. */
#define SPIN_UNTIL(cond) ({						\
	u64 __end = ktime_ns() + SPIN_TIMEOUT_NS;			\
	while (!(cond) && ktime_ns() < __end)				\
		barrier();						\
	(cond);								\
})

static void spin_ns(u64 ns)
{
	u64 end = ktime_ns() + ns;

	while (ktime_ns() < end)
		barrier();
}

/* Interrupts on for the case, whatever the caller had. */
static unsigned long irqs_on(void)
{
	unsigned long flags = local_irq_save();

	local_irq_enable();
	return flags;
}

static void ktime_is_monotonic_and_advances(struct ktest *t)
{
	u64 first = ktime_ns(), prev = first, now;
	int i, backwards = 0;

	for (i = 0; i < 1000; i++) {
		now = ktime_ns();
		backwards += now < prev;
		prev = now;
	}
	KTEST_EXPECT_EQ(t, backwards, 0);
	KTEST_EXPECT(t, SPIN_UNTIL(ktime_ns() > first));
}

/* ns = (time - boot) * 1e9 / timebase, rounded down: bracket it by two reads of time. */
static void ktime_follows_the_time_csr(struct ktest *t)
{
	u32 hz = timebase_frequency();
	u64 a1, b1, a2, b2, k1, k2, lo, hi;

	KTEST_ASSERT(t, hz != 0);
	a1 = arch_read_time();
	k1 = ktime_ns();
	b1 = arch_read_time();
	spin_ns(3 * TICK_NSEC);
	a2 = arch_read_time();
	k2 = ktime_ns();
	b2 = arch_read_time();
	/* k2 - k1 lies within the time-CSR distances converted, +-1 ns of rounding. */
	lo = (a2 - b1) * NSEC_PER_SEC / hz;
	hi = (b2 - a1) * NSEC_PER_SEC / hz + 1;
	KTEST_EXPECT_GE(t, k2 - k1 + 1, lo);
	KTEST_EXPECT_LE(t, k2 - k1, hi);
	KTEST_EXPECT_GE(t, k2 - k1, 3 * TICK_NSEC);
}

/* printk's clock and ktime_ns count from the same boot moment. */
static void ktime_agrees_with_printk_clock(struct ktest *t)
{
	u64 k1 = ktime_ns(), us = time_since_boot_us(), k2 = ktime_ns();

	KTEST_EXPECT_LE(t, k1 / 1000, us);
	KTEST_EXPECT_LE(t, us, k2 / 1000);
}

static void deadline_conversion_rounds_up(struct ktest *t)
{
	u64 ns = ktime_ns(), csr = ktime_to_time_csr(ns);

	/* ktime_ns() read ns, so the counter had reached the deadline for ns. */
	KTEST_EXPECT_LE(t, csr, arch_read_time());
	KTEST_EXPECT_EQ(t, ktime_to_time_csr(ns + NSEC_PER_SEC) - csr, timebase_frequency());
	KTEST_EXPECT_GE(t, ktime_to_time_csr(ns + 1), csr);
	KTEST_EXPECT(t, ktime_to_time_csr(UINT64_MAX) == UINT64_MAX);
}

/*
 * Exact, from the mechanism: with interrupts off, the count and the time
 * its next period ends are read at one moment (the boot task stays on
 * CPU 0, whose count this is).  The interrupt that takes the count five
 * past it runs at or after the end of the fifth period from then, so by
 * the time the spin sees it, ktime_ns() is past due + 4 periods, however
 * late any interrupt came.
 */
static void ticks_arrive(struct ktest *t)
{
	unsigned long flags = local_irq_save();
	unsigned long start = tick_count();
	u64 due = tick_next_due();

	local_irq_enable();
	KTEST_EXPECT(t, SPIN_UNTIL(tick_count() - start >= 5));
	KTEST_EXPECT_GE(t, ktime_ns(), due + 4 * TICK_NSEC);
	KTEST_EXPECT(t, csr_read(sie) & SIE_STIE);
	local_irq_restore(flags);
}

static void no_ticks_with_interrupts_off(struct ktest *t)
{
	unsigned long flags = local_irq_save();
	unsigned long start = tick_count();

	spin_ns(3 * TICK_NSEC);
	KTEST_EXPECT_EQ(t, tick_count(), start);
	local_irq_enable();
	/* The missed periods are counted by the interrupt that was held off. */
	KTEST_EXPECT(t, SPIN_UNTIL(tick_count() - start >= 3));
	local_irq_restore(flags);
}

static void idle_stops_and_restarts_the_tick(struct ktest *t)
{
	unsigned long flags = local_irq_save();
	unsigned long start = tick_count();

	tick_idle_enter();
	spin_ns(3 * TICK_NSEC);
	/* No ktimer is pending here: tickless, nothing is programmed. */
	if (IS_ENABLED(CONFIG_NO_HZ_IDLE))
		KTEST_EXPECT(t, !(csr_read(sip) & SIP_STIP));
	tick_idle_exit();
	local_irq_enable();
	KTEST_EXPECT(t, SPIN_UNTIL(tick_count() - start >= 3));
	local_irq_restore(flags);
}

struct order_timer {
	struct ktimer timer;
	u64 fired_at;
	int seq;
};

static int fire_seq;

static void record_fire(struct ktimer *timer)
{
	struct order_timer *o = container_of(timer, struct order_timer, timer);

	o->fired_at = ktime_ns();
	o->seq = ++fire_seq;
}

static void ktimers_fire_in_deadline_order(struct ktest *t)
{
	struct order_timer a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 };
	unsigned long flags = local_irq_save();	/* none fires while we arm them */
	u64 now = ktime_ns();

	fire_seq = 0;
	ktimer_start(&a.timer, now + 3 * NSEC_PER_MSEC, record_fire);
	ktimer_start(&b.timer, now + 1 * NSEC_PER_MSEC, record_fire);
	ktimer_start(&c.timer, now + 2 * NSEC_PER_MSEC, record_fire);
	ktimer_start(&d.timer, now + 2 * NSEC_PER_MSEC, record_fire);	/* after c: FIFO */
	local_irq_enable();
	KTEST_ASSERT(t, SPIN_UNTIL(READ_ONCE(fire_seq) == 4));
	KTEST_EXPECT_EQ(t, b.seq, 1);
	KTEST_EXPECT_EQ(t, c.seq, 2);
	KTEST_EXPECT_EQ(t, d.seq, 3);
	KTEST_EXPECT_EQ(t, a.seq, 4);
	KTEST_EXPECT_GE(t, a.fired_at, a.timer.expires);
	KTEST_EXPECT_GE(t, b.fired_at, b.timer.expires);
	KTEST_EXPECT_GE(t, c.fired_at, c.timer.expires);
	KTEST_EXPECT(t, !a.timer.pending && !b.timer.pending && !c.timer.pending);
	local_irq_restore(flags);
}

static void ktimer_cancel_and_restart(struct ktest *t)
{
	struct order_timer a = { 0 }, b = { 0 };
	unsigned long flags = local_irq_save();	/* none fires while we arm them */
	u64 now = ktime_ns();

	fire_seq = 0;
	KTEST_EXPECT(t, !ktimer_cancel(&a.timer));	/* never started */
	ktimer_start(&a.timer, now + 1 * NSEC_PER_MSEC, record_fire);
	ktimer_start(&b.timer, now + 2 * NSEC_PER_MSEC, record_fire);
	KTEST_EXPECT(t, ktimer_cancel(&a.timer));
	KTEST_EXPECT(t, !ktimer_cancel(&a.timer));
	local_irq_enable();
	KTEST_ASSERT(t, SPIN_UNTIL(READ_ONCE(fire_seq) == 1));
	KTEST_EXPECT_EQ(t, b.seq, 1);
	KTEST_EXPECT_EQ(t, a.seq, 0);	/* due before b, but cancelled */

	/* Re-arming a pending timer moves it: b, now later than a, fires second. */
	local_irq_disable();
	now = ktime_ns();
	ktimer_start(&b.timer, now + 1 * NSEC_PER_MSEC, record_fire);
	ktimer_start(&a.timer, now + 2 * NSEC_PER_MSEC, record_fire);
	ktimer_start(&b.timer, now + 3 * NSEC_PER_MSEC, record_fire);
	local_irq_enable();
	KTEST_ASSERT(t, SPIN_UNTIL(READ_ONCE(fire_seq) == 3));
	KTEST_EXPECT_EQ(t, a.seq, 2);
	KTEST_EXPECT_EQ(t, b.seq, 3);
	local_irq_restore(flags);
}

static void past_ktimer_fires_at_once(struct ktest *t)
{
	struct order_timer a = { 0 };
	unsigned long flags = local_irq_save();

	fire_seq = 0;
	ktimer_start(&a.timer, ktime_ns() - 1, record_fire);
	/* Programmed for the past: the timer interrupt is pending now. */
	KTEST_EXPECT(t, csr_read(sip) & SIP_STIP);
	KTEST_EXPECT_EQ(t, a.seq, 0);	/* but callbacks run from the interrupt only */
	local_irq_enable();
	KTEST_EXPECT(t, SPIN_UNTIL(READ_ONCE(fire_seq) == 1));
	KTEST_EXPECT(t, !a.timer.pending);
	local_irq_restore(flags);
}

/* A callback that re-arms its own timer, as a periodic user would. */
struct periodic {
	struct ktimer timer;
	int runs;
};

static void periodic_fn(struct ktimer *timer)
{
	struct periodic *p = container_of(timer, struct periodic, timer);

	if (++p->runs < 3)
		ktimer_start(timer, timer->expires + NSEC_PER_MSEC, periodic_fn);
}

static void ktimer_rearms_from_its_callback(struct ktest *t)
{
	struct periodic p = { .runs = 0 };
	unsigned long flags = irqs_on();

	ktimer_start(&p.timer, ktime_ns() + NSEC_PER_MSEC, periodic_fn);
	KTEST_EXPECT(t, SPIN_UNTIL(READ_ONCE(p.runs) == 3 && !READ_ONCE(p.timer.pending)));
	local_irq_restore(flags);
}

KTEST_SUITE(timer,
	    KTEST_CASE(ktime_is_monotonic_and_advances),
	    KTEST_CASE(ktime_follows_the_time_csr),
	    KTEST_CASE(ktime_agrees_with_printk_clock),
	    KTEST_CASE(deadline_conversion_rounds_up),
	    KTEST_CASE(ticks_arrive),
	    KTEST_CASE(no_ticks_with_interrupts_off),
	    KTEST_CASE(idle_stops_and_restarts_the_tick),
	    KTEST_CASE(ktimers_fire_in_deadline_order),
	    KTEST_CASE(ktimer_cancel_and_restart),
	    KTEST_CASE(past_ktimer_fires_at_once),
	    KTEST_CASE(ktimer_rearms_from_its_callback));
