// SPDX-License-Identifier: MIT
/* Random bytes from the registered hardware source (<tern/random.h>). */
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/mutex.h>
#include <tern/random.h>
#include <tern/string.h>

#define RANDOM_CHUNK	64

static struct mutex random_lock;	/* guards pool and serialises the source */
static struct hwrng *source;		/* set from probes, before the other CPUs */
static u64 pool = 0x6a09e667f3bcc908ULL;

static u64 splitmix64(u64 *state)
{
	u64 z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void hwrng_register(struct hwrng *rng)
{
	source = rng;
}

const struct hwrng *hwrng_current(void)
{
	return source;
}

/* Mixes the n source bytes of chunk into the pool and XORs its stream over them. */
static void mix(u8 *chunk, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		u64 stream;

		pool ^= (u64)chunk[i] << (8 * (i & 7));
		stream = splitmix64(&pool);
		chunk[i] ^= (u8)stream;
	}
}

int get_random_bytes(void *buf, size_t len)
{
	u8 chunk[RANDOM_CHUNK];
	int err = 0;

	mutex_lock(&random_lock);
	if (!source)
		err = -ENODEV;
	while (!err && len) {
		int n = source->read(source, chunk, len < RANDOM_CHUNK ? len : RANDOM_CHUNK);

		if (n <= 0) {
			err = n ? n : -EIO;
			break;
		}
		mix(chunk, n);
		memcpy(buf, chunk, n);
		buf = (u8 *)buf + n;
		len -= n;
	}
	mutex_unlock(&random_lock);
	return err;
}

static int random_init(void)
{
	mutex_init(&random_lock);
	return 0;
}
core_initcall(random_init);
