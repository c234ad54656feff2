# if/elif/else, while, until, for, break, continue, case.
for n in 1 2 3 4; do
	if [ $n -eq 1 ]; then
		echo one
	elif [ $n -eq 2 ]; then echo two
	elif test $n = 3
	then
		echo three
	else
		echo other
	fi
done
i=0
while [ $i -lt 3 ]; do
	echo "while $i"
	i=$((i + 1))
done
until [ $i -eq 0 ]; do i=$((i - 1)); echo "until $i"; done
for i in a b c d e; do
	[ $i = b ] && continue
	[ $i = d ] && break
	echo "for $i"
done
for i in 1 2; do
	for j in x y z; do
		[ $j = y ] && continue 2
		echo "$i$j"
	done
done
for i in 1 2; do for j in 1 2; do break 2; done; echo never; done
echo "after break 2"
for w in $(echo p q); do echo "subst $w"; done
for x
do echo "params $x"; done
for x in; do echo never; done
for f in /; do echo "word $f"; done
for word in apple banana cherry 42 "" -x; do
	case $word in
	apple) echo "fruit a" ;;
	b*|c*) echo "fruit $word";;
	[0-9]*) echo number
		;;
	"") echo empty ;;
	*) echo "other $word" ;;
	esac
done
case "a b" in "a b") echo quoted-match;; esac
case x in y) echo no;; esac
echo "case none $?"
pat='*.c'
case main.c in $pat) echo var-pattern;; esac
case main.c in "$pat") echo no;; *) echo quoted-pattern-literal;; esac
if false; then :; fi
echo "if status $?"
while false; do :; done
echo "while status $?"
