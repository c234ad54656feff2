#!/bin/bash
# SPDX-License-Identifier: MIT
# make checkdocs: the documents' tables of things that change must list
# exactly what the tree has, and no document may cite a line number.
#   README.md                 boards: configs/*_defconfig
#                             fragments: configs/fragments/*.config, each
#                             with its "# Help:" line as its effect
#   Documentation/build.md    targets and variables: what 'make help' lists
#   Documentation/testing.md  kbuild-tests: the tests of scripts/test-kbuild.sh
#   every *.md                no "file.c:NN" nor "file.c, line NN" for a file
#                             of the tree (line numbers drift)
# A checked table is the first markdown table after a line
#   <!-- checkdocs: NAME -->
# Backticks are ignored when comparing.  Each mismatch prints one line.
set -u
cd "${srctree:-.}" || exit 1
bad=0
problem() { echo "checkdocs: $*" >&2; bad=$((bad + 1)); }

# table <file> <name> <column>: that column of each row of the table
table() {
	awk -v name="$2" -v col="$3" '
		$0 == "<!-- checkdocs: " name " -->" { found = 1; next }
		found && /^\|/ { if (++row > 2) { split($0, c, "|"); print c[col + 1] }; next }
		found && row { exit }
		END { if (!found) exit 1 }' "$1" ||
		problem "$1: no '<!-- checkdocs: $2 -->' table"
}
# quoted: the backticked words of each line, one per line
quoted() { grep -o '`[^`]*`' | tr -d '`'; }
trim() { sed 's/^ *//; s/ *$//; s/`//g'; }

# same <what> <file> <expected-list> <documented-list>: both sorted, unique
same() {
	local what=$1 file=$2
	comm -23 <(sort -u <<<"$3") <(sort -u <<<"$4") | sed '/^$/d' |
		while read -r x; do echo "missing from $file ($what): ${x//	/ | }"; done
	comm -13 <(sort -u <<<"$3") <(sort -u <<<"$4") | sed '/^$/d' |
		while read -r x; do echo "in $file ($what) but not in the tree: ${x//	/ | }"; done
}
report() {	# report <lines>: count and print each problem
	local line
	while IFS= read -r line; do [ -n "$line" ] && problem "$line"; done <<<"$1"
}

# --- README.md: boards and fragments
boards=$(for f in configs/*_defconfig; do basename "$f"; done)
report "$(same boards README.md "$boards" "$(table README.md boards 1 | quoted)")"

fragments=$(for f in configs/fragments/*.config; do
	printf '%s\t%s\n' "$(basename "$f")" "$(sed -n '1s/^# Help: //p' "$f")"
done)
documented=$(paste <(table README.md fragments 1 | trim) <(table README.md fragments 2 | trim))
report "$(same "fragments, name and # Help: line" README.md "$fragments" "$documented")"

# --- Documentation/build.md: targets and variables of 'make help'
help=$(srctree=. scripts/help.sh)
help_targets=$(sed -n '/^Configuration targets:/,/^Variables:/s/^  \([^ ]\{1,\}\)\( (default)\)\{0,1\} \{1,\}- .*/\1/p' <<<"$help")
help_vars=$(sed -n '/^Variables:/,/^$/s/^  \([A-Z_]\{1,\}\)=.*/\1/p' <<<"$help")
report "$(same targets Documentation/build.md "$help_targets" \
	"$(table Documentation/build.md targets 1 | quoted)")"
report "$(same variables Documentation/build.md "$help_vars" \
	"$(table Documentation/build.md variables 1 | quoted | sed -n 's/^\([A-Z_]\{1,\}\)=.*/\1/p')")"

# --- Documentation/testing.md: the build-system tests
tests=$(sed -n 's/^t "\([^"]*\)" .*/\1/p' scripts/test-kbuild.sh)
report "$(same "build-system tests" Documentation/testing.md "$tests" \
	"$(table Documentation/testing.md kbuild-tests 1 | trim)")"

# --- line numbers of files in the tree (tracked files only: a build
# folder inside the tree may hold old copies of the documents)
files=$(git ls-files 2>/dev/null | grep . ||
	find . -path ./build -prune -o -type f -print | sed 's|^\./||')
while IFS=: read -r doc lineno cite; do
	path=${cite%%[:,]*}
	if grep -qxF "$path" <<<"$files" || grep -q "/${path##*/}\$" <<<"$files"; then
		problem "$doc:$lineno cites a line of $path ($cite): line numbers drift; name the function"
	fi
done < <(grep '\.md$' <<<"$files" | tr '\n' '\0' |
	xargs -0 grep -noE '[A-Za-z0-9_./-]+\.(c|h|S|py|sh|lds)(:[0-9]+|, line [0-9]+)')

[ $bad -eq 0 ] && exit 0
echo "checkdocs: $bad problem(s); 'make help' and configs/ are the reference" >&2
exit 1
