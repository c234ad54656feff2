// SPDX-License-Identifier: MIT
/*
 * The shell's parser: recursive descent over lex.c's tokens, one command
 * line at a time (a line may span several: an open if/while/for/case,
 * quotes, or a trailing && | pipe make it P_INCOMPLETE until its end
 * is in the text).
 *
 *	line     := and_or ((';' | '&') and_or)* [';' | '&'] (NL | EOF)
 *	and_or   := pipeline (('&&' | '||') NL* pipeline)*
 *	pipeline := ['!'] command ('|' NL* command)*
 *	command  := simple | compound redir* | NAME '(' ')' NL* compound
 *	compound := '(' list ')' | '{' list '}' | if | while | until | for | case
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct parser {
	struct lexer lx;
	enum parse_status status;	/* P_OK until the first failure */
	const char *err;
	size_t last_end;		/* end of the last token consumed */
	struct redir *here[16];		/* here-documents whose text follows the line */
	int nhere;
};

static bool fail(struct parser *p, const char *why);

static bool is_quoted(const char *s)
{
	return strpbrk(s, "'\"\\") != NULL;
}

/* The delimiter without its quotes. */
static char *unquote(const char *s)
{
	char *r = malloc(strlen(s) + 1), *q = r;

	if (!r)
		abort();
	for (; *s; s++) {
		if (*s == '\'' || *s == '"')
			continue;
		if (*s == '\\' && s[1])
			s++;
		*q++ = *s;
	}
	*q = '\0';
	return r;
}

/*
 * At a newline with here-documents pending: their texts are the lines
 * that follow, each up to its delimiter line; the lexer goes on after.
 */
static void read_here_docs(struct parser *p)
{
	const char *s = p->lx.src + p->lx.pos;
	int i;

	for (i = 0; i < p->nhere; i++) {
		struct redir *r = p->here[i];
		char *delim = unquote(r->word);
		size_t dlen = strlen(delim), used = 0;
		char *body = calloc(1, 1);

		r->quoted = is_quoted(r->word);
		for (;;) {
			const char *nl = strchr(s, '\n'), *line = s;
			size_t len;

			if (!nl && *s && !strcmp(line + (r->strip_tabs ? strspn(line, "\t") : 0),
						 delim)) {
				s += strlen(s);	/* the delimiter ends the text */
				break;
			}
			if (!nl) {
				free(delim);
				free(body);
				p->lx.tok = T_EOF;
				fail(p, "here-document");	/* incomplete: more lines */
				p->nhere = 0;
				return;
			}
			if (r->strip_tabs)
				while (*line == '\t')
					line++;
			len = (size_t)(nl - line);
			s = nl + 1;
			if (len == dlen && !memcmp(line, delim, dlen))
				break;
			body = realloc(body, used + len + 2);
			if (!body)
				abort();
			memcpy(body + used, line, len + 1);
			used += len + 1;
			body[used] = '\0';
		}
		free(delim);
		free(r->word);
		r->word = body;
	}
	p->nhere = 0;
	p->lx.pos = (size_t)(s - p->lx.src);
}

static void next(struct parser *p)
{
	p->last_end = p->lx.end;
	if (p->lx.tok == T_NL && p->nhere)
		read_here_docs(p);
	if (p->status == P_OK)
		lex_next(&p->lx);
}

static bool fail(struct parser *p, const char *why)
{
	if (p->status == P_OK) {
		if (p->lx.tok == T_EOF || p->lx.tok == T_INCOMPLETE) {
			p->status = P_INCOMPLETE;
		} else {
			p->status = P_ERROR;
			p->err = p->lx.tok == T_ERROR ? p->lx.error : why;
		}
	}
	return false;
}

static bool is_word(struct parser *p, const char *w)
{
	size_t len = p->lx.end - p->lx.start;

	return p->lx.tok == T_WORD && len == strlen(w) &&
	       !memcmp(p->lx.src + p->lx.start, w, len);
}

static const char *const reserved_ends[] = {
	"then", "elif", "else", "fi", "do", "done", "}", "esac", NULL,
};

static bool at_list_end(struct parser *p)
{
	int i;

	if (p->lx.tok == T_RPAREN || p->lx.tok == T_DSEMI || p->lx.tok == T_EOF ||
	    p->lx.tok == T_INCOMPLETE)
		return true;
	for (i = 0; reserved_ends[i]; i++)
		if (is_word(p, reserved_ends[i]))
			return true;
	return false;
}

static bool expect_word(struct parser *p, const char *w)
{
	if (!is_word(p, w))
		return fail(p, w);
	next(p);
	return true;
}

static void skip_nl(struct parser *p)
{
	while (p->lx.tok == T_NL)
		next(p);
}

static char *tok_text(struct parser *p)
{
	return strndup(p->lx.src + p->lx.start, p->lx.end - p->lx.start);
}

static struct node *new_node(enum node_type type)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n)
		abort();
	n->type = type;
	return n;
}

bool is_name(const char *s, size_t len)
{
	size_t i;

	if (!len || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return false;
	for (i = 1; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return false;
	return true;
}

static void free_strs(char **v)
{
	char **w;

	for (w = v; w && *w; w++)
		free(*w);
	free(v);
}

void node_free(struct node *n)
{
	struct redir *r, *rn;
	int i;

	if (!n)
		return;
	node_free(n->a);
	node_free(n->b);
	node_free(n->c);
	for (i = 0; i < n->nkids; i++)
		node_free(n->kids[i]);
	free(n->kids);
	free_strs(n->words);
	free_strs(n->assigns);
	free(n->name);
	free(n->src);
	for (r = n->redirs; r; r = rn) {
		rn = r->next;
		free(r->word);
		free(r);
	}
	free(n);
}

static void push_str(char ***v, int *n, char *s)
{
	*v = realloc(*v, sizeof(**v) * (size_t)(*n + 2));
	if (!*v)
		abort();
	(*v)[(*n)++] = s;
	(*v)[*n] = NULL;
}

static void push_kid(struct node *n, struct node *kid)
{
	n->kids = realloc(n->kids, sizeof(*n->kids) * (size_t)(n->nkids + 1));
	if (!n->kids)
		abort();
	n->kids[n->nkids++] = kid;
}

static struct node *and_or(struct parser *p);
static struct node *command(struct parser *p);
static struct node *background(struct node *n);
static struct node *sequence(struct node *a, struct node *b);

/* A compound list: and_ors separated by ; & or newlines, up to a reserved end. */
static struct node *list(struct parser *p)
{
	struct node *head = NULL;

	skip_nl(p);
	while (!at_list_end(p)) {
		struct node *n = and_or(p);

		if (!n) {
			node_free(head);
			return NULL;
		}
		if (p->lx.tok == T_AMP)
			n = background(n);
		head = sequence(head, n);
		if (p->lx.tok == T_SEMI || p->lx.tok == T_AMP || p->lx.tok == T_NL)
			next(p);
		else if (!at_list_end(p))
			break;
		skip_nl(p);
	}
	if (!head)
		fail(p, "empty command list");
	else if (p->status != P_OK)
		head = (node_free(head), NULL);
	return head;
}

static struct node *if_clause(struct parser *p)
{
	struct node *n = new_node(N_IF);

	next(p);	/* if or elif */
	if (!(n->a = list(p)) || !expect_word(p, "then") || !(n->b = list(p)))
		goto bad;
	if (is_word(p, "elif")) {
		if (!(n->c = if_clause(p)))
			goto bad;
		return n;	/* the inner clause took the fi */
	}
	if (is_word(p, "else")) {
		next(p);
		if (!(n->c = list(p)))
			goto bad;
	}
	if (expect_word(p, "fi"))
		return n;
bad:
	node_free(n);
	return NULL;
}

static struct node *while_clause(struct parser *p, enum node_type type)
{
	struct node *n = new_node(type);

	next(p);
	if ((n->a = list(p)) && expect_word(p, "do") && (n->b = list(p)) &&
	    expect_word(p, "done"))
		return n;
	node_free(n);
	return NULL;
}

static struct node *for_clause(struct parser *p)
{
	struct node *n = new_node(N_FOR);
	int nw = 0;

	next(p);
	if (p->lx.tok != T_WORD || !is_name(p->lx.src + p->lx.start, p->lx.end - p->lx.start)) {
		fail(p, "bad for variable");
		goto bad;
	}
	n->name = tok_text(p);
	next(p);
	skip_nl(p);
	if (is_word(p, "in")) {
		next(p);
		n->words = calloc(1, sizeof(char *));
		while (p->lx.tok == T_WORD) {
			push_str(&n->words, &nw, tok_text(p));
			next(p);
		}
		if (p->lx.tok != T_SEMI && p->lx.tok != T_NL) {
			fail(p, "for: ; or newline expected");
			goto bad;
		}
		next(p);
	} else if (p->lx.tok == T_SEMI) {
		next(p);
	}
	skip_nl(p);
	if (expect_word(p, "do") && (n->b = list(p)) && expect_word(p, "done"))
		return n;
bad:
	node_free(n);
	return NULL;
}

static struct node *case_item(struct parser *p)
{
	struct node *it = new_node(N_CASEITEM);
	int nw = 0;

	if (p->lx.tok == T_LPAREN)
		next(p);
	for (;;) {
		if (p->lx.tok != T_WORD) {
			fail(p, "case: pattern expected");
			goto bad;
		}
		push_str(&it->words, &nw, tok_text(p));
		next(p);
		if (p->lx.tok != T_PIPE)
			break;
		next(p);
	}
	if (p->lx.tok != T_RPAREN) {
		fail(p, "case: ) expected");
		goto bad;
	}
	next(p);
	skip_nl(p);
	if (p->lx.tok != T_DSEMI && !is_word(p, "esac") && !(it->a = list(p)))
		goto bad;
	if (p->lx.tok == T_DSEMI)
		next(p);
	else if (!is_word(p, "esac")) {
		fail(p, "case: ;; expected");
		goto bad;
	}
	skip_nl(p);
	return it;
bad:
	node_free(it);
	return NULL;
}

static struct node *case_clause(struct parser *p)
{
	struct node *n = new_node(N_CASE);

	next(p);
	if (p->lx.tok != T_WORD) {
		fail(p, "case: word expected");
		goto bad;
	}
	n->name = tok_text(p);
	next(p);
	skip_nl(p);
	if (!expect_word(p, "in"))
		goto bad;
	skip_nl(p);
	while (!is_word(p, "esac")) {
		struct node *it = case_item(p);

		if (!it)
			goto bad;
		push_kid(n, it);
	}
	next(p);
	return n;
bad:
	node_free(n);
	return NULL;
}

static struct node *group(struct parser *p, enum node_type type)
{
	struct node *n = new_node(type);
	size_t start;

	next(p);
	start = p->lx.start;
	if (!(n->a = list(p)))
		goto bad;
	if (type == N_SUBSHELL) {
		n->name = strndup(p->lx.src + start, p->last_end - start);
		if (p->lx.tok != T_RPAREN) {
			fail(p, ") expected");
			goto bad;
		}
		next(p);
	} else if (!expect_word(p, "}")) {
		goto bad;
	}
	return n;
bad:
	node_free(n);
	return NULL;
}

static bool is_redir(enum tok t)
{
	return t >= T_LESS && t <= T_CLOBBER;
}

static bool redirection(struct parser *p, struct redir ***tail)
{
	static const struct {
		enum redir_type type;
		int fd;
	} map[] = {
		[T_LESS] = { R_IN, 0 }, [T_GREAT] = { R_OUT, 1 }, [T_DGREAT] = { R_APPEND, 1 },
		[T_LESSAND] = { R_DUPIN, 0 }, [T_GREATAND] = { R_DUPOUT, 1 },
		[T_LESSGREAT] = { R_RDWR, 0 }, [T_CLOBBER] = { R_OUT, 1 },
		[T_DLESS] = { R_HEREDOC, 0 }, [T_DLESSDASH] = { R_HEREDOC, 0 },
	};
	struct redir *r = calloc(1, sizeof(*r));
	enum tok t = p->lx.tok;

	if (!r)
		abort();
	r->type = map[t].type;
	r->fd = p->lx.io_number >= 0 ? p->lx.io_number : map[t].fd;
	next(p);
	if (p->lx.tok != T_WORD) {
		free(r);
		return fail(p, "redirection: file name expected");
	}
	r->word = tok_text(p);
	if (r->type == R_HEREDOC) {
		if (p->nhere == (int)(sizeof(p->here) / sizeof(p->here[0]))) {
			free(r->word);
			free(r);
			return fail(p, "too many here-documents");
		}
		r->strip_tabs = t == T_DLESSDASH;
		p->here[p->nhere++] = r;
	}
	next(p);
	**tail = r;
	*tail = &r->next;
	return true;
}

static bool redirections(struct parser *p, struct node *n)
{
	struct redir **tail = &n->redirs;

	while (*tail)
		tail = &(*tail)->next;
	while (is_redir(p->lx.tok))
		if (!redirection(p, &tail))
			return false;
	return true;
}

static bool is_assignment(const char *s, size_t len)
{
	const char *eq = memchr(s, '=', len);

	return eq && is_name(s, (size_t)(eq - s));
}

static struct node *function(struct parser *p, struct node *n)
{
	struct node *body;

	next(p);	/* ( */
	if (p->lx.tok != T_RPAREN) {
		fail(p, "function: ) expected");
		goto bad;
	}
	next(p);
	skip_nl(p);
	n->type = N_FUNC;
	n->name = n->words[0];
	free(n->words);
	n->words = NULL;
	body = command(p);
	if (!body)
		goto bad;
	n->a = body;
	return n;
bad:
	node_free(n);
	return NULL;
}

static struct node *simple(struct parser *p)
{
	struct node *n = new_node(N_CMD);
	struct redir **rtail = &n->redirs;
	int nw = 0, na = 0;

	n->words = calloc(1, sizeof(char *));
	for (;;) {
		if (p->lx.tok == T_WORD) {
			const char *s = p->lx.src + p->lx.start;
			size_t len = p->lx.end - p->lx.start;

			if (!nw && is_assignment(s, len))
				push_str(&n->assigns, &na, tok_text(p));
			else
				push_str(&n->words, &nw, tok_text(p));
			next(p);
			if (nw == 1 && !na && !n->redirs && p->lx.tok == T_LPAREN)
				return function(p, n);
		} else if (is_redir(p->lx.tok)) {
			if (!redirection(p, &rtail))
				goto bad;
		} else {
			break;
		}
	}
	if (nw || na || n->redirs)
		return n;
	fail(p, "command expected");
bad:
	node_free(n);
	return NULL;
}

static struct node *command(struct parser *p)
{
	struct node *n;
	size_t start = p->lx.start;

	if (p->lx.tok == T_LPAREN)
		n = group(p, N_SUBSHELL);
	else if (is_word(p, "{"))
		n = group(p, N_GROUP);
	else if (is_word(p, "if"))
		n = if_clause(p);
	else if (is_word(p, "while"))
		n = while_clause(p, N_WHILE);
	else if (is_word(p, "until"))
		n = while_clause(p, N_UNTIL);
	else if (is_word(p, "for"))
		n = for_clause(p);
	else if (is_word(p, "case"))
		n = case_clause(p);
	else if (at_list_end(p) || (p->lx.tok != T_WORD && !is_redir(p->lx.tok)))
		return fail(p, "unexpected token"), NULL;
	else
		return (n = simple(p)) ? (n->src = strndup(p->lx.src + start, p->last_end - start), n)
				       : NULL;
	if (n && !redirections(p, n))
		n = (node_free(n), NULL);
	if (n)
		n->src = strndup(p->lx.src + start, p->last_end - start);
	return n;
}

static struct node *pipeline(struct parser *p)
{
	struct node *n, *pipe = NULL;
	bool bang = false;

	if (is_word(p, "!")) {
		bang = true;
		next(p);
	}
	if (!(n = command(p)))
		return NULL;
	while (p->lx.tok == T_PIPE) {
		if (!pipe) {
			pipe = new_node(N_PIPE);
			push_kid(pipe, n);
		}
		next(p);
		skip_nl(p);
		if (!(n = command(p))) {
			node_free(pipe);
			return NULL;
		}
		push_kid(pipe, n);
	}
	if (pipe)
		n = pipe;
	if (bang) {
		struct node *not = new_node(N_NOT);

		not->a = n;
		n = not;
	}
	return n;
}

static struct node *and_or(struct parser *p)
{
	size_t start = p->lx.start;
	struct node *n = pipeline(p);

	while (n && (p->lx.tok == T_AND || p->lx.tok == T_OR)) {
		struct node *op = new_node(p->lx.tok == T_AND ? N_AND : N_OR);

		op->a = n;
		n = op;
		next(p);
		skip_nl(p);
		if (!(op->b = pipeline(p)))
			n = (node_free(n), NULL);
	}
	if (n && !n->src)
		n->src = strndup(p->lx.src + start, p->last_end - start);
	return n;
}

static struct node *background(struct node *n)
{
	struct node *bg = new_node(N_BG);

	bg->a = n;
	bg->src = n->src ? strdup(n->src) : NULL;
	return bg;
}

static struct node *sequence(struct node *a, struct node *b)
{
	struct node *seq;

	if (!a)
		return b;
	seq = new_node(N_SEQ);
	seq->a = a;
	seq->b = b;
	return seq;
}

/* and_ors up to the newline, which is left as the current token (not read past). */
static struct node *list_line(struct parser *p)
{
	struct node *head = NULL;

	for (;;) {
		struct node *n = and_or(p);

		if (!n)
			break;
		if (p->lx.tok == T_AMP)
			n = background(n);
		head = sequence(head, n);
		if (p->lx.tok == T_SEMI || p->lx.tok == T_AMP)
			next(p);
		if (p->lx.tok == T_NL || p->lx.tok == T_EOF)
			return head;
		if (!n->src && n->type != N_BG) {
			fail(p, "unexpected token");
			break;
		}
	}
	node_free(head);
	return NULL;
}

enum parse_status parse_line(struct lexer *lx, struct node **out, const char **errmsg)
{
	struct parser p = { .lx = *lx, .status = P_OK };
	struct node *n;

	*out = NULL;
	lex_next(&p.lx);
	skip_nl(&p);
	if (p.lx.tok == T_EOF) {
		*lx = p.lx;
		return P_EMPTY;
	}
	n = list_line(&p);
	if (p.status == P_OK && p.nhere)
		read_here_docs(&p);
	if (p.status != P_OK) {
		node_free(n);
		*errmsg = p.err;
		return p.status;
	}
	*lx = p.lx;	/* just past the newline */
	*out = n;
	return P_OK;
}
