#!/bin/bash
# SPDX-License-Identifier: MIT
# The user-space tests of one build: boots it with rc=/usr/tests/run
# (usr/tests/run), which runs every suite under /usr/tests and powers
# off.  Each suite prints "ok N ..." / "not ok N ..." lines (KTAP) and a
# last "# N passed, M failed[, K skipped]" line.  A suite passes each of
# its ok lines; each not-ok line is a failure, and so is a suite that
# ends without its summary line or whose summary disagrees with its lines,
# or a run that never reaches the end (a crash, a hang).
#   test-user.sh <objtree> <log>
# Prints a PASS/FAIL line per suite, then "N passed, N failed".
set -u
o=${1:?usage: test-user.sh <objtree> <log>}
log=${2:?usage: test-user.sh <objtree> <log>}
srctree=${srctree:-$(cd "$(dirname "$0")/.." && pwd)}
export QEMU_DEVICES=""

objtree=$o timeout 1200 "$srctree/scripts/qemu-cmd.sh" run "rc=/usr/tests/run" \
	</dev/null 2>&1 | tr -d '\r' >"$log"
status=${PIPESTATUS[0]}

awk -v status="$status" -v log="$log" '
function finish_suite() {
	if (suite == "")
		return
	if (!summary) {
		printf "FAIL %s: ended without its \"# N passed, M failed\" line (log: %s)\n", suite, log
		failed++
	} else if ((sum_p != ok && sum_p != ok - skip) || sum_f != notok) {
		printf "FAIL %s: its summary says %d passed, %d failed; its lines %d and %d (log: %s)\n",
			suite, sum_p, sum_f, ok, notok, log
		failed++
	} else if (notok == 0)
		printf "PASS %s: %d passed, %d skipped\n", suite, ok - skip, skip
	passed += ok - skip
	suite = ""
}
/^usertests-suite: / { finish_suite(); suite = $2; ok = notok = skip = summary = 0; next }
/^usertests-suite-exit: / { if ($3 != 0 && notok == 0 && summary) { printf "FAIL %s: exit status %s\n", suite, $3; failed++ }
			     finish_suite(); next }
/^usertests-done$/ { done = 1; next }
suite != "" && /^ *ok [0-9]+/ { ok++; if ($0 ~ /# *SKIP/) skip++; next }
suite != "" && /^ *not ok [0-9]+/ { notok++; failed++; printf "FAIL %s: %s\n", suite, $0; next }
suite != "" && /^# [0-9]+ passed, [0-9]+ failed/ { summary = 1; sum_p = $2; sum_f = $4 + 0; next }
END {
	finish_suite()
	if (!done) {
		printf "FAIL the run ended before usr/tests/run finished (QEMU exit %s; log: %s)\n", status, log
		failed++
	} else if (status != 0) {
		printf "FAIL QEMU exit status %s after the tests (log: %s)\n", status, log
		failed++
	}
	printf "%d passed, %d failed\n", passed, failed
	exit failed != 0
}' "$log"
