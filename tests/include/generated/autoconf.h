/* SPDX-License-Identifier: MIT */
/*
 * Host tests: an empty stand-in for the build's generated autoconf.h, so
 * that <tern/kconfig.h> (IS_ENABLED) can be forced into mm/ sources.  Each
 * test gives the CONFIG_ values it needs with -D in tests/Makefile.
 */
