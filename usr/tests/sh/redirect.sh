# Redirections: < > >> 2> 2>&1, N>file, on compound commands, exec.
f=${TMPDIR:-/tmp}/sh-redirect.$$
echo first > $f
echo second >> $f
while read l; do echo "file: $l"; done < $f
echo replaced > $f
read l < $f
echo "$l"
sh -c 'echo to-err >&2' 2> $f
read l < $f
echo "stderr: $l"
sh -c 'echo out; echo err >&2' > $f 2>&1
while read l; do echo "both: $l"; done < $f
sh -c 'echo err >&2' 2>&1 | { read l; echo "piped: $l"; }
sh -c 'echo quiet; echo quiet-err >&2' > /dev/null 2>&1
echo "nothing above"
{ echo g1; echo g2; } > $f
while read l; do echo "group: $l"; done < $f
for i in 1 2; do echo loop$i; done > $f
while read l; do echo "$l"; done < $f
if true; then echo from-if; fi > $f
read l < $f; echo "$l"
echo fd3 3> $f >&3
read l < $f; echo "via 3: $l"
exec 4> $f
echo through-4 >&4
exec 4>&-
read l < $f; echo "$l"
exec 5< $f
read l <&5
echo "exec read: $l"
exec 5<&-
> $f
read l < $f
echo "truncated: [$l] $?"
echo a >$f; echo b>>$f
while read l; do echo "nospace: $l"; done <$f
cat_like() { while read l; do echo "$1$l"; done; }
cat_like "fn: " < $f
{ sh -c 'exit 0' < /nonexistent/file; } 2>/dev/null
[ $? -ne 0 ] && echo "missing input fails"
{ echo x > /nonexistent/dir/file; } 2>/dev/null
[ $? -ne 0 ] && echo "bad output fails"
