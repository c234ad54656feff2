// SPDX-License-Identifier: MIT
/*
 * Host tests for usr/box/md5.c: the test suite of RFC 1321's appendix
 * A.5, and the same digests whatever the split of the input into
 * md5_update calls (every split point of the longest vector, and
 * byte-at-a-time).
 */
#include "../harness.h"
#include "../../usr/box/md5.h"

static const struct {
	const char *in, *hex;
} rfc_vectors[] = {
	{ "", "d41d8cd98f00b204e9800998ecf8427e" },
	{ "a", "0cc175b9c0f1b6a831c399e269772661" },
	{ "abc", "900150983cd24fb0d6963f7d28e17f72" },
	{ "message digest", "f96b697d7cb7938d525a2f31aaf161d0" },
	{ "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b" },
	{ "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
	  "d174ab98d277d9f5a5611c2c9f419d9f" },
	{ "1234567890123456789012345678901234567890123456789012345678901234567890"
	  "1234567890", "57edf4a22be3c955ac49da2e2107b67a" },
};
#define NVECTORS (sizeof(rfc_vectors) / sizeof(rfc_vectors[0]))

static void digest_in_pieces(const char *in, size_t split, char hex[33])
{
	struct md5_ctx ctx;
	uint8_t d[16];
	size_t len = strlen(in);

	md5_init(&ctx);
	md5_update(&ctx, in, split);
	md5_update(&ctx, in + split, len - split);
	md5_final(&ctx, d);
	md5_hex(d, hex);
}

TEST(rfc1321_test_suite)
{
	char hex[33];

	for (size_t i = 0; i < NVECTORS; i++) {
		digest_in_pieces(rfc_vectors[i].in, 0, hex);
		EXPECT_STREQ(hex, rfc_vectors[i].hex);
	}
}

TEST(every_split_gives_the_same_digest)
{
	const char *in = rfc_vectors[NVECTORS - 1].in;
	char hex[33];

	for (size_t split = 0; split <= strlen(in); split++) {
		digest_in_pieces(in, split, hex);
		EXPECT_STREQ(hex, rfc_vectors[NVECTORS - 1].hex);
	}
}

TEST(byte_at_a_time)
{
	const char *in = rfc_vectors[5].in;
	struct md5_ctx ctx;
	uint8_t d[16];
	char hex[33];

	md5_init(&ctx);
	for (size_t i = 0; in[i]; i++)
		md5_update(&ctx, in + i, 1);
	md5_final(&ctx, d);
	md5_hex(d, hex);
	EXPECT_STREQ(hex, rfc_vectors[5].hex);
}

/*
 * Lengths around the padding boundaries: 55 bytes pad into one block, 56
 * need a second, 64 fill one exactly (digests of runs of 'a').
 */
TEST(padding_boundaries)
{
	static const struct {
		size_t len;
		const char *hex;
	} runs[] = {
		{ 55, "ef1772b6dff9a122358552954ad0df65" },
		{ 56, "3b0c8ac703f828b04c6c197006d17218" },
		{ 64, "014842d480b571495a4a0363793f7367" },
	};
	char buf[65], hex[33];

	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		memset(buf, 'a', runs[i].len);
		buf[runs[i].len] = '\0';
		for (size_t split = 0; split <= runs[i].len; split += 7) {
			digest_in_pieces(buf, split, hex);
			EXPECT_STREQ(hex, runs[i].hex);
		}
	}
}

TEST_MAIN()
