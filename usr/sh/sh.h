/* SPDX-License-Identifier: MIT */
/*
 * Tern's shell: the interfaces between its parts.
 *
 *	input.c   lines from a file descriptor or a string; the tty line editor
 *	lex.c     text -> tokens (words keep their quotes for expand.c)
 *	parse.c   tokens -> a tree of struct node (here-document texts included)
 *	expand.c  a word -> fields ($var, $(...), $((...)), quotes, splitting)
 *	glob.c    pathname expansion; arith.c $((...))
 *	var.c     shell variables, the environment, positional parameters
 *	exec.c    running a tree in the shell: builtins, functions, loops
 *	launch.c  children: vfork + execve, fork or a re-run sh -c; pipelines
 *	redir.c   redirections, in a vfork child or saved and undone in the shell
 *	jobs.c    the job table, the terminal's foreground process group
 *	builtin.c cd, export, wait, fg, ... ; test.c the test/[ builtin
 *	main.c    options, the read-parse-run loop
 *
 * lex.c, parse.c, expand.c (less command substitution) and arith.c are
 * pure logic; tests/sh/ runs them on the host.
 */
#ifndef SH_H
#define SH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* lex.c */
enum tok {
	T_EOF, T_WORD, T_NL, T_SEMI, T_AMP, T_PIPE, T_AND, T_OR, T_LPAREN, T_RPAREN,
	T_DSEMI, T_LESS, T_GREAT, T_DGREAT, T_LESSAND, T_GREATAND, T_LESSGREAT,
	T_DLESS, T_DLESSDASH, T_CLOBBER, T_ERROR, T_INCOMPLETE,
};

struct lexer {
	const char *src;	/* the whole text being parsed, NUL-terminated */
	size_t pos;		/* next character to read */
	enum tok tok;		/* the current token */
	size_t start, end;	/* its extent in src */
	int io_number;		/* fd before a redirection operator, or -1 */
	const char *error;	/* why T_ERROR */
};

void lex_init(struct lexer *lx, const char *src);
enum tok lex_next(struct lexer *lx);
/* End of the word starting at s (quotes, $(...), `...` skipped), or NULL if unterminated. */
const char *lex_word_end(const char *s);
/* End of the $(...) or $((...)) whose '(' is at s[0]; NULL if unterminated. */
const char *lex_paren_end(const char *s);
/* End of the ${...} whose '{' is at s[0]; NULL if unterminated. */
const char *lex_brace_end(const char *s);

/* parse.c */
enum node_type {
	N_CMD, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_NOT, N_IF, N_WHILE, N_UNTIL,
	N_FOR, N_SUBSHELL, N_GROUP, N_FUNC, N_CASE, N_CASEITEM,
};

enum redir_type { R_IN, R_OUT, R_APPEND, R_DUPIN, R_DUPOUT, R_RDWR, R_HEREDOC };

struct redir {
	enum redir_type type;
	int fd;			/* the descriptor redirected */
	char *word;		/* raw word: file name, fd / "-" for R_DUP*, R_HEREDOC's text */
	bool quoted;		/* R_HEREDOC: the delimiter was quoted, no expansion */
	bool strip_tabs;	/* R_HEREDOC: <<- */
	struct redir *next;
};

/*
 * N_CMD: words (raw, NULL-terminated, argv-to-be), assigns (raw NAME=value),
 * redirs.  N_PIPE: kids[0..nkids).  N_AND N_OR N_SEQ: a, b.  N_BG N_NOT:
 * a.  N_IF: a cond, b then, c else (or NULL).  N_WHILE N_UNTIL: a cond, b
 * body.  N_FOR: name, words (NULL: "$@"), b body.  N_SUBSHELL N_GROUP: a.
 * N_SUBSHELL: name is the text inside the ( ).  N_FUNC: name, a body.  N_CASE: name (the word), kids (N_CASEITEM:
 * words the patterns, a the body or NULL).  src is the command's own text, for running it
 * in a new shell where there is no fork; redirs are those after a
 * compound command.
 */
struct node {
	enum node_type type;
	struct node *a, *b, *c;
	struct node **kids;
	int nkids;
	char **words;
	char **assigns;
	char *name;
	struct redir *redirs;
	char *src;
};

enum parse_status { P_OK, P_EMPTY, P_INCOMPLETE, P_ERROR };

/*
 * Parses the next complete command line of lx (an and-or list up to a
 * newline, with its ';' '&' separators) into *out.  P_EMPTY: nothing but
 * blank lines and comments left.  P_INCOMPLETE: the text ends inside a
 * command (more lines needed).  P_ERROR: *errmsg says why.
 */
enum parse_status parse_line(struct lexer *lx, struct node **out, const char **errmsg);
void node_free(struct node *n);
bool is_name(const char *s, size_t len);

/* expand.c */
struct strv {
	char **v;
	int n, cap;
};
void strv_push(struct strv *sv, char *s);
void strv_free(struct strv *sv);

/*
 * Expansion context: what expand.c asks of the rest of the shell, so the
 * host tests can supply their own.  lookup returns NULL for unset;
 * command_subst returns the output (malloc'd) or NULL on failure.
 */
struct expand_ops {
	const char *(*lookup)(const char *name);
	int (*assign)(const char *name, const char *value);
	char *(*command_subst)(const char *text, size_t len);
	int nparams;			/* $# */
	char **params;			/* $1.. */
	const char *arg0;		/* $0 */
	int status;			/* $? */
	long pid, bgpid;		/* $$, $! (0: unset) */
};
extern struct expand_ops *xops;

/* Word -> fields appended to out (splitting, globbing).  -1 on error (message printed). */
int expand_word(const char *raw, struct strv *out);
/* Word -> one string, no splitting nor globbing (assignments, redirections, case words). */
char *expand_single(const char *raw);
/* Word -> an fnmatch pattern: quoted characters escaped with '\\' (case patterns). */
char *expand_pattern(const char *raw);
/* Paths matching pattern (fnmatch syntax, '/'-separated), sorted; 0 if none. */
int glob_expand(const char *pattern, struct strv *out);

/* arith.c: evaluates expr; 0 or -1 with *err set. */
int arith_eval(const char *expr, long *value, const char **err);

/* var.c */
void var_init(char **envp);
const char *var_get(const char *name);
int var_set(const char *name, const char *value, bool export);
void var_export(const char *name);
int var_unset(const char *name);
/* NULL-terminated NAME=value array of the exported (all: every) variables. */
char **var_environ(bool all);
void var_print_exported(void);
void params_set(int n, char **v);	/* copies */
void params_shift(int n);
struct saved_params { int n; char **v; };
void params_save(struct saved_params *s);
void params_restore(struct saved_params *s);

/* input.c */
#include <signal.h>
/* ^C in an interactive shell: set by its SIGINT handler or a job killed by SIGINT. */
extern volatile sig_atomic_t sh_interrupted;
struct input;
struct input *input_fd(int fd, bool interactive);
struct input *input_string(const char *s);
/* Next line with its '\n' (malloc'd), NULL at end of input; *interrupted on ^C. */
char *input_line(struct input *in, const char *prompt, bool *interrupted);
void input_close(struct input *in);
void history_add(const char *line);

/* exec.c */
struct shell {
	bool interactive;	/* prompts, ^C handling */
	bool jobctl;		/* job control: process groups, the terminal handed over */
	bool have_fork;		/* fork() works (not the no-MMU kernel) */
	const char *self;	/* path of this program, for re-running the shell */
	int tty;		/* terminal fd (>= 10, cloexec) or -1 */
	pid_t pgid;		/* the shell's own process group */
	int status;		/* $? */
	int subst_status;	/* status of the last command substitution */
	int loop_depth;		/* enclosing loops */
	int breaking;		/* loops left to break */
	bool continuing;	/* continue the innermost broken loop */
	bool exiting;		/* exit requested */
	bool returning;		/* return from a function or a sourced file */
	int func_depth;		/* functions and sourced files running: return works */
	int exit_status;
};
extern struct shell sh;

static inline void set_status(int status)
{
	sh.status = status;
	xops->status = status;
}

int run_node(struct node *n);
int run_input(struct input *in);	/* read, parse and run to its end */
int run_text(const char *text);
int run_file(const char *path, bool report);	/* -1: cannot open */
char *run_command_subst(const char *text, size_t len);
void sh_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* jobs.c */
struct job;
struct job *job_new(pid_t pgid, const char *cmd, bool background);
void job_add_pid(struct job *j, pid_t pid);
/* Waits for a foreground job (gives it the terminal if job control is on). */
int job_wait_fg(struct job *j);
void jobs_reap(bool report);
int job_wait_all(void);
int job_wait_id(const char *spec);
pid_t job_pgid(const char *spec);
int jobs_builtin(int argc, char **argv);
int fg_builtin(int argc, char **argv);
int bg_builtin(int argc, char **argv);
void job_init_signals(void);
void jobs_forget(void);	/* a child shell: the table is the parent's */
int job_id(struct job *j);

/* builtin.c */
typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn builtin_find(const char *name);
bool builtin_special(const char *name);
int test_builtin(int argc, char **argv);

/* functions (exec.c) */
struct node *func_find(const char *name);
/* The definitions of every function, then script: for a new shell (no fork). */
char *funcs_text(const char *script);

#endif
