#!/bin/sh
# SPDX-License-Identifier: MIT
# Link vmlinux: link-vmlinux.sh <output> <linker script> <kallsyms y|""> <built-in.a...>
#
# With CONFIG_KALLSYMS the kernel carries a table of its function symbols
# for backtraces.  The table is placed after all code, so adding it cannot
# move any function: link once with an empty table, generate the table from
# that link, link again with it, and check the functions did not move.
set -e
out=$1 lds=$2 kallsyms=$3
shift 3
tmp=$(dirname "$out")/.tmp_vmlinux


ksyms() {	# ksyms <vmlinux> <output .S>
	${NM} -n "$1" | ${PYTHON} "$srctree/scripts/gen_ksyms.py" > "$2"
}

objs=$*
# libgcc of the kernel's own multilib (64-bit division on rv32, etc.)
LIBGCC=$(${CC} ${KBUILD_CFLAGS} -print-libgcc-file-name)
if [ "$kallsyms" = y ]; then
	${PYTHON} "$srctree/scripts/gen_ksyms.py" < /dev/null > "$tmp.ksyms0.S"
	${CC} ${KBUILD_AFLAGS} -c -o "$tmp.ksyms0.o" "$tmp.ksyms0.S"
	${LD} ${KBUILD_LDFLAGS} -T "$lds" -o "$tmp.1" --whole-archive $objs "$tmp.ksyms0.o" \
		--no-whole-archive ${LIBGCC}
	ksyms "$tmp.1" "$tmp.ksyms1.S"
	${CC} ${KBUILD_AFLAGS} -c -o "$tmp.ksyms1.o" "$tmp.ksyms1.S"
	${LD} ${KBUILD_LDFLAGS} -T "$lds" -o "$out" --whole-archive $objs "$tmp.ksyms1.o" \
		--no-whole-archive ${LIBGCC}
	ksyms "$out" "$tmp.ksyms2.S"
	if ! cmp -s "$tmp.ksyms1.S" "$tmp.ksyms2.S"; then
		echo "link-vmlinux.sh: function addresses moved between links; kallsyms is wrong" >&2
		exit 1
	fi
else
	${LD} ${KBUILD_LDFLAGS} -T "$lds" -o "$out" --whole-archive $objs \
		--no-whole-archive ${LIBGCC}
fi
${NM} -n "$out" | grep -v ' [aNUw] ' > "$(dirname "$out")/System.map"
