// SPDX-License-Identifier: MIT
/*
 * The periodic tick and kernel timers, sharing the hart's one timer
 * deadline (arch_timer_set_next): it is always programmed for the earlier
 * of the next tick and the first pending ktimer.
 *
 * The tick keeps to a grid, TICK_NSEC apart from the first one.  A late
 * interrupt adds every period that went by to tick_count but calls
 * scheduler_tick() at most TICK_CATCHUP_MAX times.
 *
 * With NO_HZ_IDLE, tick_idle_enter stops the tick while the hart idles,
 * and only the first ktimer (if any) is programmed.  Any interrupt starts
 * it again on the way out (tick_irq_exit), because the interrupt may have
 * woken a task that must not run without a tick; so does tick_idle_exit.
 * The periods spent stopped are added to tick_count on restart, without
 * scheduler_tick().
 *
 * Locking: the state below belongs to the (single) boot hart and is
 * protected by interrupts being off there; the public functions turn
 * them off themselves.
 */
#include <asm/csr.h>
#include <tern/irq.h>
#include <tern/printk.h>
#include <tern/sched.h>
#include <tern/time.h>
#include <tern/timer.h>

#define TICK_CATCHUP_MAX	4	/* scheduler_tick() calls for one late interrupt */
#define KTIMER_BATCH_MAX	64	/* callbacks per interrupt; more wait for the next */

static LIST_HEAD(ktimers);		/* pending ktimers by expires; FIFO among equals */
static u64 next_tick;			/* ktime_ns() when the next tick is due */
static u64 programmed = UINT64_MAX;	/* ktime_ns() deadline in the hardware */
static unsigned long ticks;		/* tick periods since tick_init */
static bool tick_running;		/* tick_init ran and the tick is not stopped */
static bool tick_stopped;		/* stopped by tick_idle_enter */

static void program_next(void)
{
	u64 next = tick_running ? next_tick : UINT64_MAX;

	if (!list_empty(&ktimers))
		next = MIN(next, list_first_entry(&ktimers, struct ktimer, node)->expires);
	programmed = next;
	arch_timer_set_next(ktime_to_time_csr(next));
}

/* Moves next_tick past now; returns the number of periods that went by. */
static u64 tick_advance(u64 now)
{
	u64 elapsed;

	if (now < next_tick)
		return 0;
	elapsed = (now - next_tick) / TICK_NSEC + 1;
	next_tick += elapsed * TICK_NSEC;
	ticks += (unsigned long)elapsed;
	return elapsed;
}

static void run_ktimers(void)
{
	unsigned int n;

	for (n = 0; n < KTIMER_BATCH_MAX && !list_empty(&ktimers); n++) {
		struct ktimer *timer = list_first_entry(&ktimers, struct ktimer, node);

		if (timer->expires > ktime_ns())
			break;
		list_del_init(&timer->node);
		timer->pending = false;
		timer->fn(timer);	/* may start this or another timer again */
	}
}

/*
 * Interrupts are off.  A deadline already past when it is programmed
 * leaves the interrupt pending, so work left over comes straight back.
 */
void handle_timer_irq(void)
{
	if (tick_running) {
		u64 elapsed = tick_advance(ktime_ns());

		for (u64 i = 0; i < MIN(elapsed, (u64)TICK_CATCHUP_MAX); i++)
			scheduler_tick();
	}
	run_ktimers();
	program_next();
}

void ktimer_start(struct ktimer *timer, u64 expires, void (*fn)(struct ktimer *timer))
{
	unsigned long flags = local_irq_save();
	struct ktimer *pos;

	if (timer->pending)
		list_del_init(&timer->node);
	timer->expires = expires;
	timer->fn = fn;
	timer->pending = true;
	list_for_each_entry(pos, &ktimers, node)
		if (pos->expires > expires)
			break;
	list_add_tail(&timer->node, &pos->node);	/* before pos, or last */
	/* A later deadline needs no reprogramming; an earlier one does. */
	if (expires < programmed)
		program_next();
	local_irq_restore(flags);
}

/* The hardware may stay programmed for it: that interrupt finds nothing due. */
bool ktimer_cancel(struct ktimer *timer)
{
	unsigned long flags = local_irq_save();
	bool was_pending = timer->pending;

	if (was_pending) {
		list_del_init(&timer->node);
		timer->pending = false;
	}
	local_irq_restore(flags);
	return was_pending;
}

void tick_init(void)
{
	unsigned long flags;

	if (!timebase_frequency()) {
		pr_warn("tick: no timebase-frequency, no timer interrupts\n");
		return;
	}
	flags = local_irq_save();
	next_tick = ktime_ns() + TICK_NSEC;
	tick_running = true;
	program_next();
	csr_set(sie, SIE_STIE);
	local_irq_restore(flags);
	pr_info("tick: %d Hz, %s, timebase %u Hz%s\n", CONFIG_HZ,
		arch_timer_has_sstc() ? "Sstc stimecmp" : "SBI set_timer",
		(unsigned int)timebase_frequency(),
		IS_ENABLED(CONFIG_NO_HZ_IDLE) ? ", tickless idle" : "");
}

unsigned long tick_count(void)
{
	return READ_ONCE(ticks);
}

void tick_idle_enter(void)
{
	unsigned long flags;

	if (!IS_ENABLED(CONFIG_NO_HZ_IDLE))
		return;
	flags = local_irq_save();
	if (tick_running) {
		tick_running = false;
		tick_stopped = true;
		program_next();
	}
	local_irq_restore(flags);
}

/* Interrupts are off. */
static void tick_restart(void)
{
	if (!tick_stopped)
		return;
	tick_stopped = false;
	tick_running = true;
	tick_advance(ktime_ns());
	program_next();
}

void tick_idle_exit(void)
{
	unsigned long flags = local_irq_save();

	tick_restart();
	local_irq_restore(flags);
}

void tick_irq_exit(void)
{
	tick_restart();
}
