// SPDX-License-Identifier: MIT
/*
 * Power off and restart: first a driver that can do it (registered from
 * the device tree), then the firmware, then stop the hart.
 *
 * The handlers are set by probes and crashtests on the boot CPU, and read
 * by whichever CPU powers off; a stale read can only pick the handler
 * before, which works as well.
 */
#include <tern/arch.h>
#include <tern/printk.h>
#include <tern/reboot.h>

static void (*power_off_handler)(int status);
static const char *power_off_name;
static int power_off_rank;

static void (*restart_handler)(void);
static const char *restart_name;

void register_power_off_handler(void (*fn)(int status), const char *name, int rank)
{
	if (fn && rank < power_off_rank)
		return;		/* the one we have reports more */
	power_off_handler = fn;
	power_off_name = fn ? name : NULL;
	power_off_rank = fn ? rank : 0;
}

const char *power_off_handler_name(void)
{
	return power_off_name;
}

/* Set from initcalls on the boot CPU; read by kernel_power_off. */
static struct power_off_prepare *prepare_first, **prepare_last = &prepare_first;

void register_power_off_prepare(struct power_off_prepare *p)
{
	p->next = NULL;
	*prepare_last = p;
	prepare_last = &p->next;
}

void kernel_power_off(int status)
{
	struct power_off_prepare *p;

	for (p = prepare_first; p; p = p->next)
		p->fn(status);
	machine_power_off(status);
}

void machine_power_off(int status)
{
	if (status)
		console_printf("Powering off with status %d\n", status);
	if (power_off_handler)
		power_off_handler(status);
	arch_power_off(status);
	console_printf("power off failed: no driver or firmware call worked; halting\n");
	arch_cpu_relax_forever();
}

void register_restart_handler(void (*fn)(void), const char *name)
{
	restart_handler = fn;
	restart_name = name;
}

const char *restart_handler_name(void)
{
	return restart_name;
}

void machine_restart(void)
{
	console_printf("Restarting the machine through %s\n",
		       restart_handler ? restart_name : "the firmware");
	if (restart_handler)
		restart_handler();
	arch_restart();
	console_printf("restart failed: halting\n");
	arch_cpu_relax_forever();
}
