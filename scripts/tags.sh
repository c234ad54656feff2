#!/bin/sh
# SPDX-License-Identifier: MIT
# make tags / make cscope: tags.sh tags|cscope <build folder>
# Indexes the kernel's sources (the vmlinux directories and include/; not
# the host tests nor scripts/) into <build folder>/tags, or cscope.out with
# its file list cscope.files.  Paths are relative when the index sits in
# the source tree, absolute otherwise, so an editor opened anywhere finds
# the files.  scripts/install-deps.sh installs ctags or cscope first.
set -e
mode=$1 out=$(cd "$2" && pwd)
cd "${srctree:-.}"
src=$(pwd)
prefix=
[ "$out" = "$src" ] || prefix=$src/

files() {
	find arch include kernel mm fs drivers lib -name '*.[chS]' -type f |
		sort | sed "s|^|$prefix|"
}

case $mode in
tags)
	files | ctags -f "$out/tags" -L - ;;
cscope)
	files > "$out/cscope.files"
	(cd "$out" && cscope -b -q -k -i cscope.files -f cscope.out) ;;
*)
	echo "usage: tags.sh tags|cscope <build folder>" >&2; exit 1 ;;
esac
