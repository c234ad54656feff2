#!/bin/sh
# SPDX-License-Identifier: MIT
# 'make help': every target, every board defconfig and every fragment.
cd "${srctree:-.}" || exit 1
cat <<'TXT'
Configuration targets:
  menuconfig        - Edit the configuration in a text menu
  oldconfig         - Update .config, asking about new options
  olddefconfig      - Update .config, new options at their defaults; explain
                      any value of .config that Kconfig did not keep
  defconfig         - Configure for the default board (qemu_virt)
  <board>_defconfig - Configure for a board (list below)
  <name>.config     - Merge a fragment: after a defconfig on the same line
                      ("make qemu_virt_defconfig debug.config") or into .config;
                      a name from the list below, or a path (~/my.config)
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
  Image             - arch/riscv/boot/Image (vmlinux as a raw binary)
  <dir>/            - One directory and its subdirectories, e.g. kernel/
  <dir>/<file>.o    - One object, e.g. kernel/main.o; also .s (the compiler's
                      assembly), .i (preprocessed source), .lds
  compile_commands.json - For clangd and other tools
  tags              - Editor tag file (ctags), in the build folder
  cscope            - cscope index (cscope.out), in the build folder
  kernelversion     - Print the kernel version
  clean             - Remove build outputs, keep .config
  mrproper          - clean, and remove the configuration and generated files
  distclean         - mrproper, and remove editor backups and patch leftovers

Running and testing:
  run               - Build and boot in QEMU (BOOTARGS="..." sets the command line)
  debug             - Boot QEMU halted with a gdb stub and attach gdb-multiarch
  check             - Build, boot with ktest, report (KTEST=suite,... for some)
  hosttests         - Host unit tests under ASan/UBSan (tests/)
  test              - Everything: host tests, every defconfig booted with
                      ktest, crash tests, seeded randconfigs, checkdefconfigs
  bench             - The xv6 comparison: /bin/bench at the first shell prompt
                      of each paging mode and scheduler, -icount shift=0
  bench-kernel      - Every allocator combination, scheduler and paging mode
                      booted with the kernel's "bench": instructions per operation
  sizes             - Each board's text/data/bss and Image size, and what each
                      option costs when toggled on the default board
  checkdocs         - Fail if the documents' tables of boards, fragments,
                      targets and tests disagree with the tree

Variables:
  O=dir             - Build in dir; the source tree stays untouched
  V=1               - Show full commands (make -s: show nothing but warnings)
  W=1|2|3           - Extra compiler warnings, reported but not errors
                      (combine as W=12; W=1e makes them errors)
  ARCH=riscv        - The only architecture (any other ARCH is refused)
  CROSS_COMPILE=... - Toolchain prefix (default riscv64-unknown-elf-)
  KCFLAGS=...       - Extra C compiler flags
  ROOTFS_OVERLAY=dir - Folder copied over the initramfs tree (wins over CONFIG_ROOTFS_OVERLAY)
  BOOTARGS=...      - Kernel command line for run/debug
  KTEST=a,b         - ktest suites for check
  QEMU_ARGS=...     - Extra QEMU arguments for run/debug
  ICOUNT=1          - Run QEMU with -icount shift=0 (guest time follows instructions)
  ICOUNT=exact      - ... and sleep=off: instruction counts repeat exactly
  GDB_PORT=N        - gdb stub port for debug (default 1234)
  KCONFIG_SEED=N    - Seed for randconfig
  KCONFIG_ALLCONFIG=file - Values forced in allno/allyes/alldef/randconfig
  KCONFIG_WERROR=1  - A configuration request Kconfig does not grant is an error

Editing .config from a script: scripts/config, as in Linux
  (scripts/config --file <O>/.config --enable FOO --set-val BAR 4; run it
  without arguments for its options)

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
