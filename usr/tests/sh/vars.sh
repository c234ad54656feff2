# Variables, parameters and the ${...} forms.
a=1 b=2
echo $a$b ${a}x "${b}"
unset a
echo "[${a}]" "[${a-unset}]" "[${a:-empty}]" "[${b:+set}]" "[${a+set}]"
a=
echo "[${a-unset}]" "[${a:-empty}]" "[${a:+x}]" "[${a+x}]"
echo "${c:=assigned}" "$c"
path=/usr/lib/libc.a
echo ${path##*/} ${path#*/} ${path%/*} ${path%%/*}x ${#path}
file=archive.tar.gz
echo ${file%.*} ${file%%.*} ${file#*.} ${file##*.}
set -- one "two three" four
echo $# "$1" "$2" "$3"
for w in "$@"; do echo "at:$w"; done
for w in $*; do echo "star:$w"; done
for w in "$*"; do echo "qstar:$w"; done
shift
echo $# "$1"
shift 2
echo $# "[$1]"
set --
for w in "$@"; do echo never; done
echo "none:$#"
x="a   b	c"
echo $x
echo "$x"
IFS=:
y="p:q:r"
for w in $y; do echo "ifs:$w"; done
IFS=' 	
'
n=10
n=$((n + 5))
echo $n $((n * 2 - 1)) $((n / 4)) $((n % 4)) $(( (1 + 2) * 3 )) $((n > 3 && n < 20)) $((-n))
echo $((0x10)) $((1 << 4)) $((7 & 3)) $((n == 15 ? 100 : 200))
export EXPORTED=yes
sh -c 'echo child sees "$EXPORTED" "[$a]"'
TEMPVAR=only-here sh -c 'echo "$TEMPVAR"'
echo "after: [$TEMPVAR]"
