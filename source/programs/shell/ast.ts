// The POSIX shell subset podplay runs, as plain data: it lives in a process's parameters, so a
// world holding a running script still round-trips through JSON.

/** A piece of a word: literal text, a variable, a command substitution or arithmetic. */
export type Part =
	| {t: 'lit'; v: string; quoted?: boolean}
	| {t: 'var'; name: string; quoted?: boolean}
	| {t: 'cmdsub'; body: List; quoted?: boolean}
	| {t: 'arith'; expr: string; quoted?: boolean};

export type Word = Part[];

export type Redir = {fd: number; op: '>' | '>>' | '<' | '>&'; target: Word};

export type Simple = {
	t: 'simple';
	assigns: {name: string; value: Word}[];
	words: Word[];
	redirs: Redir[];
	/** R-EXEC-5: this command is in the position the shell flavour execs instead of forking. */
	tail?: boolean;
};

export type Command =
	| Simple
	| {t: 'if'; clauses: {cond: List; body: List}[]; otherwise?: List; redirs: Redir[]}
	| {t: 'loop'; until: boolean; cond: List; body: List; redirs: Redir[]}
	| {t: 'for'; name: string; items?: Word[]; body: List; redirs: Redir[]}
	| {t: 'case'; word: Word; arms: {patterns: Word[]; body: List}[]; redirs: Redir[]}
	| {t: 'group'; body: List; subshell: boolean; redirs: Redir[]};

export type Pipeline = {negate: boolean; commands: Command[]};

export type AndOr = {first: Pipeline; rest: {op: '&&' | '||'; pipeline: Pipeline}[]};

export type Item = {andOr: AndOr; background: boolean};

export type List = Item[];
