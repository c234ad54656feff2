#!/bin/bash
# SPDX-License-Identifier: MIT
# Build-system behaviour tests: test-kbuild.sh <work folder>
# Tests that must edit sources run on a private copy of the tree.
set -u
# Every make below is a fresh top-level one: the caller's O=, V= and other
# command-line variables travel in MAKEFLAGS and must not leak into them.
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL O objtree KCONFIG_CONFIG \
	KBUILD_VERBOSE quiet Q
work=${1:?usage: test-kbuild.sh <work folder>}
srctree=$(cd "${srctree:-.}" && pwd)
jobs=${JOBS:-$(nproc)}
rm -rf "$work"; mkdir -p "$work"
passed=0 failed=0

t() {	# t <name> <command...>: one test; output goes to $work/<n>.log
	local name=$1 log=$work/$((passed + failed + 1)).log; shift
	if (set -e; "$@") >"$log" 2>&1; then passed=$((passed + 1)); echo "  PASS    $name"
	else failed=$((failed + 1)); echo "  FAIL    $name (log: $log)"; fi
}
compiled() { grep -cE '^  (CC|AS) ' "$1" || true; }	# objects compiled, from a log

# A private, writable copy of the tracked tree.
src=$work/src
mkdir -p "$src"
(cd "$srctree" && git ls-files -z 2>/dev/null | xargs -0 cp --parents -t "$src" 2>/dev/null) ||
	(cd "$srctree" && tar --exclude=./build --exclude=.git -cf - . | tar -xf - -C "$src")
cd "$src" || exit 1
git init -q . && git add -A && git -c user.name=t -c user.email=t@t commit -qm base

o=$work/o
make O="$o" qemu_virt_defconfig >/dev/null && make O="$o" -j"$jobs" >"$work/full.log" 2>&1 ||
	{ echo "  FAIL    initial build (log: $work/full.log)"; echo "0 passed, 1 failed"; exit 1; }
nobjs=$(find "$o" -name '*.o' | wc -l)
ncc=$(grep -c '^  CC ' "$work/full.log")	# C objects (KCFLAGS reach only these)

out_of_tree_leaves_source_untouched() {
	test -z "$(git status --porcelain)"
}
t "O= build leaves the source tree untouched" out_of_tree_leaves_source_untouched

noop() { make O="$o" -j"$jobs" >"$work/noop.log" 2>&1; test "$(compiled "$work/noop.log")" = 0; }
t "no-op make compiles nothing" noop

toggle_one_option() {
	# As menuconfig would: edit .config and save; the next make must use
	# it, rebuild only the objects mentioning the symbol, and keep .config.
	sed -i 's/^CONFIG_PRINTK_TIME=y/# CONFIG_PRINTK_TIME is not set/' "$o/.config"
	make O="$o" -j"$jobs" >"$work/toggle.log" 2>&1
	grep -E '^  (CC|AS) ' "$work/toggle.log"
	test "$(compiled "$work/toggle.log")" = 1
	grep -q '^  CC      kernel/printk.o' "$work/toggle.log"
	grep -q '^# CONFIG_PRINTK_TIME is not set' "$o/.config"
	! grep -q 'CONFIG_PRINTK_TIME' "$o/include/generated/autoconf.h"
}
t "toggling PRINTK_TIME rebuilds only kernel/printk.o and keeps the edit" toggle_one_option

int_option_rebuilds_users() {
	sed -i 's/^CONFIG_MEMBLOCK_MAX_REGIONS=.*/CONFIG_MEMBLOCK_MAX_REGIONS=16/' "$o/.config"
	make O="$o" -j"$jobs" >"$work/int.log" 2>&1
	grep -E '^  (CC|AS) ' "$work/int.log"
	grep -q 'mm/memblock.o' "$work/int.log"
	test "$(compiled "$work/int.log")" -lt $((nobjs / 2))
}
t "changing MEMBLOCK_MAX_REGIONS rebuilds its users only" int_option_rebuilds_users

cmdline_change_rebuilds() {
	make O="$o" -j"$jobs" KCFLAGS=-DTERN_KBUILD_TEST >"$work/kcflags.log" 2>&1
	test "$(compiled "$work/kcflags.log")" -eq "$ncc"
	make O="$o" -j"$jobs" >"$work/kcflags2.log" 2>&1
	test "$(compiled "$work/kcflags2.log")" -eq "$ncc"
}
t "a changed compiler command line rebuilds" cmdline_change_rebuilds

header_edit_rebuilds_includers() {
	echo '/* edited */' >> include/tern/kallsyms.h
	make O="$o" -j"$jobs" >"$work/header.log" 2>&1
	git checkout -q include/tern/kallsyms.h
	grep -q 'kernel/kallsyms.o' "$work/header.log"
	! grep -q 'lib/string.o' "$work/header.log"
}
t "editing a header rebuilds only its includers" header_edit_rebuilds_includers

kconfig_edit_reconfigures() {
	printf '\nconfig KBUILD_TEST_NEW\n\tbool "test"\n\tdefault y\n\thelp\n\t  Test.\n' >> lib/Kconfig
	make O="$o" -j"$jobs" >"$work/kconfig.log" 2>&1
	git checkout -q lib/Kconfig
	grep -q 'updated for the changed Kconfig' "$work/kconfig.log"
	grep -q '^CONFIG_KBUILD_TEST_NEW=y' "$o/.config"
	test -f "$o/.config.old"
	grep -q '^# CONFIG_PRINTK_TIME is not set' "$o/.config"	# earlier edit kept
	make O="$o" -j"$jobs" >/dev/null 2>&1			# and back
	! grep -q 'KBUILD_TEST_NEW' "$o/.config"
}
t "editing a Kconfig file re-runs the configuration, keeping edits" kconfig_edit_reconfigures

verbose_shows_commands() {
	touch kernel/time.c
	make O="$o" V=1 >"$work/v1.log" 2>&1
	grep -q 'riscv64-unknown-elf-gcc .*-c -o .*kernel/time.o kernel/time.c' "$work/v1.log"
}
t "V=1 prints full commands" verbose_shows_commands

fragment_merge() {
	make O="$work/frag" qemu_virt_defconfig debug.config
	grep -q '^CONFIG_CONSOLE_LOGLEVEL_DEFAULT=8' "$work/frag/.config"
}
t "make <board>_defconfig <fragment>.config merges the fragment" fragment_merge

unmet_request_is_explained() {
	printf '# Help: test\nCONFIG_FIRMWARE_OPENSBI=y\n' > configs/fragments/kbuildtest.config
	make O="$work/unmet" qemu_virt32_defconfig kbuildtest.config 2>&1 | tee "$work/unmet.out"
	rm configs/fragments/kbuildtest.config
	grep -q 'kbuildtest.config:2: CONFIG_FIRMWARE_OPENSBI asked y, got n: unmet dependency: 64BIT (64BIT=n)' "$work/unmet.out"
	! KCONFIG_WERROR=1 make O="$work/unmet" qemu_virt32_defconfig kbuildtest.config 2>/dev/null
}
t "an ungranted request names symbol, values and unmet dependency" unmet_request_is_explained

randconfig_replays() {
	make O="$work/r1" randconfig KCONFIG_SEED=12345
	make O="$work/r2" randconfig KCONFIG_SEED=12345
	cmp <(grep -v '^#' "$work/r1/.config") <(grep -v '^#' "$work/r2/.config")
	make O="$work/r3" randconfig KCONFIG_SEED=54321
	! cmp -s <(grep -v '^#' "$work/r1/.config") <(grep -v '^#' "$work/r3/.config")
}
t "randconfig with KCONFIG_SEED replays exactly" randconfig_replays

no_config_uses_default_board() {
	make O="$work/nocfg" -j"$jobs" 2>&1 | tee "$work/nocfg.out"
	grep -q 'using configs/qemu_virt_defconfig' "$work/nocfg.out"
	test -f "$work/nocfg/arch/riscv/boot/Image"
}
t "make with no .config uses qemu_virt_defconfig" no_config_uses_default_board

mixed_goals() {
	make O="$work/mixed" -j"$jobs" qemu_virt32_defconfig all
	grep -q '^CONFIG_32BIT=y' "$work/mixed/.config"
	test -f "$work/mixed/arch/riscv/boot/Image"
}
t "config and build goals mix on one command line" mixed_goals

image_header() {
	local img=$o/arch/riscv/boot/Image
	test "$(dd if="$img" bs=1 skip=48 count=5 2>/dev/null)" = RISCV
	test "$(dd if="$img" bs=1 skip=56 count=3 2>/dev/null)" = RSC
	test -s "$o/System.map" && test -s "$o/vmlinux"
}
t "Image has the Linux RISC-V header; vmlinux and System.map exist" image_header

help_lists_everything() {
	make help > "$work/help.out"
	for f in configs/*_defconfig; do
		grep -E "^  $(basename "$f") +- [A-Z]" "$work/help.out"
	done
	for f in configs/fragments/*.config; do
		grep -F "$(sed -n '1s/^# Help: //p' "$f")" "$work/help.out" | grep -F "  $(basename "$f") "
	done
}
t "make help lists every defconfig and fragment with a description" help_lists_everything

compile_commands() {
	make O="$o" compile_commands.json
	/usr/bin/python3 -c '
import json, sys
db = json.load(open(sys.argv[1]))
files = {e["file"] for e in db}
assert any(f.endswith("kernel/main.c") for f in files), "kernel/main.c missing"
assert all("riscv64-unknown-elf-gcc" in e["command"] for e in db)
' "$o/compile_commands.json"
}
t "compile_commands.json lists every compiled file" compile_commands

config_targets_run() {
	for t in allnoconfig allyesconfig alldefconfig; do
		make O="$work/$t" $t
		make O="$work/$t" -j"$jobs" >/dev/null
	done
	make O="$work/alldefconfig" olddefconfig
	make O="$work/alldefconfig" listnewconfig
	make O="$work/alldefconfig" oldconfig </dev/null
}
t "allno/allyes/alldefconfig build; olddefconfig, oldconfig, listnewconfig run" config_targets_run

run_and_check_targets() {
	# make run with a pipe on stdin (no terminal) and BOOTARGS; make check.
	echo 'typed input' | make O="$o" run BOOTARGS="loglevel=8 ktest=cmdline" | tee "$work/run.out"
	grep -q 'Command line: loglevel=8 ktest=cmdline' "$work/run.out"
	grep -q '# ktest: 1 suites, 1 passed, 0 failed' "$work/run.out"
	make O="$o" check KTEST=memblock | tee "$work/check.out"
	grep -q '^ktest: PASS (1 suites, 1 passed, 0 failed)' "$work/check.out"
}
t "make run (stdin a pipe, BOOTARGS) and make check" run_and_check_targets

debug_attaches_gdb() {
	# gdb stops at start_kernel, then lets the kernel run to power-off.
	printf 'continue\nbt\ncontinue\n' | timeout 120 make O="$o" debug \
		GDB_PORT=$((20000 + $$ % 10000)) | tee "$work/debug.out"
	grep -q 'Breakpoint 1, start_kernel' "$work/debug.out"
	grep -q 'powering off' "$o/debug-console.log"
}
t "make debug halts QEMU and attaches gdb with symbols" debug_attaches_gdb

in_tree_config_does_not_leak() {
	# An in-tree rv32 configuration must not reach an O= rv64 build.
	make qemu_virt32_defconfig && make prepare
	make O="$work/shadow" qemu_virt_defconfig && make O="$work/shadow" -j"$jobs"
	make distclean
	riscv64-unknown-elf-readelf -h "$work/shadow/vmlinux" | grep -q 'Class: *ELF64'
	grep -q 'define CONFIG_64BIT 1' "$work/shadow/include/generated/autoconf.h"
}
t "an in-tree configuration does not leak into an O= build" in_tree_config_does_not_leak

clean_targets() {
	make O="$o" clean
	test -z "$(find "$o" -name '*.o')" && test -f "$o/.config"
	make O="$o" distclean
	test ! -f "$o/.config"
}
t "clean keeps .config, distclean removes it" clean_targets

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
