# Builtins: cd pwd export unset read eval exit test shift echo true false.
cd /
pwd
echo "$PWD"
cd /tmp 2>/dev/null || cd /
old=$PWD
cd /
cd - > /dev/null
[ "$PWD" = "$old" ] && echo "cd - returns"
cd /no/such/dir 2>/dev/null
[ $? -ne 0 ] && echo "cd fails"
x=1
unset x
echo "[${x-gone}]"
export NEWVAR=exported
sh -c 'echo "$NEWVAR"'
plain=not-exported
sh -c 'echo "[$plain]"'
export plain
sh -c 'echo "[$plain]"'
echo "a b  c" | { read one rest; echo "$one|$rest"; }
echo "a:b:c" | { IFS=: read p q r; echo "$p $q $r"; }
echo 'back\slash' | { read l; echo "$l"; }
echo 'back\slash' | { read -r l; echo "$l"; }
printf_input="no newline"
echo "  lead" | { read l; echo "[$l]"; }
eval 'echo evaluated; y=set-by-eval'
echo "$y"
cmd='echo "$x"'
x=late
eval "$cmd"
(exit 4); echo "subshell exit $?"
test 1 -lt 2 && echo lt
[ abc = abc ] && echo eq
[ -n "" ] || echo empty-n
[ -z "" ] && echo empty-z
[ ! -d /no/such ] && echo not-dir
[ -d / -a -e / ] && echo and-op
[ 1 -eq 2 -o 2 -eq 2 ] && echo or-op
[ "(" = "(" ] && echo paren-string
test && echo never || echo "no args false"
[ 3 -gt x ] 2>/dev/null
echo "bad integer $?"
true; echo "true $?"
false; echo "false $?"
: ; echo "colon $?"
echo -n no-newline; echo " next"
echo -- dashes
