# Statuses of failures: not found, not executable, syntax errors.
no-such-command-here 2>/dev/null
echo "not found $?"
/no/such/path 2>/dev/null
echo "no path $?"
f=${TMPDIR:-/tmp}/sh-errors.$$
echo 'echo hi' > $f
$f 2>/dev/null
echo "not executable $?"
/ 2>/dev/null
echo "directory $?"
sh -c 'if true; then' 2>/dev/null
echo "syntax $?"
sh -c 'echo ok; )' 2>/dev/null
echo "syntax2 $?"
sh -c 'exit 300'
echo "exit 300: $?"
sh -c 'false'
echo "false: $?"
sh -c 'exit'
echo "bare exit: $?"
sh -c 'false; exit'
echo "exit after false: $?"
sh /no/such/script 2>/dev/null
[ $? -ne 0 ] && echo "missing script fails"
(no-such-command-here) 2>/dev/null
echo "in subshell $?"
x=$(no-such-command-here 2>/dev/null)
echo "in substitution $?"
