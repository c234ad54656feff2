#!/bin/bash
# SPDX-License-Identifier: MIT
# The first process (kernel/init.c), booted as Linux starts it: which
# program runs (rdinit=, init=, then /sbin/init ... /bin/sh), with which
# argv (unhandled parameters, then the words after "--") and environment
# (HOME, TERM, then unhandled name=value), as pid 1 with the console on
# fds 0-2; what happens when init exits (panic, QEMU exit 2), when init=
# fails (panic) and when there is no program at all (power off, 0).
# Each case is one boot of the objtree with its own initrd, holding
# tests/init/showinit (a static glibc program that prints what it sees)
# under the names the case needs.
#   test-init.sh <work folder> <objtree>
# Prints a line per case, then "N passed, N failed".
set -u
export QEMU_DEVICES=""
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL O objtree
work=${1:?usage: test-init.sh <work folder> <objtree>}
o=${2:?usage: test-init.sh <work folder> <objtree>}
srctree=${srctree:-$(cd "$(dirname "$0")/.." && pwd)}
passed=0 failed=0
mkdir -p "$work"

if ! make -s -C "$srctree/tests/init" B="$work/bin" >"$work/build.log" 2>&1; then
	echo "FAIL building tests/init (log: $work/build.log)"
	echo "0 passed, 1 failed"
	exit 1
fi

# initrd <case> <name>...: a cpio holding showinit at each name; a name
# "text:<path>" is a file that is not an executable
initrd() {
	local c=$1 root=$work/$1.root
	shift
	rm -rf "$root"
	for n in "$@"; do
		case $n in
		text:*)	mkdir -p "$root/$(dirname "${n#text:}")"
			echo "not a program" >"$root/${n#text:}"
			chmod 755 "$root/${n#text:}" ;;
		*)	mkdir -p "$root/$(dirname "$n")"
			cp "$work/bin/showinit" "$root/$n" ;;
		esac
	done
	(cd "$root" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) \
		>"$work/$c.cpio"
}

# boot <case> <initrd or -> <command line>: the console in $work/<case>.log,
# QEMU's exit status as its last line
boot() {
	local args=
	[ "$2" = - ] || args="-initrd $2"
	objtree=$o QEMU_ARGS="$args" timeout 60 "$srctree/scripts/qemu-cmd.sh" run "$3" \
		</dev/null 2>&1 | tr -d '\r' >"$work/$1.log"
	echo "qemu exit ${PIPESTATUS[0]}" >>"$work/$1.log"
}

# check <case> <line>...: each line appears, whole, in the case's log
check() {
	local c=$1 missing=
	shift
	for l in "$@"; do
		grep -qxF -- "$l" "$work/$c.log" || missing="$missing
    missing: $l"
	done
	if [ -z "$missing" ]; then
		echo "PASS $c"
		passed=$((passed + 1))
	else
		echo "FAIL $c (log: $work/$c.log)$missing"
		failed=$((failed + 1))
	fi
}

# check_kernel <case> <text>: a line of the kernel's (not the program's) holds text
check_kernel() {
	if grep -v '^showinit: ' "$work/$1.log" | grep -qF -- "$2"; then return 0; fi
	echo "FAIL $1: no kernel line with \"$2\" (log: $work/$1.log)"
	failed=$((failed + 1))
	return 1
}

init_exits="Attempted to kill init! exitcode=0x00000300"

initrd rdinit init
boot rdinit "$work/rdinit.cpio" "loglevel=3 single FOO=bar -- one two"
check_kernel rdinit "$init_exits" &&
check rdinit "showinit: pid 1 ppid 0" "showinit: argc 4" "showinit: argv[0] /init" "showinit: argv[1] single" \
	"showinit: argv[2] one" "showinit: argv[3] two" "showinit: env HOME=/" "showinit: env TERM=linux" \
	"showinit: env FOO=bar" "showinit: fd 0 open tty" "showinit: fd 1 open tty" "showinit: fd 2 open tty" \
	"qemu exit 2"

initrd init_param sbin/showinit
boot init_param "$work/init_param.cpio" "loglevel=3 init=/sbin/showinit"
check_kernel init_param "$init_exits" &&
check init_param "showinit: pid 1 ppid 0" "showinit: argc 1" "showinit: argv[0] /sbin/showinit" "qemu exit 2"

# The built-in archive may hold Tern's own /sbin/init and /bin/sh
# (CONFIG_USERSPACE): the initrd, unpacked over it, replaces every name
# the case needs to fail with a file that is not a program.
initrd fallback text:init text:sbin/init text:etc/init text:bin/init bin/sh
boot fallback "$work/fallback.cpio" "loglevel=4"
check_kernel fallback "init: /init failed (error -8)" &&
check fallback "showinit: pid 1 ppid 0" "showinit: argv[0] /bin/sh" "qemu exit 2"

initrd bad_init bin/sh
boot bad_init "$work/bad_init.cpio" "loglevel=3 init=/nope"
check_kernel bad_init "Requested init /nope failed (error -2)." &&
if grep -q "^showinit: " "$work/bad_init.log"; then
	echo "FAIL bad_init: ran a program after init= failed (log: $work/bad_init.log)"
	failed=$((failed + 1))
else
	check bad_init "qemu exit 2"
fi

initrd no_init text:init text:sbin/init text:etc/init text:bin/init text:bin/sh
boot no_init "$work/no_init.cpio" "loglevel=6"
check_kernel no_init "No init found (tried /init, /sbin/init, /etc/init, /bin/init, /bin/sh)" &&
check no_init "qemu exit 0"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
