// A parser for the POSIX shell subset podplay simulates (R-EXEC-6): lists, `&&`/`||`, `&`,
// pipelines, `!`, if/while/until/for/case, `{ }`, `( )`, assignments, quoting, `$VAR`, `${VAR}`,
// `$(…)`, `$((…))` and redirections. Anything else (functions, here-documents, backquotes, `${X:-y}`
// and the like) is refused with a sentence, which the caller shows as a note rather than running
// something else.
import type {AndOr, Command, Item, List, Part, Pipeline, Redir, Simple, Word} from './ast.js';

export type ParseResult = {ok: true; list: List} | {ok: false; error: string};

class Unsupported extends Error {}

const reserved = new Set([
	'if',
	'then',
	'else',
	'elif',
	'fi',
	'do',
	'done',
	'while',
	'until',
	'for',
	'in',
	'case',
	'esac',
	'{',
	'}',
	'!',
]);

type Token = {k: 'word'; word: Word; raw: string} | {k: 'op'; v: string} | {k: 'nl'} | {k: 'eof'};

export function parseShell(source: string): ParseResult {
	try {
		const parser = new Parser(source);
		const list = parser.program();
		return {ok: true, list};
	} catch (error) {
		if (error instanceof Unsupported) return {ok: false, error: error.message};
		throw error;
	}
}

const operators = ['&&', '||', ';;', '>>', '>&', '<<', ';', '&', '|', '(', ')', '<', '>'];

class Parser {
	private pos = 0;
	private peeked?: Token;

	constructor(private readonly src: string) {}

	program(): List {
		const list = this.list(() => false);
		const next = this.peek();
		if (next.k !== 'eof') throw new Unsupported(`unexpected ${describe(next)}`);
		return list;
	}

	// --- the grammar -------------------------------------------------------------------------

	private list(stop: (t: Token) => boolean): List {
		const items: Item[] = [];
		for (;;) {
			this.skipNewlines();
			const t = this.peek();
			if (t.k === 'eof' || stop(t) || (t.k === 'op' && (t.v === ')' || t.v === ';;'))) return items;
			const andOr = this.andOr();
			let background = false;
			const sep = this.peek();
			if (sep.k === 'op' && (sep.v === ';' || sep.v === '&')) {
				this.next();
				background = sep.v === '&';
			} else if (sep.k === 'nl') this.next();
			items.push({andOr, background});
			if (!(sep.k === 'op' && (sep.v === ';' || sep.v === '&')) && sep.k !== 'nl') {
				const after = this.peek();
				if (after.k !== 'eof' && !stop(after) && !(after.k === 'op' && (after.v === ')' || after.v === ';;')))
					throw new Unsupported(`unexpected ${describe(after)}`);
				return items;
			}
		}
	}

	private andOr(): AndOr {
		const first = this.pipeline();
		const rest: AndOr['rest'] = [];
		for (;;) {
			const t = this.peek();
			if (t.k !== 'op' || (t.v !== '&&' && t.v !== '||')) return {first, rest};
			this.next();
			this.skipNewlines();
			rest.push({op: t.v, pipeline: this.pipeline()});
		}
	}

	private pipeline(): Pipeline {
		let negate = false;
		if (this.isWord('!')) {
			this.next();
			negate = true;
		}
		const commands: Command[] = [this.command()];
		for (;;) {
			const t = this.peek();
			if (t.k !== 'op' || t.v !== '|') return {negate, commands};
			this.next();
			this.skipNewlines();
			commands.push(this.command());
		}
	}

	private command(): Command {
		const t = this.peek();
		if (t.k === 'op' && t.v === '(') {
			this.next();
			const body = this.list((x) => x.k === 'op' && x.v === ')');
			this.expectOp(')');
			return {t: 'group', body, subshell: true, redirs: this.redirs()};
		}
		if (t.k === 'word' && !t.word.some((p) => p.quoted)) {
			switch (t.raw) {
				case '{': {
					this.next();
					const body = this.list((x) => this.isWordToken(x, '}'));
					this.expectWord('}');
					return {t: 'group', body, subshell: false, redirs: this.redirs()};
				}
				case 'if':
					return this.ifCommand();
				case 'while':
				case 'until': {
					this.next();
					const cond = this.list((x) => this.isWordToken(x, 'do'));
					this.expectWord('do');
					const body = this.list((x) => this.isWordToken(x, 'done'));
					this.expectWord('done');
					return {t: 'loop', until: t.raw === 'until', cond, body, redirs: this.redirs()};
				}
				case 'for':
					return this.forCommand();
				case 'case':
					return this.caseCommand();
				case 'function':
					throw new Unsupported('shell functions are not simulated');
			}
			if (reserved.has(t.raw)) throw new Unsupported(`unexpected \`${t.raw}\``);
		}
		return this.simple();
	}

	private ifCommand(): Command {
		this.next();
		const clauses: {cond: List; body: List}[] = [];
		let otherwise: List | undefined;
		for (;;) {
			const cond = this.list((x) => this.isWordToken(x, 'then'));
			this.expectWord('then');
			const body = this.list((x) => ['elif', 'else', 'fi'].some((w) => this.isWordToken(x, w)));
			clauses.push({cond, body});
			const t = this.next();
			if (t.k === 'word' && t.raw === 'elif') continue;
			if (t.k === 'word' && t.raw === 'else') {
				otherwise = this.list((x) => this.isWordToken(x, 'fi'));
				this.expectWord('fi');
			} else if (!(t.k === 'word' && t.raw === 'fi')) throw new Unsupported('`if` without `fi`');
			break;
		}
		return {t: 'if', clauses, ...(otherwise ? {otherwise} : {}), redirs: this.redirs()};
	}

	private forCommand(): Command {
		this.next();
		const name = this.next();
		if (name.k !== 'word' || !/^[A-Za-z_]\w*$/.test(name.raw)) throw new Unsupported('`for` needs a name');
		this.skipNewlines();
		let items: Word[] | undefined;
		if (this.isWord('in')) {
			this.next();
			items = [];
			for (;;) {
				const t = this.peek();
				if (t.k !== 'word') break;
				this.next();
				items.push(t.word);
			}
			const sep = this.next();
			if (!(sep.k === 'nl' || (sep.k === 'op' && sep.v === ';')))
				throw new Unsupported('`for … in` needs `;`');
		} else if (this.peek().k === 'op' && (this.peek() as {v: string}).v === ';') this.next();
		this.skipNewlines();
		this.expectWord('do');
		const body = this.list((x) => this.isWordToken(x, 'done'));
		this.expectWord('done');
		return {t: 'for', name: name.raw, ...(items ? {items} : {}), body, redirs: this.redirs()};
	}

	private caseCommand(): Command {
		this.next();
		const word = this.next();
		if (word.k !== 'word') throw new Unsupported('`case` needs a word');
		this.skipNewlines();
		this.expectWord('in');
		const arms: {patterns: Word[]; body: List}[] = [];
		for (;;) {
			this.skipNewlines();
			if (this.isWord('esac')) {
				this.next();
				break;
			}
			const open = this.peek();
			if (open.k === 'op' && open.v === '(') this.next();
			const patterns: Word[] = [];
			for (;;) {
				const p = this.next();
				if (p.k !== 'word') throw new Unsupported('a `case` pattern is missing');
				patterns.push(p.word);
				const t = this.next();
				if (t.k === 'op' && t.v === '|') continue;
				if (t.k === 'op' && t.v === ')') break;
				throw new Unsupported('a `case` pattern needs `)`');
			}
			const body = this.list((x) => this.isWordToken(x, 'esac'));
			arms.push({patterns, body});
			const end = this.peek();
			if (end.k === 'op' && end.v === ';;') this.next();
		}
		return {t: 'case', word: word.word, arms, redirs: this.redirs()};
	}

	private simple(): Simple {
		const cmd: Simple = {t: 'simple', assigns: [], words: [], redirs: []};
		for (;;) {
			const t = this.peek();
			const redir = this.redir();
			if (redir) {
				cmd.redirs.push(redir);
				continue;
			}
			if (t.k !== 'word') break;
			if (cmd.words.length > 0 && reserved.has(t.raw) && !['!', '{', 'in'].includes(t.raw)) {
				if (
					['}', 'then', 'do', 'done', 'fi', 'esac', 'else', 'elif'].includes(t.raw) &&
					cmd.words.length === 0
				)
					break;
			}
			this.next();
			const assign = /^([A-Za-z_]\w*)=/.exec(t.raw);
			if (cmd.words.length === 0 && assign && t.word[0]?.t === 'lit' && !t.word[0].quoted) {
				cmd.assigns.push({name: assign[1]!, value: dropPrefix(t.word, assign[0].length)});
				continue;
			}
			if (cmd.words.length === 0 && t.raw.endsWith('()'))
				throw new Unsupported('shell functions are not simulated');
			cmd.words.push(t.word);
			const after = this.peek();
			if (after.k === 'op' && after.v === '(' && cmd.words.length === 1)
				throw new Unsupported('shell functions are not simulated');
		}
		if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0)
			throw new Unsupported(`unexpected ${describe(this.peek())}`);
		return cmd;
	}

	private redirs(): Redir[] {
		const out: Redir[] = [];
		for (let r = this.redir(); r; r = this.redir()) out.push(r);
		return out;
	}

	/** `>f`, `>>f`, `<f`, `2>f`, `2>&1`, `>&2`. */
	private redir(): Redir | undefined {
		const save = this.pos;
		const savedPeek = this.peeked;
		let fd: number | undefined;
		let t = this.peek();
		if (t.k === 'word' && /^\d$/.test(t.raw) && this.src[this.pos] !== undefined) {
			// A digit glued to a redirection operator is its file descriptor.
			const glued = this.src[this.tokenEnd()] === '>' || this.src[this.tokenEnd()] === '<';
			if (glued) {
				fd = Number(t.raw);
				this.next();
				t = this.peek();
			}
		}
		if (t.k !== 'op' || !['>', '>>', '<', '>&', '<<'].includes(t.v)) {
			this.pos = save;
			this.peeked = savedPeek;
			return undefined;
		}
		if (t.v === '<<') throw new Unsupported('here-documents are not simulated');
		this.next();
		const target = this.next();
		if (target.k !== 'word') throw new Unsupported('a redirection needs a file');
		const op = t.v as Redir['op'];
		return {fd: fd ?? (op === '<' ? 0 : 1), op, target: target.word};
	}

	// --- tokens -------------------------------------------------------------------------------

	private lastEnd = 0;

	private tokenEnd(): number {
		return this.lastEnd;
	}

	private peek(): Token {
		if (!this.peeked) {
			this.peeked = this.lex();
		}
		return this.peeked;
	}

	private next(): Token {
		const t = this.peek();
		this.peeked = undefined;
		return t;
	}

	private isWordToken(t: Token, w: string): boolean {
		return t.k === 'word' && t.raw === w && !t.word.some((p) => p.quoted);
	}

	private isWord(w: string): boolean {
		return this.isWordToken(this.peek(), w);
	}

	private expectWord(w: string): void {
		const t = this.next();
		if (!this.isWordToken(t, w)) throw new Unsupported(`expected \`${w}\`, found ${describe(t)}`);
	}

	private expectOp(v: string): void {
		const t = this.next();
		if (t.k !== 'op' || t.v !== v) throw new Unsupported(`expected \`${v}\`, found ${describe(t)}`);
	}

	private skipNewlines(): void {
		while (this.peek().k === 'nl') this.next();
	}

	private lex(): Token {
		const s = this.src;
		for (;;) {
			while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t')) this.pos++;
			if (s[this.pos] === '\\' && s[this.pos + 1] === '\n') {
				this.pos += 2;
				continue;
			}
			if (s[this.pos] === '#') {
				while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
			}
			break;
		}
		if (this.pos >= s.length) return {k: 'eof'};
		if (s[this.pos] === '\n') {
			this.pos++;
			return {k: 'nl'};
		}
		for (const op of operators) {
			if (s.startsWith(op, this.pos)) {
				this.pos += op.length;
				this.lastEnd = this.pos;
				return {k: 'op', v: op};
			}
		}
		const start = this.pos;
		const word = this.word();
		this.lastEnd = this.pos;
		return {k: 'word', word, raw: s.slice(start, this.pos)};
	}

	private word(): Word {
		const s = this.src;
		const parts: Part[] = [];
		let lit = '';
		const flush = (quoted = false) => {
			if (lit) parts.push({t: 'lit', v: lit, ...(quoted ? {quoted} : {})});
			lit = '';
		};
		while (this.pos < s.length) {
			const c = s[this.pos]!;
			if (' \t\n;&|()<>'.includes(c)) break;
			if (c === '\\') {
				lit += s[this.pos + 1] ?? '';
				this.pos += 2;
				continue;
			}
			if (c === "'") {
				flush();
				const end = s.indexOf("'", this.pos + 1);
				if (end < 0) throw new Unsupported('unterminated quote');
				parts.push({t: 'lit', v: s.slice(this.pos + 1, end), quoted: true});
				this.pos = end + 1;
				continue;
			}
			if (c === '"') {
				flush();
				this.pos++;
				this.doubleQuoted(parts);
				continue;
			}
			if (c === '`') throw new Unsupported('backquote command substitution is not simulated; use $(…)');
			if (c === '$') {
				const part = this.dollar(false);
				if (part) {
					flush();
					parts.push(part);
					continue;
				}
			}
			lit += c;
			this.pos++;
		}
		flush();
		if (parts.length === 0) parts.push({t: 'lit', v: '', quoted: true});
		return parts;
	}

	private doubleQuoted(parts: Part[]): void {
		const s = this.src;
		let lit = '';
		const flush = () => {
			parts.push({t: 'lit', v: lit, quoted: true});
			lit = '';
		};
		while (this.pos < s.length && s[this.pos] !== '"') {
			const c = s[this.pos]!;
			if (c === '\\' && '$`"\\\n'.includes(s[this.pos + 1] ?? '')) {
				lit += s[this.pos + 1];
				this.pos += 2;
				continue;
			}
			if (c === '`') throw new Unsupported('backquote command substitution is not simulated; use $(…)');
			if (c === '$') {
				const part = this.dollar(true);
				if (part) {
					if (lit) flush();
					parts.push(part);
					continue;
				}
			}
			lit += c;
			this.pos++;
		}
		if (s[this.pos] !== '"') throw new Unsupported('unterminated quote');
		this.pos++;
		flush();
	}

	/** `$NAME`, `${NAME}`, `$?`, `$!`, `$$`, `$#`, `$0`–`$9`, `$(…)`, `$((…))`; a lone `$` is text. */
	private dollar(quoted: boolean): Part | undefined {
		const s = this.src;
		const q = quoted ? {quoted} : {};
		const next = s[this.pos + 1] ?? '';
		if (s.startsWith('$((', this.pos)) {
			const end = this.closing(this.pos + 3, 2);
			const expr = s.slice(this.pos + 3, end - 1);
			this.pos = end + 1;
			return {t: 'arith', expr};
		}
		if (next === '(') {
			const end = this.closing(this.pos + 2, 1);
			const inner = parseShell(s.slice(this.pos + 2, end));
			if (!inner.ok) throw new Unsupported(inner.error);
			this.pos = end + 1;
			return {t: 'cmdsub', body: inner.list, ...q};
		}
		if (next === '{') {
			const end = s.indexOf('}', this.pos);
			const name = end < 0 ? '' : s.slice(this.pos + 2, end);
			if (!/^([A-Za-z_]\w*|[?!$#0-9])$/.test(name))
				throw new Unsupported(`\${${name}} is not simulated (only plain \${NAME})`);
			this.pos = end + 1;
			return {t: 'var', name, ...q};
		}
		if ('?!$#0123456789'.includes(next) && next !== '') {
			this.pos += 2;
			return {t: 'var', name: next, ...q};
		}
		const match = /^[A-Za-z_]\w*/.exec(s.slice(this.pos + 1));
		if (!match) return undefined;
		this.pos += 1 + match[0].length;
		return {t: 'var', name: match[0], ...q};
	}

	/** Index of the `)` that closes `depth` already-open parentheses, skipping quotes. */
	private closing(from: number, depth: number): number {
		const s = this.src;
		for (let i = from; i < s.length; i++) {
			const c = s[i]!;
			if (c === "'") {
				i = s.indexOf("'", i + 1);
				if (i < 0) break;
			} else if (c === '\\') i++;
			else if (c === '(') depth++;
			else if (c === ')' && --depth === 0) return i;
		}
		throw new Unsupported('unterminated `$(`');
	}
}

function dropPrefix(word: Word, length: number): Word {
	const [first, ...rest] = word;
	if (first?.t !== 'lit') return word;
	const v = first.v.slice(length);
	return v ? [{...first, v}, ...rest] : rest.length > 0 ? rest : [{t: 'lit', v: '', quoted: true}];
}

function describe(t: Token): string {
	switch (t.k) {
		case 'eof':
			return 'end of script';
		case 'nl':
			return 'newline';
		case 'op':
			return `\`${t.v}\``;
		case 'word':
			return `\`${t.raw}\``;
	}
}
