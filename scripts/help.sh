#!/bin/sh
# SPDX-License-Identifier: MIT
# 'make help': every target, every board defconfig and every fragment.
cd "${srctree:-.}" || exit 1
cat <<'TXT'
Configuration targets:
  menuconfig        - Edit the configuration in a text menu
  oldconfig         - Update .config, asking about new options
  olddefconfig      - Update .config, new options at their defaults
  defconfig         - Configure for the default board (qemu_virt)
  <board>_defconfig - Configure for a board (list below)
  <name>.config     - Merge a fragment: after a defconfig on the same line
                      ("make qemu_virt_defconfig debug.config") or into .config
  savedefconfig     - Write the minimal config to ./defconfig (in O=)
  allnoconfig       - Every option off (choices at defaults)
  allyesconfig      - Every option on (choices at defaults)
  alldefconfig      - Every option at its default
  randconfig        - Random valid configuration; KCONFIG_SEED=N replays one
  listnewconfig     - List options that .config does not set yet
  checkdefconfigs   - Fail if a configs/*_defconfig is not savedefconfig's output
  checkkconfig      - Fail if a Kconfig symbol or choice has no help text

Build targets:
  all (default)     - vmlinux, arch/riscv/boot/Image (and the built-in firmware)
  vmlinux           - The kernel ELF, with System.map
  compile_commands.json - For clangd and other tools
  clean             - Remove build outputs, keep .config
  distclean         - Remove build outputs and the configuration

Running and testing:
  run               - Build and boot in QEMU (BOOTARGS="..." sets the command line)
  debug             - Boot QEMU halted with a gdb stub and attach gdb-multiarch
  check             - Build, boot with ktest, report (KTEST=suite,... for some)
  hosttests         - Host unit tests under ASan/UBSan (tests/)
  test              - Everything: host tests, every defconfig booted with
                      ktest, crash tests, seeded randconfigs, checkdefconfigs
  bench             - Every allocator combination booted with "bench" under
                      -icount shift=0: instructions per operation

Variables:
  O=dir             - Build in dir; the source tree stays untouched
  V=1               - Show full commands
  CROSS_COMPILE=... - Toolchain prefix (default riscv64-unknown-elf-)
  BOOTARGS=...      - Kernel command line for run/debug
  QEMU_ARGS=...     - Extra QEMU arguments for run/debug
  ICOUNT=1          - Run QEMU with -icount shift=0 (repeatable instruction counts)
  KCONFIG_SEED=N    - Seed for randconfig

Boards (configs/):
TXT
for f in configs/*_defconfig; do
	name=$(basename "$f")
	# Defconfigs are machine-written (savedefconfig), so their one-line
	# descriptions live beside them in configs/defconfigs.txt.
	desc=$(sed -n "s/^$name: //p" configs/defconfigs.txt 2>/dev/null | head -n 1)
	printf '  %-24s - %s\n' "$name" "${desc:-(not described in configs/defconfigs.txt)}"
done
echo
echo "Fragments (configs/fragments/, merge after a defconfig):"
for f in configs/fragments/*.config; do
	[ -e "$f" ] || continue
	desc=$(sed -n '1s/^# Help: //p' "$f")
	printf '  %-24s - %s\n' "$(basename "$f")" "${desc:-(no # Help: line)}"
done
