/* SPDX-License-Identifier: MIT */
/* Boot-relative time from the architecture's counter (kernel/time.c). */
#ifndef TERN_TIME_H
#define TERN_TIME_H

#include <tern/types.h>

/* Reads /cpus/timebase-frequency; until then time reads as zero. */
int time_init(void);

u64 time_since_boot_us(void);
u32 timebase_frequency(void);

#endif
