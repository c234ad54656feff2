// SPDX-License-Identifier: MIT
/*
 * Host tests for the shell's pure parts (usr/sh/): the lexer's tokens and
 * its "incomplete" answers, the parser's trees (printed as
 * S-expressions) and errors, word expansion over a fake set of
 * variables, parameters and command substitution, arithmetic, and
 * pathname expansion in a scratch folder.
 */
#include "../harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../usr/sh/sh.h"

/* ---- lexer ---- */

static void tokens(const char *src, char *out, size_t size)
{
	static const char *const names[] = {
		[T_EOF] = "EOF", [T_WORD] = "W", [T_NL] = "NL", [T_SEMI] = ";", [T_AMP] = "&",
		[T_PIPE] = "|", [T_AND] = "&&", [T_OR] = "||", [T_LPAREN] = "(", [T_RPAREN] = ")",
		[T_DSEMI] = ";;", [T_LESS] = "<", [T_GREAT] = ">", [T_DGREAT] = ">>",
		[T_LESSAND] = "<&", [T_GREATAND] = ">&", [T_LESSGREAT] = "<>", [T_CLOBBER] = ">|",
		[T_ERROR] = "ERR", [T_INCOMPLETE] = "INC",
	};
	struct lexer lx;
	size_t used = 0;
	enum tok t;

	out[0] = '\0';
	lex_init(&lx, src);
	do {
		t = lex_next(&lx);
		if (t == T_WORD)
			used += (size_t)snprintf(out + used, size - used, "%s[%.*s]", used ? " " : "",
						 (int)(lx.end - lx.start), src + lx.start);
		else if (lx.io_number >= 0)
			used += (size_t)snprintf(out + used, size - used, "%s%d%s", used ? " " : "",
						 lx.io_number, names[t]);
		else
			used += (size_t)snprintf(out + used, size - used, "%s%s", used ? " " : "",
						 names[t]);
	} while (t != T_EOF && t != T_INCOMPLETE && t != T_ERROR);
}

TEST(lex_operators_longest_first)
{
	char out[512];

	tokens("a|b&&c||d;e&f>g>>h<i;;", out, sizeof(out));
	EXPECT_STREQ(out, "[a] | [b] && [c] || [d] ; [e] & [f] > [g] >> [h] < [i] ;; EOF");
	tokens("a <&3 >&- <>f >|g\n", out, sizeof(out));
	EXPECT_STREQ(out, "[a] <& [3] >& [-] <> [f] >| [g] NL EOF");
}

TEST(lex_io_numbers_only_before_redirections)
{
	char out[512];

	tokens("cmd 2>&1 10>x a2>y 3 <z", out, sizeof(out));
	EXPECT_STREQ(out, "[cmd] 2>& [1] 10> [x] [a2] > [y] [3] < [z] EOF");
}

TEST(lex_words_keep_quotes_and_substitutions)
{
	char out[512];

	tokens("echo 'a b' \"c $(d \")\" e)\" f\\ g $(h (i) j) ${k:-'}'} `l m`", out, sizeof(out));
	EXPECT_STREQ(out, "[echo] ['a b'] [\"c $(d \")\" e)\"] [f\\ g] [$(h (i) j)] "
			  "[${k:-'}'}] [`l m`] EOF");
}

TEST(lex_comments_and_continuations)
{
	char out[512];

	tokens("a # b c\nd\\\ne #f", out, sizeof(out));
	EXPECT_STREQ(out, "[a] NL [d\\\ne] EOF");
	tokens("x a#b", out, sizeof(out));
	EXPECT_STREQ(out, "[x] [a#b] EOF");
}

TEST(lex_unterminated_is_incomplete)
{
	static const char *const cases[] = {
		"echo 'abc", "echo \"abc", "echo $(ls", "echo ${x", "echo `ls", "echo a\\",
		"echo a\\\n", "echo \"$(echo ')\"", "echo $((1 + 2)",
	};
	char out[512];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tokens(cases[i], out, sizeof(out));
		EXPECT(strstr(out, "INC") != NULL);
	}
}

/* ---- parser ---- */

static size_t dump(const struct node *n, char *out, size_t size);

static size_t put(char *out, size_t size, size_t used, const char *s)
{
	return used + (size_t)snprintf(out + used, used < size ? size - used : 0, "%s", s);
}

static size_t dump_words(char **w, char *out, size_t size, size_t used)
{
	for (; w && *w; w++) {
		used = put(out, size, used, " ");
		used = put(out, size, used, *w);
	}
	return used;
}

static size_t dump_redirs(const struct redir *r, char *out, size_t size, size_t used)
{
	static const char *const types[] = { "<", ">", ">>", "<&", ">&", "<>", "<<" };
	char buf[32];

	for (; r; r = r->next) {
		snprintf(buf, sizeof(buf), " %d%s", r->fd, types[r->type]);
		used = put(out, size, used, buf);
		used = put(out, size, used, r->word);
	}
	return used;
}

static size_t dump_into(const struct node *n, char *out, size_t size, size_t used)
{
	static const char *const names[] = {
		[N_CMD] = "cmd", [N_PIPE] = "pipe", [N_AND] = "and", [N_OR] = "or", [N_SEQ] = "seq",
		[N_BG] = "bg", [N_NOT] = "not", [N_IF] = "if", [N_WHILE] = "while",
		[N_UNTIL] = "until", [N_FOR] = "for", [N_SUBSHELL] = "sub", [N_GROUP] = "group",
		[N_FUNC] = "func", [N_CASE] = "case", [N_CASEITEM] = "item",
	};
	int i;

	if (!n)
		return put(out, size, used, " -");
	used = put(out, size, used, "(");
	used = put(out, size, used, names[n->type]);
	if (n->name && n->type != N_SUBSHELL) {
		used = put(out, size, used, " ");
		used = put(out, size, used, n->name);
	}
	used = dump_words(n->assigns, out, size, used);
	used = dump_words(n->words, out, size, used);
	for (i = 0; i < n->nkids; i++) {
		used = put(out, size, used, " ");
		used = dump_into(n->kids[i], out, size, used);
	}
	if (n->a) {
		used = put(out, size, used, " ");
		used = dump_into(n->a, out, size, used);
	}
	if (n->b) {
		used = put(out, size, used, " ");
		used = dump_into(n->b, out, size, used);
	}
	if (n->c) {
		used = put(out, size, used, " ");
		used = dump_into(n->c, out, size, used);
	}
	used = dump_redirs(n->redirs, out, size, used);
	return put(out, size, used, ")");
}

static size_t dump(const struct node *n, char *out, size_t size)
{
	out[0] = '\0';
	return dump_into(n, out, size, 0);
}

/* Parses the first command line of src; its tree, or the status name. */
static void parse(const char *src, char *out, size_t size)
{
	struct lexer lx;
	struct node *n;
	const char *err = NULL;
	enum parse_status st;

	lex_init(&lx, src);
	st = parse_line(&lx, &n, &err);
	if (st == P_OK)
		dump(n, out, size);
	else
		snprintf(out, size, "%s", st == P_EMPTY ? "EMPTY" : st == P_INCOMPLETE ?
			 "INCOMPLETE" : "ERROR");
	if (st == P_ERROR)
		EXPECT(err != NULL);
	node_free(n);
}

#define EXPECT_PARSE(src, tree)					\
	do {							\
		char out_[1024];				\
		parse(src, out_, sizeof(out_));			\
		EXPECT_STREQ(out_, tree);			\
	} while (0)

TEST(parse_lists_and_pipelines)
{
	EXPECT_PARSE("a b c", "(cmd a b c)");
	EXPECT_PARSE("a | b | c", "(pipe (cmd a) (cmd b) (cmd c))");
	EXPECT_PARSE("a && b || c", "(or (and (cmd a) (cmd b)) (cmd c))");
	EXPECT_PARSE("a; b & c", "(seq (seq (cmd a) (bg (cmd b))) (cmd c))");
	EXPECT_PARSE("! a | b", "(not (pipe (cmd a) (cmd b)))");
	EXPECT_PARSE("a &&\n\n b", "(and (cmd a) (cmd b))");
	EXPECT_PARSE("a |\n b", "(pipe (cmd a) (cmd b))");
	EXPECT_PARSE("\n\n  # only a comment\n", "EMPTY");
}

TEST(parse_assignments_and_redirections)
{
	EXPECT_PARSE("X=1 Y=$z cmd X=2", "(cmd X=1 Y=$z cmd X=2)");
	EXPECT_PARSE("cmd 2>&1 >out <in 3>>log", "(cmd cmd 2>&1 1>out 0<in 3>>log)");
	EXPECT_PARSE(">only", "(cmd 1>only)");
	EXPECT_PARSE("{ a; } >f 2>&1", "(group (cmd a) 1>f 2>&1)");
}

TEST(parse_compound_commands)
{
	EXPECT_PARSE("if a; then b; elif c; then d; else e; fi",
		     "(if (cmd a) (cmd b) (if (cmd c) (cmd d) (cmd e)))");
	EXPECT_PARSE("if a\nthen\n b\nfi", "(if (cmd a) (cmd b))");
	EXPECT_PARSE("while a; do b; c; done", "(while (cmd a) (seq (cmd b) (cmd c)))");
	EXPECT_PARSE("until a; do b; done", "(until (cmd a) (cmd b))");
	EXPECT_PARSE("for x in 1 \"2 3\"; do echo $x; done", "(for x 1 \"2 3\" (cmd echo $x))");
	EXPECT_PARSE("for x\ndo a; done", "(for x (cmd a))");
	EXPECT_PARSE("(a; b) | c", "(pipe (sub (seq (cmd a) (cmd b))) (cmd c))");
	EXPECT_PARSE("case $x in a|b) c;; *) ;; esac",
		     "(case $x (item a b (cmd c)) (item *))");
	EXPECT_PARSE("f() { a; }", "(func f (group (cmd a)))");
	EXPECT_PARSE("echo if then fi", "(cmd echo if then fi)");
}

TEST(parse_incomplete_commands_ask_for_more)
{
	static const char *const cases[] = {
		"if a; then", "if a; then b; else", "a |", "a &&", "a ||", "while a; do b;",
		"for x in a b", "case x in", "{ a;", "(a;", "f()", "echo 'x", "a |\n",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		EXPECT_PARSE(cases[i], "INCOMPLETE");
}

TEST(parse_syntax_errors)
{
	static const char *const cases[] = {
		"a; ; b", ")", "if; then a; fi", "fi", "a && ;", "for 1x in a; do b; done",
		"a > ;", "| a", "case x in a b) ;; esac", "{ }", "if a; then b; done",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		EXPECT_PARSE(cases[i], "ERROR");
}

TEST(parse_here_documents)
{
	struct lexer lx;
	struct node *n;
	const char *err;
	const char *src = "cat <<A <<-'B'; echo x\nline $v\nA\n\tt\n\tB\nnext\n";

	EXPECT_PARSE("cat <<EOF\nbody\n", "INCOMPLETE");
	EXPECT_PARSE("cat <<EOF", "INCOMPLETE");
	EXPECT_PARSE("cat <<EOF\nbody\nEOF", "(cmd cat 0<<body\n)");
	lex_init(&lx, src);
	ASSERT_EQ(parse_line(&lx, &n, &err), P_OK);
	ASSERT_EQ(n->type, N_SEQ);
	ASSERT(n->a->redirs && n->a->redirs->next);
	EXPECT_STREQ(n->a->redirs->word, "line $v\n");
	EXPECT(!n->a->redirs->quoted);
	EXPECT_STREQ(n->a->redirs->next->word, "t\n");
	EXPECT(n->a->redirs->next->quoted);
	EXPECT_STREQ(src + lx.pos, "next\n");
	node_free(n);
}

TEST(parse_line_by_line_keeps_position)
{
	const char *src = "a; b\nif c\nthen d\nfi\ne\n";
	const char *expected[] = { "(seq (cmd a) (cmd b))", "(if (cmd c) (cmd d))", "(cmd e)" };
	struct lexer lx;
	size_t done = 0;
	int i;

	for (i = 0; i < 3; i++) {
		struct node *n;
		const char *err;
		char out[256];

		lex_init(&lx, src + done);
		ASSERT_EQ(parse_line(&lx, &n, &err), P_OK);
		dump(n, out, sizeof(out));
		EXPECT_STREQ(out, expected[i]);
		node_free(n);
		done += lx.pos;
	}
	lex_init(&lx, src + done);
	{
		struct node *n;
		const char *err;

		EXPECT_EQ(parse_line(&lx, &n, &err), P_EMPTY);
	}
}

TEST(parse_records_source_text)
{
	struct lexer lx;
	struct node *n;
	const char *err;

	lex_init(&lx, "  echo a  |  (b; c) > f  &\n");
	ASSERT_EQ(parse_line(&lx, &n, &err), P_OK);
	ASSERT_EQ(n->type, N_BG);
	EXPECT_STREQ(n->src, "echo a  |  (b; c) > f");
	ASSERT_EQ(n->a->type, N_PIPE);
	EXPECT_STREQ(n->a->kids[0]->src, "echo a");
	EXPECT_STREQ(n->a->kids[1]->src, "(b; c) > f");
	EXPECT_STREQ(n->a->kids[1]->name, "b; c");
	node_free(n);
}

/* ---- expansion ---- */

static const char *fake_lookup(const char *name)
{
	static const char *const vars[][2] = {
		{ "x", "a b" }, { "empty", "" }, { "star", "*" }, { "path", "/usr/lib/libc.a" },
		{ "HOME", "/home/me" }, { "n", "6" }, { "sp", "  lead  trail  " },
	};
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if (!strcmp(vars[i][0], name))
			return vars[i][1];
	return NULL;
}

static char assigned[64];

static int fake_assign(const char *name, const char *value)
{
	snprintf(assigned, sizeof(assigned), "%s=%s", name, value);
	return 0;
}

static char *fake_subst(const char *text, size_t len)
{
	char *s = malloc(len + 8);

	snprintf(s, len + 8, "<%.*s>\n\n", (int)len, text);
	return s;
}

static char *params[] = { "p 1", "p2", NULL };
static struct expand_ops fake = {
	.lookup = fake_lookup, .assign = fake_assign, .command_subst = fake_subst,
	.nparams = 2, .params = params, .arg0 = "sh", .status = 3, .pid = 42,
};

/* The fields of raw joined by '|', or "ERR". */
static void fields(const char *raw, char *out, size_t size)
{
	struct strv sv = { 0 };
	size_t used = 0;
	int i;

	xops = &fake;
	out[0] = '\0';
	if (expand_word(raw, &sv) < 0) {
		snprintf(out, size, "ERR");
		return;
	}
	for (i = 0; i < sv.n; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? "|" : "", sv.v[i]);
	if (!sv.n)
		snprintf(out, size, "(none)");
	strv_free(&sv);
}

#define EXPECT_FIELDS(raw, want)				\
	do {							\
		char out_[512];					\
		fields(raw, out_, sizeof(out_));		\
		EXPECT_STREQ(out_, want);			\
	} while (0)

TEST(expand_quotes)
{
	EXPECT_FIELDS("'a b'", "a b");
	EXPECT_FIELDS("\"a  b\"", "a  b");
	EXPECT_FIELDS("a\\ b", "a b");
	EXPECT_FIELDS("'$x'", "$x");
	EXPECT_FIELDS("\"\\$x \\\" \\a\"", "$x \" \\a");
	EXPECT_FIELDS("a\"b\"'c'", "abc");
	EXPECT_FIELDS("\"\"", "");
	EXPECT_FIELDS("''", "");
	EXPECT_FIELDS("$", "$");
}

TEST(expand_parameters_and_splitting)
{
	EXPECT_FIELDS("$x", "a|b");
	EXPECT_FIELDS("\"$x\"", "a b");
	EXPECT_FIELDS("${x}c", "a|bc");
	EXPECT_FIELDS("$empty", "(none)");
	EXPECT_FIELDS("\"$empty\"", "");
	EXPECT_FIELDS("a${empty}b", "ab");
	EXPECT_FIELDS("$sp", "lead|trail");
	EXPECT_FIELDS("[$sp]", "[|lead|trail|]");
	EXPECT_FIELDS("$unset", "(none)");
	EXPECT_FIELDS("$?.$$.$#.$0.$1", "3.42.2.sh.p|1");
	EXPECT_FIELDS("\"$1\" \"$3\"", "p 1 ");
}

TEST(expand_at_and_star)
{
	EXPECT_FIELDS("\"$@\"", "p 1|p2");
	EXPECT_FIELDS("$@", "p|1|p2");
	EXPECT_FIELDS("\"$*\"", "p 1 p2");
	EXPECT_FIELDS("\"<$@>\"", "<p 1|p2>");
	EXPECT_FIELDS("\"${@}\"", "p 1|p2");
	fake.nparams = 0;
	EXPECT_FIELDS("\"$@\"", "(none)");
	EXPECT_FIELDS("\"$*\"", "");
	fake.nparams = 2;
}

TEST(expand_braced_forms)
{
	EXPECT_FIELDS("${unset-d e}", "d|e");
	EXPECT_FIELDS("\"${unset-d e}\"", "d e");
	EXPECT_FIELDS("${empty-d}", "(none)");
	EXPECT_FIELDS("${empty:-d}", "d");
	EXPECT_FIELDS("${x:+set}", "set");
	EXPECT_FIELDS("${unset:+set}", "(none)");
	EXPECT_FIELDS("${#x}", "3");
	EXPECT_FIELDS("${#}", "2");
	EXPECT_FIELDS("${path##*/}", "libc.a");
	EXPECT_FIELDS("${path#*/}", "usr/lib/libc.a");
	EXPECT_FIELDS("${path%/*}", "/usr/lib");
	EXPECT_FIELDS("${path%%/*}", "(none)");
	EXPECT_FIELDS("${path%.\"a\"}", "/usr/lib/libc");
	assigned[0] = '\0';
	EXPECT_FIELDS("${new:=val}", "val");
	EXPECT_STREQ(assigned, "new=val");
	EXPECT_FIELDS("${unset?}", "ERR");
	EXPECT_FIELDS("${x!}", "ERR");
}

TEST(expand_substitutions)
{
	EXPECT_FIELDS("$(cmd a)", "<cmd|a>");
	EXPECT_FIELDS("\"$(cmd a)\"", "<cmd a>");
	EXPECT_FIELDS("`cmd \\$x`", "<cmd|$x>");
	EXPECT_FIELDS("x$(a (b) c)y", "x<a|(b)|c>y");
	EXPECT_FIELDS("$((1 + 2 * 3))", "7");
	EXPECT_FIELDS("$((n * $n))", "36");
	EXPECT_FIELDS("$((1 / 0))", "ERR");
	EXPECT_FIELDS("~", "/home/me");
	EXPECT_FIELDS("~/bin", "/home/me/bin");
	EXPECT_FIELDS("a~", "a~");
	EXPECT_FIELDS("\"~\"", "~");
}

TEST(expand_single_and_pattern)
{
	char *s;

	xops = &fake;
	s = expand_single("$x\"$@\"");
	EXPECT_STREQ(s, "a bp 1 p2");
	free(s);
	s = expand_pattern("a*\"*?\"$star");
	EXPECT_STREQ(s, "a*\\*\\?*");
	free(s);
}

/* ---- arithmetic ---- */

static long arith(const char *e)
{
	const char *err;
	long v = -999;

	xops = &fake;
	EXPECT_EQ(arith_eval(e, &v, &err), 0);
	return v;
}

static bool arith_fails(const char *e)
{
	const char *err = NULL;
	long v;

	xops = &fake;
	return arith_eval(e, &v, &err) < 0 && err;
}

TEST(arith_precedence_and_operators)
{
	EXPECT_EQ(arith("1 + 2 * 3"), 7);
	EXPECT_EQ(arith("(1 + 2) * 3"), 9);
	EXPECT_EQ(arith("10 - 4 - 3"), 3);
	EXPECT_EQ(arith("7 / 2 + 7 % 2"), 4);
	EXPECT_EQ(arith("-3 + +2"), -1);
	EXPECT_EQ(arith("!0 + !5 + ~0"), 0);
	EXPECT_EQ(arith("1 << 4 | 1"), 17);
	EXPECT_EQ(arith("6 & 3 ^ 1"), 3);
	EXPECT_EQ(arith("2 < 3 && 3 <= 3 && 4 > 3 && 4 >= 5 || 1 == 1"), 1);
	EXPECT_EQ(arith("1 != 1"), 0);
	EXPECT_EQ(arith("0 ? 1 : n ? 2 : 3"), 2);
	EXPECT_EQ(arith("0x1f + 010"), 39);
	EXPECT_EQ(arith("n * n"), 36);
	EXPECT_EQ(arith("unset + empty"), 0);
}

TEST(arith_errors)
{
	EXPECT(arith_fails("1 +"));
	EXPECT(arith_fails("(1"));
	EXPECT(arith_fails("1 / 0"));
	EXPECT(arith_fails("1 % 0"));
	EXPECT(arith_fails("1 2"));
	EXPECT(arith_fails("$"));
	EXPECT(arith_fails(""));
}

/* ---- pathname expansion ---- */

TEST(glob_matches_sorted_and_skips_dot_files)
{
	char dir[] = "/tmp/test_sh.XXXXXX", path[512], pat[512];
	static const char *const files[] = { "b.c", "a.c", ".hidden.c", "c.h", "sub/x.c" };
	struct strv sv = { 0 };
	size_t i;

	ASSERT(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/sub", dir);
	mkdir(path, 0755);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		f = fopen(path, "w");
		ASSERT(f != NULL);
		fclose(f);
	}
	snprintf(pat, sizeof(pat), "%s/*.c", dir);
	EXPECT_EQ(glob_expand(pat, &sv), 2);
	if (sv.n == 2) {
		EXPECT(strstr(sv.v[0], "/a.c") != NULL);
		EXPECT(strstr(sv.v[1], "/b.c") != NULL);
	}
	strv_free(&sv);
	snprintf(pat, sizeof(pat), "%s/*/?.c", dir);
	EXPECT_EQ(glob_expand(pat, &sv), 1);
	strv_free(&sv);
	snprintf(pat, sizeof(pat), "%s/.*.c", dir);
	EXPECT_EQ(glob_expand(pat, &sv), 1);
	strv_free(&sv);
	snprintf(pat, sizeof(pat), "%s/\\*.c", dir);
	EXPECT_EQ(glob_expand(pat, &sv), 0);
	strv_free(&sv);
	snprintf(pat, sizeof(pat), "%s/[ab].[ch]", dir);
	EXPECT_EQ(glob_expand(pat, &sv), 2);
	strv_free(&sv);
	/* Through expand_word: no match keeps the word; quoted never globs. */
	xops = &fake;
	snprintf(pat, sizeof(pat), "%s/*.none", dir);
	EXPECT_EQ(expand_word(pat, &sv), 0);
	EXPECT_EQ(sv.n, 1);
	if (sv.n == 1)
		EXPECT_STREQ(sv.v[0], pat);
	strv_free(&sv);
	snprintf(pat, sizeof(pat), "\"%s/*.c\"", dir);
	EXPECT_EQ(expand_word(pat, &sv), 0);
	EXPECT_EQ(sv.n, 1);
	strv_free(&sv);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/sub", dir);
	rmdir(path);
	rmdir(dir);
}

TEST_MAIN()
