#!/bin/sh
# SPDX-License-Identifier: MIT
# The code that builds the boot page table runs at the kernel's physical
# address, with the MMU off, while the kernel is linked at virtual ones
# (arch/riscv/mm/early.c): it must reach everything PC-relative.  This
# fails if one of its objects carries a relocation, outside debug
# information, that stores or loads an absolute address: a pointer in
# data, a jump table, a lui of a symbol.
#   check-early-code.sh <objtree>      (a built kernel with CONFIG_MMU=y)
set -e
o=${1:?usage: check-early-code.sh <objtree>}
readelf=${CROSS_COMPILE:-riscv64-unknown-elf-}readelf
# early.c and everything it calls: the walker, the fixmap, memset.
objs="arch/riscv/mm/early.o arch/riscv/mm/pgtable.o arch/riscv/mm/fixmap.o lib/string.o"
bad=0
for f in $objs; do
	[ -f "$o/$f" ] || { echo "check-early-code.sh: no $o/$f"; exit 1; }
	found=$("$readelf" -rW "$o/$f" | awk '
		/^Relocation section/ { sec = $3; next }
		sec ~ /debug|comment/ || $3 !~ /^R_RISCV_/ { next }
		$3 !~ /^R_RISCV_(BRANCH|JAL|CALL|CALL_PLT|PCREL_HI20|PCREL_LO12_I|PCREL_LO12_S|RVC_BRANCH|RVC_JUMP|RELAX|ALIGN)$/ {
			print sec, $3, $5 }')
	if [ -n "$found" ]; then
		echo "$f: absolute relocations where only PC-relative ones may be:"
		echo "$found" | sed 's/^/  /'
		bad=1
	fi
done
[ $bad = 0 ] && echo "early code: PC-relative only ($objs)"
exit $bad
