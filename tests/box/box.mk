# SPDX-License-Identifier: MIT
# Host tests for usr/box/'s pure logic (included by tests/Makefile):
# MD5 against RFC 1321, and hexdump -C lines, printf(1) formatting, tr
# sets and sort comparisons.  usr/box/ is ordinary C against the C
# library, so it is built as test code (no tern_* renames).
TESTS += box/test_md5 box/test_format
box/test_md5-objs := box/test_md5.o box/src/md5.o
box/test_format-objs := box/test_format.o box/src/hexdump.o box/src/echo.o box/src/tr.o \
			box/src/sort.o box/src/util.o

$(B)/box/src/%.o: $(srctree)/usr/box/%.c $(srctree)/tests/box/box.mk
	$(call cmd,cc_test)

-include $(wildcard $(B)/box/*.d $(B)/box/src/*.d)
