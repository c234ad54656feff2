# Command substitution, nested; backquotes; status.
echo "$(echo inner)"
echo $(echo $(echo nested))
echo `echo backquoted`
x=$(echo one; echo two)
echo "$x"
echo $x
echo "[$(echo trailing; echo; echo)]"
y=$(false)
echo status $?
y=$(exit 7)
echo status $?
echo $(echo "a  b")
echo "$(echo "a  b")"
n=$(echo 3)
echo $((n + $(echo 4)))
echo "$(for i in 1 2 3; do echo -n $i; done)"
v=outer
echo "$(v=inner; echo $v)" $v
echo "$(cd / && pwd)"
