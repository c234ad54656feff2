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

t() {	# t <name> <command...>: one test; output goes to $work/<n>.log,
	# its start and end (seconds of the run) to $work/timing
	local name=$1 log=$work/$((passed + failed + 1)).log t0=$SECONDS; shift
	if (set -e; "$@") >"$log" 2>&1; then passed=$((passed + 1)); echo "  PASS    $name"
	else failed=$((failed + 1)); echo "  FAIL    $name (log: $log)"; fi
	printf '%5d %5d %s\n' "$t0" "$SECONDS" "$name" >>"$work/timing"
}
compiled() { grep -cE '^  (CC|AS) ' "$1" || true; }	# objects compiled, from a log
# Each assertion of a test stands on its own line: under set -e, a failure
# inside an "a && b" list, or of a "! cmd", does not stop the test (a
# trailing one still decides its status).  fails <command...> asserts
# that a command fails.
fails() { if "$@"; then echo "unexpected success: $*"; return 1; fi; }

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
	# (one object: a whole build of this configuration is $o's)
	make O="$work/nocfg" kernel/main.o 2>&1 | tee "$work/nocfg.out"
	grep -q 'using configs/qemu_virt_defconfig' "$work/nocfg.out"
	cmp <(grep '^CONFIG_' "$work/nocfg/.config") <(grep '^CONFIG_' "$o/.config")
	test -f "$work/nocfg/kernel/main.o"
}
t "make with no .config uses qemu_virt_defconfig" no_config_uses_default_board

mixed_goals_silently() {
	# make -s: nothing but warnings, from configuring to the firmware link.
	local d=$work/mixed
	make -s O="$d" -j"$jobs" qemu_virt32_defconfig all > "$d.out" 2>&1
	make -s O="$d" compile_commands.json savedefconfig >> "$d.out" 2>&1
	grep -q '^CONFIG_32BIT=y' "$d/.config"
	test -f "$d/arch/riscv/boot/Image"
	test -f "$d/arch/riscv/firmware/tern-fw.bin"
	cat "$d.out"
	test ! -s "$d.out"
}
t "config and build goals mix on one command line; make -s prints nothing" mixed_goals_silently

image_header() {
	local img=$o/arch/riscv/boot/Image
	test "$(dd if="$img" bs=1 skip=48 count=5 2>/dev/null)" = RISCV
	test "$(dd if="$img" bs=1 skip=56 count=3 2>/dev/null)" = RSC
	test -s "$o/System.map"
	test -s "$o/vmlinux"
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
	# (make test builds and boots allnoconfig and allyesconfig itself)
	for t in allnoconfig allyesconfig alldefconfig; do
		make O="$work/$t" $t
	done
	make O="$work/alldefconfig" -j"$jobs" >/dev/null
	make O="$work/alldefconfig" olddefconfig
	make O="$work/alldefconfig" listnewconfig
	make O="$work/alldefconfig" oldconfig </dev/null
}
t "allno/allyes/alldefconfig configure, alldefconfig builds; olddefconfig, oldconfig, listnewconfig run" config_targets_run

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
	# gdb stops at start_kernel, then lets the kernel run to power-off
	# (one ktest suite: the console is a file, so a shell would wait
	# forever).  On an SMP board gdb says "Thread N hit Breakpoint 1".
	printf 'continue\nbt\ncontinue\n' | timeout 120 make O="$o" debug \
		BOOTARGS=ktest=memblock GDB_PORT=$((20000 + $$ % 10000)) | tee "$work/debug.out"
	grep -qE '(^|hit )Breakpoint 1, start_kernel' "$work/debug.out"
	grep -q 'powering off' "$o/debug-console.log"
}
t "make debug halts QEMU and attaches gdb with symbols" debug_attaches_gdb

in_tree_config_does_not_leak() {
	# An in-tree rv32 configuration must not reach an O= rv64 build.
	make qemu_virt32_defconfig
	make prepare
	make O="$work/shadow" qemu_virt_defconfig
	make O="$work/shadow" kernel/main.o
	make distclean
	riscv64-unknown-elf-readelf -h "$work/shadow/kernel/main.o" | grep -q 'Class: *ELF64'
	grep -q 'define CONFIG_64BIT 1' "$work/shadow/include/generated/autoconf.h"
}
t "an in-tree configuration does not leak into an O= build" in_tree_config_does_not_leak

single_targets() {
	# In a fresh folder: configure and prepare, then build only what was
	# asked: an object, its assembly, its preprocessed source, a directory.
	local d=$work/single
	make O="$d" kernel/main.o kernel/main.s kernel/main.i kernel/sched/
	riscv64-unknown-elf-readelf -h "$d/kernel/main.o" | grep -q 'Type: *REL'
	grep -qE '^start_kernel:' "$d/kernel/main.s"
	grep -q 'start_kernel' "$d/kernel/main.i"
	fails grep -q '^#include' "$d/kernel/main.i"
	test -f "$d/kernel/sched/built-in.a"
	test ! -e "$d/vmlinux"
	test ! -e "$d/lib"
	test ! -e "$d/kernel/built-in.a"
	make O="$d" kernel/main.o > "$d.again"		# up to date: nothing
	test "$(compiled "$d.again")" = 0
	rm "$d/kernel/main.o"
	make O="$d" kernel/main.o > "$d.rebuilt"
	grep -q '^  CC      kernel/main.o' "$d.rebuilt"
	fails make O="$d" tests/test_string.o > "$d.bad" 2>&1
	grep -q 'not a kernel source directory' "$d.bad"
}
t "single targets: dir/file.o, .s, .i and dir/ in a fresh O= folder" single_targets

fragment_by_path() {
	local d=$work/fpath
	printf 'CONFIG_HZ=250\n' > "$work/hz.config"
	printf '# CONFIG_PRINTK_TIME is not set\n' > mine.config	# in the source tree
	make O="$d" qemu_virt_defconfig "$work/hz.config" ./mine.config debug.config
	rm mine.config
	grep -qx 'CONFIG_HZ=250' "$d/.config"
	grep -qx '# CONFIG_PRINTK_TIME is not set' "$d/.config"
	grep -qx 'CONFIG_CONSOLE_LOGLEVEL_DEFAULT=8' "$d/.config"
	printf 'CONFIG_HZ=1000\n' > "$work/hz.config"
	make O="$d" "$work/hz.config"				# into the .config
	grep -qx 'CONFIG_HZ=1000' "$d/.config"
	fails make O="$d" nosuch.config > "$d.out" 2>&1
	grep -q 'no such fragment' "$d.out"
}
t "a fragment given by path merges, after a defconfig or into .config" fragment_by_path

kconfig_allconfig() {
	local d=$work/allconfig
	printf 'CONFIG_KTEST=y\nCONFIG_HZ=250\n' > "$work/force.config"
	KCONFIG_ALLCONFIG=$work/force.config make O="$d" allnoconfig
	grep -qx 'CONFIG_KTEST=y' "$d/.config"
	grep -qx 'CONFIG_HZ=250' "$d/.config"
	fails grep -q '^CONFIG_PRINTK_TIME=y' "$d/.config"	# the rest still off
	make O="$d" randconfig KCONFIG_SEED=7 KCONFIG_ALLCONFIG="$work/force.config"
	grep -qx 'CONFIG_KTEST=y' "$d/.config"
	grep -qx 'CONFIG_HZ=250' "$d/.config"
	printf '# CONFIG_KTEST is not set\n' > "$d/allyes.config"	# "1": all<mode>.config
	make O="$d" allyesconfig KCONFIG_ALLCONFIG=1
	grep -qx '# CONFIG_KTEST is not set' "$d/.config"
	grep -q '^CONFIG_PRINTK_TIME=y' "$d/.config"
	fails make O="$d" alldefconfig KCONFIG_ALLCONFIG="$work/no-such.config"
}
t "KCONFIG_ALLCONFIG forces values in allno/allyes/randconfig" kconfig_allconfig

scripts_config() {
	local c=$work/sc/.config
	make O="$work/sc" qemu_virt_defconfig
	scripts/config --file "$c" -d PRINTK_TIME --set-val CONFIG_HZ 250 \
		--set-str localversion '-a"b\c' -e KTEST -u CONFIG_CONSOLE_LOGLEVEL_DEFAULT
	test "$(scripts/config --file "$c" -s PRINTK_TIME -s HZ -s LOCALVERSION -s ktest \
		-s CONSOLE_LOGLEVEL_DEFAULT -s NO_SUCH_SYMBOL | tr '\n' ' ')" = 'n 250 -a"b\c y undef undef '
	grep -qx 'CONFIG_LOCALVERSION="-a\\"b\\\\c"' "$c"
	fails scripts/config --file "$c" --module KTEST 2> "$work/sc.out"
	grep -q 'no loadable modules' "$work/sc.out"
	fails scripts/config --file "$c" --enable 'not-a-name'
	(cd "$work/sc" && "$src/scripts/config" -k --set-val HZ 100 --state HZ) > "$work/sc.state"
	grep -qx 100 "$work/sc.state"
	make O="$work/sc" olddefconfig				# Kconfig takes the edits
	grep -qx '# CONFIG_PRINTK_TIME is not set' "$c"
	grep -qx 'CONFIG_HZ=100' "$c"
	grep -q '^CONFIG_CONSOLE_LOGLEVEL_DEFAULT=' "$c"	# back at its default
}
t "scripts/config: enable, disable, set-val, set-str, state, undefine; no modules" scripts_config

range_is_stated() {
	printf 'CONFIG_NR_CPUS=999\n' > "$work/cpus.config"
	make O="$work/range" qemu_virt_defconfig "$work/cpus.config" > "$work/range.out" 2>&1
	cat "$work/range.out"
	grep -qE 'CONFIG_NR_CPUS asked 999, got [0-9]+: outside its allowed range [0-9]+\.\.[0-9]+$' \
		"$work/range.out"
}
t "an int outside its range names the range" range_is_stated


extra_warnings() {
	local d=$work/w
	make O="$d" V=1 kernel/main.o > "$d.0"
	fails grep -q -- '-Wmissing-declarations' "$d.0"
	make O="$d" V=1 W=1 kernel/main.o > "$d.1"
	grep -q -- '-Wmissing-declarations .*-Wno-error=missing-declarations' "$d.1"
	fails grep -q -- '-Wshadow' "$d.1"
	make O="$d" V=1 W=12 kernel/main.o > "$d.12"
	grep -q -- '-Wmissing-declarations .*-Wshadow .*-Wno-error=shadow' "$d.12"
	make O="$d" V=1 W=1e kernel/main.o > "$d.1e"
	grep -q -- '-Wmissing-declarations' "$d.1e"
	fails grep -q -- '-Wno-error=' "$d.1e"
	fails make O="$d" W=4 kernel/main.o
}
t "W=1, W=12, W=1e add extra warnings; W=4 is refused" extra_warnings

arch_checked() {
	fails make O="$work/arch" ARCH=arm64 qemu_virt_defconfig > "$work/arch.out" 2>&1
	grep -q 'ARCH=arm64.*only ARCH=riscv' "$work/arch.out"
	test ! -e "$work/arch/.config"
	make O="$work/arch" ARCH=riscv qemu_virt_defconfig
}
t "ARCH=arm64 is refused, ARCH=riscv accepted" arch_checked

kernelversion() {
	local v
	v=$(sed -n 's/^\(VERSION\|PATCHLEVEL\|SUBLEVEL\) = //p' Makefile | paste -sd.)
	test "$(make kernelversion)" = "$v"
}
t "make kernelversion prints VERSION.PATCHLEVEL.SUBLEVEL" kernelversion

tags_and_cscope() {
	# scripts/install-deps.sh installs ctags and cscope when it may; else
	# make must fail naming the Debian package.
	if make O="$work/tags" tags cscope > "$work/tags.out" 2>&1; then
		grep -q '^start_kernel	' "$work/tags/tags"
		test -s "$work/tags/cscope.out"
		grep -qx "$src/kernel/main.c" "$work/tags/cscope.files"
	else
		cat "$work/tags.out"
		grep -qE 'universal-ctags|cscope' "$work/tags.out"
	fi
}
t "make tags and make cscope index the sources" tags_and_cscope

in_tree_leaves_git_clean() {
	# Every file an in-tree build writes is ignored, and mrproper removes
	# them all.  In a clone, so this tree is never touched.  qemu_virt32
	# builds every kind of file there is: kernel, firmware, user programs.
	local c=$work/intree
	git clone -q "$src" "$c"
	cd "$c"
	make qemu_virt32_defconfig
	make -j"$jobs"
	make kernel/main.s kernel/main.i compile_commands.json savedefconfig
	git status --porcelain > "$work/intree.status"
	cat "$work/intree.status"
	test ! -s "$work/intree.status"
	touch kernel/main.c		# a single target rebuilds in-tree too
	make kernel/main.o > "$work/intree.one"
	grep -q '^  CC      kernel/main.o' "$work/intree.one"
	make mrproper
	git status --porcelain --ignored > "$work/intree.status"
	cat "$work/intree.status"
	test ! -s "$work/intree.status"
}
t "an in-tree build leaves git status clean; mrproper removes it all" in_tree_leaves_git_clean

docs_agree() {
	make checkdocs
}
t "the documents' tables agree with the tree (make checkdocs)" docs_agree

kconfig_toggles() {
	# make sizes sweeps these: a flip per visible bool, a member per choice
	# naming the member it replaces; never a symbol without a prompt.
	objtree=$o ${PYTHON:-/usr/bin/python3} scripts/kconfig/tkconfig.py toggles >"$work/toggles"
	grep -qx 'SMP n' "$work/toggles"
	grep -qx 'PGALLOC_BUMP y PGALLOC_BUDDY' "$work/toggles"
	grep -qx 'SCHED_RR y SCHED_FAIR' "$work/toggles"
	fails grep -q '^SCHED_FAIR ' "$work/toggles"
	fails grep -q '^64BIT ' "$work/toggles"
}
t "tkconfig toggles lists the one-symbol changes make sizes builds" kconfig_toggles

clean_targets() {
	make O="$o" clean
	test -z "$(find "$o" -name '*.o')"
	test -f "$o/.config"
	make O="$o" mrproper
	test ! -f "$o/.config"
	test ! -d "$o/include/generated"
	touch "$o/kernel/main.c.orig"
	make O="$o" distclean
	test ! -e "$o/kernel/main.c.orig"
}
rootfs_overlay() {
	# The overlay's files reach the initramfs; editing one relinks, an
	# unchanged overlay does not; a missing folder stops the build by name.
	mkdir -p "$work/overlay/etc"
	echo one > "$work/overlay/etc/motd"
	make O="$o" -j"$jobs" ROOTFS_OVERLAY="$work/overlay" > "$work/ov1.log" 2>&1
	test "$(cpio -i --to-stdout '*etc/motd' < "$o/usr/initramfs.cpio" 2>/dev/null)" = one
	echo two > "$work/overlay/etc/motd"
	make O="$o" -j"$jobs" ROOTFS_OVERLAY="$work/overlay" > "$work/ov2.log" 2>&1
	grep -q '^  LD      vmlinux' "$work/ov2.log"
	test "$(cpio -i --to-stdout '*etc/motd' < "$o/usr/initramfs.cpio" 2>/dev/null)" = two
	make O="$o" -j"$jobs" ROOTFS_OVERLAY="$work/overlay" > "$work/ov3.log" 2>&1
	test -z "$(grep 'LD      vmlinux' "$work/ov3.log")"
	fails make O="$o" ROOTFS_OVERLAY="$work/no-such" > "$work/ov4.log" 2>&1
	grep -q "ROOTFS_OVERLAY: no such directory: $work/no-such" "$work/ov4.log"
	make O="$o" -j"$jobs" > "$work/ov5.log" 2>&1
	test -z "$(cpio -it < "$o/usr/initramfs.cpio" 2>/dev/null | grep motd)"
}
t "ROOTFS_OVERLAY reaches the initramfs; an edit relinks; a missing folder is named" rootfs_overlay

# Last before the clean targets: it leaves $o built with other flags.
cmdline_change_rebuilds() {
	make O="$o" -j"$jobs" KCFLAGS=-DTERN_KBUILD_TEST >"$work/kcflags.log" 2>&1
	test "$(compiled "$work/kcflags.log")" -eq "$ncc"
	grep -q -- '-DTERN_KBUILD_TEST' "$o/kernel/.main.o.cmd"
	grep -q -- '-DTERN_KBUILD_TEST' "$o/usr/sh/.main.o.cmd"
}
t "a changed compiler command line (KCFLAGS) rebuilds every C file, the user programs' too" \
	cmdline_change_rebuilds

t "clean keeps .config; mrproper removes it; distclean also backups" clean_targets

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
