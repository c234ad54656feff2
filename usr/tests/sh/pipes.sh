# Pipelines: builtins and sh in them, any length, the last command's status.
echo hello | { read w; echo "got $w"; }
echo a b c | sh -c 'read x y; echo "$y"'
echo 1 | sh -c 'read x; echo $((x + 1))' | sh -c 'read x; echo $((x + 1))' | sh -c 'read x; echo $((x + 1))' | sh -c 'read x; echo $((x + 1))'
false | true
echo "status $?"
true | false
echo "status $?"
! true | false
echo "negated $?"
! true
echo "negated $?"
for i in 1 2 3; do echo line$i; done | while read l; do echo "read $l"; done
{ echo x; echo y; } | sh -c 'while read l; do echo "[$l]"; done'
echo start |
	sh -c 'read s; echo "$s continued"'
x=unchanged
echo changed | read x
echo "in parent: $x"
