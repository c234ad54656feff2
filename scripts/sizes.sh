#!/bin/bash
# SPDX-License-Identifier: MIT
# make sizes: how big each board's kernel is, and what each option costs.
#   sizes.sh <work folder>
# Prints two Markdown tables (kept in Documentation/sizes.md):
#  1. per defconfig (configs/defconfigs.txt): text, data, bss of vmlinux
#     (binutils' size, Berkeley format) and the size of the Image file;
#  2. on the first (default) board, every one-symbol change Kconfig allows
#     (scripts/kconfig/tkconfig.py toggles: a visible bool flipped, or another
#     member of a choice), the change's effect on each figure, like Linux's
#     bloat-o-meter.  Each toggle rebuilds incrementally in one build folder
#     (fixdep tracks which files read which symbol), so the sweep costs
#     about one build per changed file set, not one full build per option.
# The architecture choice is left out: rv32 is another machine, not an option.
set -u
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL O objtree KCONFIG_CONFIG \
	KBUILD_VERBOSE quiet Q
work=${1:?usage: sizes.sh <work folder>}
srctree=${srctree:-.}
jobs=${JOBS:-$(nproc)}
size=${CROSS_COMPILE:-riscv64-unknown-elf-}size
mkdir -p "$work"

die() { echo "sizes: $*" >&2; exit 1; }

# figures <objtree>: "text data bss image" of the last build there
figures() {
	set -- "$1" $("$size" -B "$1/vmlinux" | awk 'NR == 2 { print $1, $2, $3 }')
	echo "$2 $3 $4 $(stat -c %s "$1/arch/riscv/boot/Image")"
}

build() {	# build <objtree> <make goals...>; the log is <objtree>.log
	local o=$1; shift
	make -s -C "$srctree" O="$o" "$@" >"$o.log" 2>&1 &&
		make -s -C "$srctree" O="$o" -j"$jobs" all >>"$o.log" 2>&1
}

delta() {	# delta <new> <old>: a signed difference, blank when none
	local d=$(($1 - $2))
	if [ "$d" -gt 0 ]; then echo "+$d"; elif [ "$d" -lt 0 ]; then echo "$d"; fi
}

boards=$(sed -n 's/^\([a-z0-9_]*_defconfig\):.*/\1/p' "$srctree/configs/defconfigs.txt")
[ -n "$boards" ] || die "no boards in configs/defconfigs.txt"

echo "### Size of each board's kernel, bytes"
echo
echo "| board | text | data | bss | Image |"
echo "|---|---:|---:|---:|---:|"
for b in $boards; do
	o=$work/${b%_defconfig}
	rm -rf "$o"
	build "$o" "$b" || die "$b did not build (log: $o.log)"
	set -- $(figures "$o")
	echo "| ${b%_defconfig} | $1 | $2 | $3 | $4 |"
done
echo

default=$(echo "$boards" | head -n 1)
o=$work/toggle
rm -rf "$o"
build "$o" "$default" || die "$default did not build (log: $o.log)"
cp "$o/.config" "$work/base.config"
base=$(figures "$o")
toggles=$(cd "$srctree" && objtree=$o "${PYTHON:-/usr/bin/python3}" \
	scripts/kconfig/tkconfig.py toggles | grep -v '^ARCH_RV')
[ -n "$toggles" ] || die "no option of $default can be toggled"

echo "### What each option costs on ${default%_defconfig}, bytes (change from the default)"
echo
echo "| option | text | data | bss | Image | also set |"
echo "|---|---:|---:|---:|---:|---|"
echo "$toggles" | while read -r name value old; do
	cp "$work/base.config" "$o/.config"
	"$srctree/scripts/config" --file "$o/.config" --set-val "$name" "$value" \
		${old:+--disable "$old"}
	if ! build "$o" olddefconfig; then
		echo "| CONFIG_$name=$value | (does not build: $o.log) | | | | |"
		cp "$o.log" "$work/toggle-$name.log"
		continue
	fi
	got=$("$srctree/scripts/config" --file "$o/.config" --state "$name")
	if [ "$got" != "$value" ]; then
		echo "| CONFIG_$name=$value | (Kconfig did not grant it) | | | | |"
		continue
	fi
	# What else Kconfig changed to grant the request (selects, choices).
	also=$(diff <(grep '^CONFIG_' "$work/base.config") <(grep '^CONFIG_' "$o/.config") |
		sed -n 's/^> CONFIG_//p' | grep -v "^$name=" | tr '\n' ' ')
	set -- $base $(figures "$o")
	echo "| CONFIG_$name=$value | $(delta "$5" "$1") | $(delta "$6" "$2") |" \
	     "$(delta "$7" "$3") | $(delta "$8" "$4") | ${also% } |"
done
