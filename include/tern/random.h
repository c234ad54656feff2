/* SPDX-License-Identifier: MIT */
/*
 * Random bytes for the kernel (drivers/char/random.c), from the hardware
 * entropy sources drivers register (virtio-rng).
 *
 * The bytes a source gives are mixed into a small pool and each output
 * byte is a source byte XORed with the pool's stream, so a source that
 * repeats itself still gives varying bytes.  The mixing is splitmix64,
 * not a cryptographic generator: the output is as good as the source.
 *
 * Contract: get_random_bytes is called in process context (it sleeps on
 * the source); it may be called with interrupts off, before the kernel
 * enables them (the source then polls).  Sources register from probes.
 */
#ifndef TERN_RANDOM_H
#define TERN_RANDOM_H

#include <tern/types.h>

struct hwrng {
	const char *name;
	/* Up to len bytes into buf (any kernel memory): how many (> 0), or -errno. */
	int (*read)(struct hwrng *rng, void *buf, size_t len);
	void *priv;
};

/* The source get_random_bytes uses from now on (the last registered). */
void hwrng_register(struct hwrng *rng);

/* The source in use, or NULL. */
const struct hwrng *hwrng_current(void);

/* Fills buf: 0, -ENODEV (no source), or the source's error. */
int get_random_bytes(void *buf, size_t len);

#endif
