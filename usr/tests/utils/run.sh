#!/bin/sh
# Tests of every utility of /bin/box (usr/box/), one or more per applet,
# printing "ok N - what" / "not ok N - what" and "# N passed, M failed".
# Plain POSIX sh: it runs on Tern's sh and, on the host, on dash with
# PATH leading to a folder of links to a host-built box.  Applets that
# shells also have as builtins (echo, printf, test, [, true, false, kill)
# are run through "env", which execs the applet.  Scratch files live in
# $TMPDIR (default /tmp), removed at the end.

n=0
passed=0
failed=0
T=${TMPDIR:-/tmp}/utils.$$

# result STATUS WHAT: one line for a check whose exit status is STATUS.
result() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
		passed=$((passed + 1))
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}

# skip WHAT WHY: a check that does not apply to this kernel.
skip() {
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
	passed=$((passed + 1))
}

# expect WHAT EXPECTED ACTUAL: a check that ACTUAL is EXPECTED.
expect() {
	if [ "$3" = "$2" ]; then
		result 0 "$1"
	else
		result 1 "$1"
		echo "#   expected: '$2'"
		echo "#   got:      '$3'"
	fi
}

rm -rf "$T"
mkdir -p "$T" || { echo "not ok 1 - cannot create $T"; echo "# 0 passed, 1 failed"; exit 1; }
cd "$T" || exit 1
printf 'one two\nthree\n' > f2

# box itself
box | grep -q 'md5sum' ; result $? "box alone lists its applets"
expect "box NAME runs the applet" "x" "$(box echo x)"
box nosuchapplet 2>/dev/null; expect "box: an unknown applet exits 127" 127 $?

# true, false
env true; expect "true exits 0" 0 $?
env false; expect "false exits 1" 1 $?

# echo
expect "echo joins its arguments" "a b  c" "$(env echo a b '' c)"
expect "echo -n omits the newline" "ab" "$(env echo -n a; env echo b)"
expect "echo -e expands escapes" "$(printf 'a\tb\nA')" "$(env echo -e 'a\tb\n\0101')"
expect "echo -e stops at \\c" "ab" "$(env echo -e 'ab\cde' x)"

# printf
expect "printf %s %d %x %c %%" "s 42 ff z %" "$(env printf '%s %d %x %c %%' s 42 255 zed)"
expect "printf reuses its format" "$(printf 'a=1\nb=2\n')" "$(env printf '%s=%d\n' a 1 b 2)"
expect "printf width, precision, flags" "[  ab][x  ][007][AB]" \
	"$(env printf '[%4s][%-3s][%03d][%.2s]' ab x 7 ABC)"
expect "printf escapes and octal" "$(printf 'a\tb\nA')" "$(env printf 'a\tb\n\101')"
env printf '%d' abc >/dev/null 2>&1; expect "printf: a bad number fails" 1 $?

# cat
expect "cat concatenates files" "$(printf 'one two\nthree\none two\nthree')" "$(cat f2 - f2 </dev/null)"
expect "cat copies stdin" "piped" "$(echo piped | cat)"
cat nope 2>err; st=$?
expect "cat: a missing file fails" 1 $st
expect "cat: the error names the file" "cat: nope: No such file or directory" "$(cat err)"

# mkdir, rmdir
mkdir d1; [ -d d1 ]; result $? "mkdir makes a directory"
mkdir d1 2>/dev/null; expect "mkdir: an existing name fails" 1 $?
mkdir -p a/b/c && [ -d a/b/c ]; result $? "mkdir -p makes the parents"
mkdir -p a/b/c; expect "mkdir -p: an existing directory is fine" 0 $?
rmdir a/b/c && [ ! -d a/b/c ] && [ -d a/b ]; result $? "rmdir removes an empty directory"
rmdir a 2>/dev/null; expect "rmdir: a non-empty directory fails" 1 $?

# touch
touch t1 && [ -f t1 ] && [ ! -s t1 ]; result $? "touch creates an empty file"
touch f2; expect "touch keeps an existing file's contents" "one two" "$(head -n 1 f2)"

# cp, mv, ln, rm
cp f2 f3 && cmp -s f2 f3; result $? "cp copies a file"
cp f2 d1 && cmp -s f2 d1/f2; result $? "cp into a directory"
cp a d2 2>/dev/null; st=$?; [ $st != 0 ] && [ ! -d d2 ]; result $? "cp without -r refuses a directory"
cp -r a d2 && [ -d d2/b ]; result $? "cp -r copies a tree"
mv f3 f4 && [ ! -e f3 ] && cmp -s f2 f4; result $? "mv renames"
mv f4 d1 && [ -f d1/f4 ]; result $? "mv into a directory"
ln -s f2 sl && [ "$(cat sl)" = "$(cat f2)" ]; result $? "ln -s makes a symlink"
ln f2 hl && [ "$(cat hl)" = "$(cat f2)" ]; result $? "ln makes a hard link"
rm hl && [ ! -e hl ]; result $? "rm removes a file"
rm nope 2>/dev/null; expect "rm: a missing file fails" 1 $?
rm -f nope; expect "rm -f: a missing file is fine" 0 $?
rm d2 2>/dev/null; st=$?; [ $st != 0 ] && [ -d d2 ]; result $? "rm without -r refuses a directory"
rm -r d2 && [ ! -e d2 ]; result $? "rm -r removes a tree"

# ls
mkdir l; touch l/b l/a l/.h
expect "ls lists sorted names" "$(printf 'a\nb')" "$(ls l)"
expect "ls -a shows dot files" "$(printf '.\n..\n.h\na\nb')" "$(ls -a l)"
expect "ls -1 one per line" "$(printf 'a\nb')" "$(ls -1 l)"
expect "ls -d lists the directory itself" "l" "$(ls -d l)"
ls -ld l | grep -q '^drwx'; result $? "ls -l: mode string of a directory"
ls -l f2 | grep -q '^-rw.* 1 .* 14 .* f2$'; result $? "ls -l: mode, links, size, name"
ls -l sl | grep -q '^l.* sl -> f2$'; result $? "ls -l: symlink -> target"
ls nope 2>err; st=$?; [ $st != 0 ] && grep -q "nope" err; result $? "ls: a missing file fails, named"

# wc
expect "wc -l" "2" "$(wc -l < f2)"
expect "wc -w" "3" "$(wc -w < f2)"
expect "wc -c" "14" "$(wc -c < f2)"
expect "wc counts a named file" " 2  3 14 f2" "$(wc f2)"
expect "echo hi | wc -c" "3" "$(echo hi | wc -c)"

# head, tail, seq
expect "seq LAST" "$(printf '1\n2\n3')" "$(seq 3)"
expect "seq FIRST STEP LAST" "2 4 6" "$(seq -s ' ' 2 2 7)"
expect "head -n" "$(printf '1\n2')" "$(seq 10 | head -n 2)"
expect "head: ten lines by default" "10" "$(seq 20 | head | wc -l)"
expect "tail -n" "$(printf '9\n10')" "$(seq 10 | tail -n 2)"
expect "tail -n +N" "$(printf '9\n10')" "$(seq 10 | tail -n +9)"

# grep
printf 'apple\nBanana\ncherry\napple pie\n' > g
expect "grep fixed string" "$(printf 'apple\napple pie')" "$(grep apple g)"
expect "grep -c" "2" "$(grep -c apple g)"
expect "grep -n -i" "2:Banana" "$(grep -n -i banana g)"
expect "grep -v" "cherry" "$(grep -v a g)"
expect "grep -x" "apple" "$(grep -x apple g)"
expect "grep basic regex" "$(printf 'apple\ncherry')" "$(grep '^[ac][a-z]*[ey]$' g)"
expect "grep -E" "cherry" "$(grep -E 'ch(e|a)r+y' g)"
expect "grep -F takes the pattern literally" "" "$(grep -F 'a.p' g)"
grep -q zzz g; expect "grep: no match exits 1" 1 $?
grep -q apple nope 2>/dev/null; expect "grep: a missing file exits 2" 2 $?

# sort, uniq
expect "sort" "$(printf 'a\nb\nc')" "$(printf 'c\na\nb\n' | sort)"
expect "sort -r" "$(printf 'c\nb\na')" "$(printf 'c\na\nb\n' | sort -r)"
expect "sort -n" "$(printf -- '-3\n9\n10\n100')" "$(printf '10\n9\n100\n-3\n' | sort -n)"
expect "sort -u" "$(printf 'a\nb')" "$(printf 'b\na\nb\na\n' | sort -u)"
expect "uniq" "$(printf 'a\nb\na')" "$(printf 'a\na\nb\na\n' | uniq)"
expect "uniq -c" "$(printf '      2 a\n      1 b')" "$(printf 'a\na\nb\n' | uniq -c)"

# cut, tr
expect "cut -d -f" "b:d" "$(echo a:b:c:d | cut -d: -f2,4)"
expect "cut -f ranges" "c:d" "$(echo a:b:c:d | cut -d: -f3-)"
expect "cut -c" "bcd" "$(echo abcdef | cut -c2-4)"
expect "tr ranges" "HELLO" "$(echo hello | tr a-z A-Z)"
expect "tr -d" "heo" "$(echo hello | tr -d l)"
expect "tr -s" "abc" "$(echo aabbbc | tr -s ab)"
expect "tr classes" "ab" "$(echo a1b2 | tr -d '[:digit:]')"

# test and [
env test 1 -lt 2; expect "test -lt" 0 $?
env test 2 -le 1; expect "test -le false" 1 $?
env [ abc = abc ]; expect "[ = ]" 0 $?
env [ abc != abc ]; expect "[ != ]" 1 $?
env [ -f f2 -a -d d1 ]; expect "[ -f -a -d ]" 0 $?
env [ -e nope -o -s f2 ]; expect "[ -e -o -s ]" 0 $?
env [ ! -z x ]; expect "[ ! -z ]" 0 $?
env [ -n "" ]; expect "[ -n empty ]" 1 $?
env [ -r f2 -a -w f2 ]; expect "[ -r -a -w ]" 0 $?
env [ -x d1 ]; expect "[ -x directory ]" 0 $?
env [ 1 -eq x ] 2>/dev/null; expect "[ -eq non-number ] is an error (2)" 2 $?
env [ 1 = 1 2>/dev/null; expect "[ without ] is an error (2)" 2 $?

# sleep, env
sleep 0; expect "sleep 0" 0 $?
sleep x 2>/dev/null; expect "sleep: a bad interval fails" 1 $?
expect "env -i NAME=VALUE" "A=1" "$(env -i A=1 env)"
expect "env NAME=VALUE command" "hi" "$(env X=hi sh -c 'echo $X')"

# cmp, md5sum, hexdump
cmp f2 f2; expect "cmp: same files" 0 $?
cmp f2 g >/dev/null; expect "cmp: different files" 1 $?
expect "cmp names the first difference" "f2 g differ: byte 1, line 1" "$(cmp f2 g)"
expect "md5sum of abc (RFC 1321)" "900150983cd24fb0d6963f7d28e17f72  -" "$(printf abc | md5sum)"
expect "md5sum of nothing" "d41d8cd98f00b204e9800998ecf8427e  -" "$(md5sum </dev/null)"
printf abc > abc
expect "md5sum names the file" "900150983cd24fb0d6963f7d28e17f72  abc" "$(md5sum abc)"
printf '00000000  68 65 6c 6c 6f 0a                                 |hello.|\n00000006\n' > hx
echo hello | hexdump -C > hy; cmp -s hx hy; result $? "hexdump -C: a short line"
printf '%s\n' '00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|' \
	'*' '00000020  00 00 00 00 00 00 00 00                           |........|' \
	'00000028' > hx
head -c 40 /dev/zero | hexdump -C > hy; cmp -s hx hy; result $? "hexdump -C: repeats as *"

# date, uname, uptime, free, dmesg
expect "date -d @0" "Thu Jan  1 00:00:00 UTC 1970" "$(date -d @0)"
date +%Y | grep -q '^[0-9][0-9][0-9][0-9]$'; result $? "date +FORMAT"
date | grep -q ' UTC '; result $? "date: the default format"
uname -a | grep -q "^$(uname -s) $(uname -n) $(uname -r) "; result $? "uname -a starts with -s -n -r"
[ -n "$(uname -m)" ]; result $? "uname -m"
# Without procfs (a kernel built without it), what reads /proc is skipped.
if [ -r /proc/uptime ]; then
	proc=yes
	uptime | grep -q ' up .*load average'; result $? "uptime"
else
	proc=
	skip "uptime" "no /proc in this kernel"
fi
free | grep -q '^Mem: *[1-9][0-9]* '; result $? "free shows the total memory"
log=$(dmesg 2>&1 | head -n 1)
case $log in
*"Function not implemented"*) skip "dmesg reads the kernel log" "no syslog(2) in this kernel" ;;
dmesg:*|"") result 1 "dmesg reads the kernel log"; echo "#   $log" ;;
*)	result 0 "dmesg reads the kernel log"
	dmesg | grep -q '^<[0-9]*>'; [ $? = 1 ]; result $? "dmesg strips the <level> prefixes"
	dmesg -r | head -n 1 | grep -q '^<[0-9]*>'; result $? "dmesg -r keeps them" ;;
esac

# ps, top, kill
ps | head -n 1 | grep -q 'PID *PPID'; result $? "ps: the header"
if [ -n "$proc" ]; then
	ps | grep -q '^ *1 '; result $? "ps lists process 1"
else
	skip "ps lists process 1" "no /proc in this kernel"
fi
top -b -n 1 | grep -q '^top - '; result $? "top -b -n 1: the summary"
top -b | grep -q ' PID '; result $? "top -b: the process table"
env kill -0 $$; expect "kill -0 a live process" 0 $?
env kill -0 999999 2>/dev/null; expect "kill: no such process" 1 $?
expect "kill -l NUMBER" "TERM" "$(env kill -l 15)"
env kill -l | grep -q 'SIGKILL'; result $? "kill -l lists the signals"

# mount, umount
if [ -n "$proc" ]; then
	mount | grep -q ' /proc proc '; result $? "mount lists /proc/mounts"
else
	skip "mount lists /proc/mounts" "no /proc in this kernel"
fi
mkdir mnt
mount -t ramfs none mnt; result $? "mount -t ramfs"
if [ -n "$proc" ]; then
	grep -q " $T/mnt ramfs" /proc/mounts; result $? "mount: the new mount in /proc/mounts"
else
	skip "mount: the new mount in /proc/mounts" "no /proc in this kernel"
fi
touch mnt/x
umount mnt && [ ! -e mnt/x ]; result $? "umount"

# clear, poweroff, reboot (which would end the run: only their refusals)
clear | hexdump -C | grep -q '1b 5b 48'; result $? "clear writes the ANSI clear"
poweroff -x 2>/dev/null; st=$?; [ $st != 0 ]; result $? "poweroff: an unknown option fails"
reboot -x 2>/dev/null; st=$?; [ $st != 0 ]; result $? "reboot: an unknown option fails"

cd /
rm -rf "$T"
echo "# $passed passed, $failed failed"
[ $failed = 0 ]
