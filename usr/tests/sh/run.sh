#!/bin/sh
# Tern's shell tests.  Each NAME.sh beside this script runs in a new
# "sh" from its own folder; its standard output and error together must
# equal NAME.out, which /bin/dash produces from the same script (so the
# expected outputs are POSIX sh's, not only ours).  Then a few checks of
# this shell's own messages.  Prints KTAP-like lines and a final
# "# N passed, M failed"; the status is 1 if anything failed.
#
# Needs only the shell itself: no utility from /bin is used.

dir=${0%/*}
[ "$dir" = "$0" ] && dir=.
n=0
pass=0
fail=0

# The file's lines (the last may lack its newline).
slurp() {
	while IFS= read -r line || [ -n "$line" ]; do
		echo "$line"
	done < "$1"
}

# Lines of text as "# " comments, to show a difference.
comment() {
	echo "$2" | while IFS= read -r line; do echo "#   $1$line"; done
}

result() {
	n=$((n + 1))
	if [ "$1" = ok ]; then
		pass=$((pass + 1))
		echo "ok $n - $2"
	else
		fail=$((fail + 1))
		echo "not ok $n - $2"
	fi
}

for t in "$dir"/*.sh; do
	name=${t##*/}
	name=${name%.sh}
	[ "$name" = run ] && continue
	got=$(cd "$dir" && sh "./$name.sh" 2>&1)
	want=$(slurp "$dir/$name.out")
	if [ "$got" = "$want" ]; then
		result ok "$name"
	else
		result fail "$name"
		comment "want: " "$want"
		comment "got:  " "$got"
	fi
done

# Messages: sh: NAME: not found (127), sh: NAME: Permission denied (126).
f=${TMPDIR:-/tmp}/sh-run.$$
got=$(sh -c 'no-such-command-xyz' 2>&1)
st=$?
[ "$got" = "sh: no-such-command-xyz: not found" ] && [ $st = 127 ] &&
	result ok "not found message" || result fail "not found message: $got ($st)"
echo 'echo x' > "$f"
got=$(sh -c "$f" 2>&1)
st=$?
[ "$got" = "sh: $f: Permission denied" ] && [ $st = 126 ] &&
	result ok "permission denied message" || result fail "permission denied message: $got ($st)"
> "$f"

# source is "." by another name (dash has no source: checked here).
echo 'src_var=$1' > "$f"
source "$f" given
[ "$src_var" = given ] && result ok "source with arguments" || result fail "source with arguments"


echo "# $pass passed, $fail failed"
[ $fail = 0 ]
