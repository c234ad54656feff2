// SPDX-License-Identifier: MIT
/*
 * Host tests for drivers/tty/serial/console_arg.c: console= values and
 * /chosen/stdout-path values, good and bad.  Each value is copied to a
 * heap buffer of its exact size without a NUL, so AddressSanitizer
 * catches a read past its length.
 */
#include "harness.h"

#include <tern/console_arg.h>
#include <tern/errno.h>

static int parse(const char *text, struct console_arg *arg)
{
	size_t len = strlen(text);
	char *copy = malloc(len ? len : 1);
	int err;

	memcpy(copy, text, len);
	err = console_arg_parse(copy, len, arg);
	free(copy);
	return err;
}

static int split(const char *text, size_t *path_len, unsigned int *baud)
{
	size_t len = strlen(text);
	char *copy = malloc(len ? len : 1);
	uint32_t b;
	int err;

	memcpy(copy, text, len);
	err = stdout_path_split(copy, len, path_len, &b);
	free(copy);
	*baud = b;
	return err;
}

#define EXPECT_ARG(text, name_, index_, baud_) do {			\
	struct console_arg __a;						\
	if (EXPECT_EQ(parse(text, &__a), 0)) {				\
		EXPECT_STREQ(__a.name, name_);				\
		EXPECT_EQ(__a.index, (unsigned long long)(index_));	\
		EXPECT_EQ(__a.baud, baud_);				\
	}								\
} while (0)

#define EXPECT_BAD_ARG(text) do {					\
	struct console_arg __a;						\
	EXPECT_EQ(parse(text, &__a), (unsigned long long)-EINVAL);	\
	EXPECT_STREQ(__a.name, "");					\
	EXPECT_EQ(__a.baud, 0);						\
} while (0)

TEST(console_names_indexes_and_options)
{
	EXPECT_ARG("ttyS0", "ttyS", 0, 0);
	EXPECT_ARG("ttyS1,115200", "ttyS", 1, 115200);
	EXPECT_ARG("ttyS0,115200n8", "ttyS", 0, 115200);
	EXPECT_ARG("ttyS2,9600e7r", "ttyS", 2, 9600);
	EXPECT_ARG("ttyS255", "ttyS", 255, 0);
	EXPECT_ARG("hvc0", "hvc", 0, 0);
	EXPECT_ARG("sbi", "sbi", -1, 0);
	EXPECT_ARG("ttySIF0", "ttySIF", 0, 0);
	EXPECT_ARG("abcdefghijklmno1", "abcdefghijklmno", 1, 0);
}

TEST(console_refuses_what_it_cannot_read)
{
	EXPECT_BAD_ARG("");
	EXPECT_BAD_ARG("0");
	EXPECT_BAD_ARG(",115200");
	EXPECT_BAD_ARG("ttyS256");
	EXPECT_BAD_ARG("ttyS99999999999");
	EXPECT_BAD_ARG("ttyS0x");
	EXPECT_BAD_ARG("ttyS0,");
	EXPECT_BAD_ARG("ttyS0,fast");
	EXPECT_BAD_ARG("ttyS0,0");
	EXPECT_BAD_ARG("ttyS0,115200n9");
	EXPECT_BAD_ARG("ttyS0,115200n4");
	EXPECT_BAD_ARG("ttyS0,115200x");
	EXPECT_BAD_ARG("ttyS0,99999999999");
	EXPECT_BAD_ARG("abcdefghijklmnop0");
}

TEST(stdout_path_splits_at_the_first_colon)
{
	unsigned int baud;
	size_t plen;

	EXPECT_EQ(split("/soc/serial@10000000", &plen, &baud), 0);
	EXPECT_EQ(plen, strlen("/soc/serial@10000000"));
	EXPECT_EQ(baud, 0);
	EXPECT_EQ(split("serial0:115200n8", &plen, &baud), 0);
	EXPECT_EQ(plen, strlen("serial0"));
	EXPECT_EQ(baud, 115200);
	EXPECT_EQ(split("/soc/serial@10000000:9600", &plen, &baud), 0);
	EXPECT_EQ(baud, 9600);
	EXPECT_EQ(split("", &plen, &baud), (unsigned long long)-EINVAL);
	EXPECT_EQ(split(":115200", &plen, &baud), (unsigned long long)-EINVAL);
	EXPECT_EQ(split("serial0:fast", &plen, &baud), (unsigned long long)-EINVAL);
	EXPECT_EQ(baud, 0);
	EXPECT_EQ(split("serial0:", &plen, &baud), (unsigned long long)-EINVAL);
}

TEST_MAIN()
