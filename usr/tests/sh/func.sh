# Functions: arguments, return, status, recursion, redirection.
greet() {
	echo "hello $1 ($#)"
}
greet world
greet "two words" extra
ret() { return $1; }
ret 3
echo "returned $?"
early() {
	echo before
	return 0
	echo never
}
early
count() {
	if [ $1 -gt 0 ]; then
		echo $1
		count $(($1 - 1))
	fi
}
count 3
set -- outer args
show() { echo "$# $*"; }
show inner
echo "still $# $*"
loop() {
	for i in 1 2 3; do
		[ $i = 2 ] && return 5
		echo "loop $i"
	done
}
loop
echo "loop returned $?"
setvar() { shared=from-function; }
setvar
echo "$shared"
piped() { while read l; do echo "fn read $l"; done; }
echo data | piped
greet x | { read l; echo "via pipe: $l"; }
