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
 * Every CPU has its own tick and ktimer list (struct timer_base), locked
 * with interrupts off.  A ktimer fires on the CPU that started it, so
 * ktimer_cancel may have to reach another CPU's base (timer->cpu), and
 * waits for a callback already running there: after it returns, the
 * timer is no longer touched.  Callbacks run without the base locked.
 */
#include <tern/irqflags.h>
#include <tern/printk.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/spinlock.h>
#include <tern/time.h>
#include <tern/timer.h>

#define TICK_CATCHUP_MAX	4	/* scheduler_tick() calls for one late interrupt */
#define KTIMER_BATCH_MAX	64	/* callbacks per interrupt; more wait for the next */

struct timer_base {
	spinlock_t lock;
	struct list_head ktimers;	/* pending, by expires; FIFO among equals */
	struct ktimer *running;		/* whose callback runs now */
	u64 next_tick;			/* ktime_ns() when the next tick is due */
	u64 programmed;			/* ktime_ns() deadline in the hardware */
	unsigned long ticks;		/* tick periods since tick_init */
	bool tick_running;		/* tick_init ran and the tick is not stopped */
	bool tick_stopped;		/* stopped by tick_idle_enter */
};

static struct timer_base timer_bases[NR_CPUS];

/* Interrupts off, so the caller stays on this CPU. */
static struct timer_base *this_base(void)
{
	return &timer_bases[smp_processor_id()];
}

/* base is this CPU's, locked. */
static void program_next(struct timer_base *base)
{
	u64 next = base->tick_running ? base->next_tick : UINT64_MAX;

	if (!list_empty(&base->ktimers))
		next = MIN(next, list_first_entry(&base->ktimers, struct ktimer, node)->expires);
	base->programmed = next;
	arch_timer_set_next(ktime_to_time_csr(next));
}

/* Moves next_tick past now; returns the number of periods that went by. */
static u64 tick_advance(struct timer_base *base, u64 now)
{
	u64 elapsed;

	if (now < base->next_tick)
		return 0;
	elapsed = (now - base->next_tick) / TICK_NSEC + 1;
	base->next_tick += elapsed * TICK_NSEC;
	base->ticks += (unsigned long)elapsed;
	return elapsed;
}

/* base locked; unlocked around each callback. */
static void run_ktimers(struct timer_base *base)
{
	unsigned int n;

	for (n = 0; n < KTIMER_BATCH_MAX && !list_empty(&base->ktimers); n++) {
		struct ktimer *timer = list_first_entry(&base->ktimers, struct ktimer, node);

		if (timer->expires > ktime_ns())
			break;
		list_del_init(&timer->node);
		timer->pending = false;
		base->running = timer;
		spin_unlock(&base->lock);
		timer->fn(timer);	/* may start this or another timer again */
		spin_lock(&base->lock);
		base->running = NULL;
	}
}

/*
 * Interrupts are off.  A deadline already past when it is programmed
 * leaves the interrupt pending, so work left over comes straight back.
 */
void handle_timer_irq(void)
{
	struct timer_base *base = this_base();
	u64 elapsed = 0;

	spin_lock(&base->lock);
	if (base->tick_running)
		elapsed = tick_advance(base, ktime_ns());
	spin_unlock(&base->lock);
	for (u64 i = 0; i < MIN(elapsed, (u64)TICK_CATCHUP_MAX); i++)
		scheduler_tick();
	spin_lock(&base->lock);
	run_ktimers(base);
	program_next(base);
	spin_unlock(&base->lock);
}

/*
 * Locks the base timer is pending on (or last was), interrupts off.  With
 * wait_running, also waits until its callback is not running there.
 */
static struct timer_base *lock_timer_base(struct ktimer *timer, unsigned long *flags,
					  bool wait_running)
{
	*flags = local_irq_save();
	for (;;) {
		struct timer_base *base = &timer_bases[READ_ONCE(timer->cpu)];

		spin_lock(&base->lock);
		if (&timer_bases[timer->cpu] == base &&
		    !(wait_running && base->running == timer))
			return base;
		spin_unlock(&base->lock);
	}
}

/* Takes timer off its base's list; base locked. */
static void detach(struct ktimer *timer)
{
	if (timer->pending) {
		list_del_init(&timer->node);
		timer->pending = false;
	}
}

void ktimer_start(struct ktimer *timer, u64 expires, void (*fn)(struct ktimer *timer))
{
	unsigned long flags;
	struct timer_base *base;
	struct ktimer *pos;

	if (!timer->fn) {	/* never started (zeroed): on no base yet */
		flags = local_irq_save();
		base = this_base();
		spin_lock(&base->lock);
	} else {
		base = lock_timer_base(timer, &flags, false);
		detach(timer);
	}
	if (base != this_base()) {	/* it moves to this CPU */
		spin_unlock(&base->lock);
		base = this_base();
		spin_lock(&base->lock);
	}
	timer->cpu = smp_processor_id();
	timer->expires = expires;
	timer->fn = fn;
	timer->pending = true;
	list_for_each_entry(pos, &base->ktimers, node)
		if (pos->expires > expires)
			break;
	list_add_tail(&timer->node, &pos->node);	/* before pos, or last */
	/* A later deadline needs no reprogramming; an earlier one does. */
	if (expires < base->programmed)
		program_next(base);
	spin_unlock_irqrestore(&base->lock, flags);
}

/* The hardware may stay programmed for it: that interrupt finds nothing due. */
bool ktimer_cancel(struct ktimer *timer)
{
	unsigned long flags;
	struct timer_base *base;
	bool was_pending;

	if (!READ_ONCE(timer->fn))
		return false;	/* never started */
	base = lock_timer_base(timer, &flags, timer->cpu != smp_processor_id());
	was_pending = timer->pending;

	detach(timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

void timers_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		spin_lock_init(&timer_bases[cpu].lock);
		INIT_LIST_HEAD(&timer_bases[cpu].ktimers);
		timer_bases[cpu].programmed = UINT64_MAX;
	}
}

void tick_init(void)
{
	unsigned long flags;
	struct timer_base *base;

	flags = local_irq_save();	/* time_init refused a tree without a timebase */
	base = this_base();
	spin_lock(&base->lock);
	base->next_tick = ktime_ns() + TICK_NSEC;
	base->tick_running = true;
	program_next(base);
	spin_unlock(&base->lock);
	arch_timer_irq_enable();
	local_irq_restore(flags);
	if (smp_processor_id())
		return;	/* the boot CPU said it for all */
	pr_info("tick: %d Hz, %s, timebase %u Hz%s\n", CONFIG_HZ,
		arch_timer_has_sstc() ? "Sstc stimecmp" : "SBI set_timer",
		(unsigned int)timebase_frequency(),
		IS_ENABLED(CONFIG_NO_HZ_IDLE) ? ", tickless idle" : "");
}

unsigned long tick_count(void)
{
	unsigned long flags = local_irq_save();
	unsigned long ticks = READ_ONCE(this_base()->ticks);

	local_irq_restore(flags);
	return ticks;
}

u64 tick_next_due(void)
{
	unsigned long flags = local_irq_save();
	u64 due = READ_ONCE(this_base()->next_tick);

	local_irq_restore(flags);
	return due;
}

void tick_idle_enter(void)
{
	unsigned long flags;
	struct timer_base *base;

	if (!IS_ENABLED(CONFIG_NO_HZ_IDLE))
		return;
	flags = local_irq_save();
	base = this_base();
	spin_lock(&base->lock);
	if (base->tick_running) {
		base->tick_running = false;
		base->tick_stopped = true;
		program_next(base);
	}
	spin_unlock_irqrestore(&base->lock, flags);
}

/* Interrupts are off. */
static void tick_restart(void)
{
	struct timer_base *base = this_base();

	if (!READ_ONCE(base->tick_stopped))
		return;
	spin_lock(&base->lock);
	base->tick_stopped = false;
	base->tick_running = true;
	tick_advance(base, ktime_ns());
	program_next(base);
	spin_unlock(&base->lock);
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
