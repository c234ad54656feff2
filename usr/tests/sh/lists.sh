# ; && || and their statuses.
true && echo and-yes
false && echo and-no
false || echo or-yes
true || echo or-no
false && echo a || echo b
true && false || echo c
true || false && echo d
echo one; echo two ; echo three
false; echo "status $?"
true && { echo in-group; false; }
echo "group status $?"
(exit 3) || echo "subshell failed $?"
x=1; (x=2; echo "in subshell $x"); echo "after $x"
(cd /; pwd)
if ! false; then echo bang; fi
false &&
	echo never ||
	echo continued
