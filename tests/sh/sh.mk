# SPDX-License-Identifier: MIT
# Host tests for usr/sh/'s pure parts (included by tests/Makefile): the
# lexer, parser, word expansion, arithmetic and pathname expansion.  The
# shell is ordinary C against the C library, so it is built as test code
# (no tern_* renames).
TESTS += sh/test_sh
sh/test_sh-objs := sh/test_sh.o sh/src/lex.o sh/src/parse.o sh/src/expand.o sh/src/glob.o \
		   sh/src/arith.o

$(B)/sh/src/%.o: $(srctree)/usr/sh/%.c $(srctree)/tests/sh/sh.mk
	$(call cmd,cc_test)

-include $(wildcard $(B)/sh/*.d $(B)/sh/src/*.d)
