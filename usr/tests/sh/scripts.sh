# Running scripts: sh FILE ARGS, sh -c, #!/bin/sh files, and "." (source).
f=${TMPDIR:-/tmp}/sh-scripts.$$
echo 'echo "script has $# args: $*"; exit 5' > $f
sh $f a b
echo "status $?"
sh -c 'echo "c: $0 $1 $2"' name x y
sh -c 'echo "c alone: $#"'
echo 'sourced=yes; echo "sourcing with $# args"' > $f
. $f
echo "sourced=$sourced"
. $f
echo 'echo "$1"; return 3; echo never' > $f
. $f
echo "source returned $?"
dir=${0%/*}
[ "$dir" = "$0" ] && dir=.
"$dir/hashbang" one two
echo "hashbang status $?"
"$dir/noshebang" three
echo "noshebang status $?"
printf_script='for a in "$@"; do echo "[$a]"; done'
sh -c "$printf_script" sh "a b" c
echo 'echo line1
echo line2
if true
then echo multi-line-if
fi' > $f
sh $f
sh < $f
echo 'read x; echo "script read $x"' > $f
echo from-stdin | sh $f
