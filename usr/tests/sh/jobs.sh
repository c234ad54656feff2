# Background jobs, wait, $!.
sh -c 'exit 3' &
pid=$!
wait $pid
echo "waited status $?"
f=${TMPDIR:-/tmp}/sh-jobs.$$
{ echo bg-group > $f; } &
wait
read l < $f
echo "$l"
for i in 1 2 3; do sh -c "exit $i" & done
wait
echo "wait all $?"
echo piped | sh -c 'read x; exit 4' &
wait $!
echo "pipeline job $?"
true &
echo "started"
wait
# Without job control a background job reads /dev/null, not the terminal.
{ read x; echo "bg read [$x] $?"; } > $f &
wait
read l < $f
echo "$l"
