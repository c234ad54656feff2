#!/bin/sh
# SPDX-License-Identifier: MIT
# Boot a built kernel with ktest and judge the result:
#   ktest-boot.sh <objtree> [bootargs]      (default bootargs: ktest)
# Passes only if QEMU exits 0, KTAP was printed, no case failed and at
# least one suite ran.  The console log is kept in <objtree>/ktest.log, or
# in $KTEST_LOG when set (so that several boots of one build can run at once).
# TIMEOUT (seconds, default 120) bounds a hung boot.
objtree=$1 bootargs=${2:-ktest}
# -icount shift=0 unless told otherwise: guest time then follows retired
# instructions, so the scheduler and timer suites see the same time
# whatever else the host is doing.
ICOUNT=${ICOUNT:-1}
export objtree ICOUNT
log=${KTEST_LOG:-$objtree/ktest.log}
srctree=${srctree:-.}
timeout "${TIMEOUT:-120}" "$srctree/scripts/qemu-cmd.sh" run "$bootargs" </dev/null >"$log" 2>&1
status=$?
sed -i 's/\r$//' "$log"	# the serial console ends lines with CR LF
cat "$log"
fail() { echo "ktest: FAIL: $*" >&2; exit 1; }
[ $status -eq 124 ] && fail "QEMU did not finish within ${TIMEOUT:-120}s"
[ $status -eq 0 ] || fail "QEMU exited with status $status"
grep -q '^KTAP version 1' "$log" || fail "no KTAP output"
grep -qE '^ *not ok ' "$log" && fail "a test case failed"
summary=$(grep '^# ktest: ' "$log" | tail -n 1)
[ -n "$summary" ] || fail "no ktest summary line"
echo "$summary" | grep -q ' 0 failed$' || fail "$summary"
echo "ktest: PASS (${summary#\# ktest: })"
