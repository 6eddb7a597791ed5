// Word expansion: parameters, command substitution results, arithmetic, then field splitting of
// unquoted results. No globbing: podplay's files are few and named (a glob stays as written).
import type {Part, Word} from './ast.js';

export type Vars = Readonly<Record<string, string>>;

/** Expand a word to fields; `subs` holds the outputs of its `$(…)`, in order, consumed as read. */
export function expandWord(word: Word, lookup: (name: string) => string, subs: string[]): string[] {
	const fields: string[] = [];
	let current = '';
	let started = false;
	for (const part of word) {
		const value = partValue(part, lookup, subs);
		if (part.quoted || part.t === 'lit') {
			current += value;
			started = true;
			continue;
		}
		// Field splitting of an unquoted result on IFS whitespace (written out: this runs per command).
		const pieces = value.split(ifs);
		for (let index = 0; index < pieces.length; index++) {
			if (index > 0) {
				if (started) fields.push(current);
				current = '';
				started = false;
			}
			if (pieces[index]) {
				current += pieces[index];
				started = true;
			}
		}
	}
	if (started) fields.push(current);
	return fields;
}

const ifs = /[ \t\n]+/;

/** One string, no splitting (assignments, `case` words, redirection targets). */
export function expandString(word: Word, lookup: (name: string) => string, subs: string[]): string {
	return word.map((part) => partValue(part, lookup, subs)).join('');
}

function partValue(part: Part, lookup: (name: string) => string, subs: string[]): string {
	switch (part.t) {
		case 'lit':
			return part.v;
		case 'var':
			return lookup(part.name);
		case 'cmdsub':
			// Trailing newlines are removed from a substitution's output.
			return (subs.shift() ?? '').replace(/\n+$/, '');
		case 'arith':
			return String(arithmetic(part.expr, lookup));
	}
}

/** `$((…))`: integers, + - * / % comparisons, && || !, parentheses, variables with or without `$`. */
export function arithmetic(expr: string, lookup: (name: string) => string): number {
	const state: Arith = {tokens: expr.match(arithToken) ?? [], i: 0, lookup};
	return Math.trunc(binary(state, 0)) | 0;
}

const arithToken = /\d+|\$?[A-Za-z_]\w*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g;

type Arith = {tokens: string[]; i: number; lookup: (name: string) => string};

/** Binary operators by precedence level, loosest first (a plain table: no closures per evaluation). */
const levels: readonly (readonly string[])[] = [
	['||'],
	['&&'],
	['==', '!='],
	['<', '>', '<=', '>='],
	['+', '-'],
	['*', '/', '%'],
];

function binary(a: Arith, level: number): number {
	if (level === levels.length) return primary(a);
	let left = binary(a, level + 1);
	for (let op = a.tokens[a.i]; op !== undefined && levels[level]!.includes(op); op = a.tokens[a.i]) {
		a.i++;
		left = apply(op, left, binary(a, level + 1));
	}
	return left;
}

function apply(op: string, x: number, y: number): number {
	switch (op) {
		case '*':
			return x * y;
		case '/':
			return y === 0 ? 0 : Math.trunc(x / y);
		case '%':
			return y === 0 ? 0 : x % y;
		case '+':
			return x + y;
		case '-':
			return x - y;
		case '<':
			return x < y ? 1 : 0;
		case '>':
			return x > y ? 1 : 0;
		case '<=':
			return x <= y ? 1 : 0;
		case '>=':
			return x >= y ? 1 : 0;
		case '==':
			return x === y ? 1 : 0;
		case '!=':
			return x !== y ? 1 : 0;
		case '&&':
			return x !== 0 && y !== 0 ? 1 : 0;
		default:
			return x !== 0 || y !== 0 ? 1 : 0;
	}
}

function primary(a: Arith): number {
	const t = a.tokens[a.i++];
	if (t === undefined) return 0;
	if (t === '(') {
		const v = binary(a, 0);
		a.i++;
		return v;
	}
	if (t === '-') return -primary(a);
	if (t === '+') return primary(a);
	if (t === '!') return primary(a) === 0 ? 1 : 0;
	if (/^\d+$/.test(t)) return Number(t);
	const n = Number.parseInt(a.lookup(t.charCodeAt(0) === 36 ? t.slice(1) : t) || '0', 10);
	return Number.isNaN(n) ? 0 : n;
}

/** `case` patterns: `*`, `?` and `[…]`, anchored. */
export function matchPattern(text: string, pattern: string): boolean {
	let re = '^';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i]!;
		if (c === '*') re += '.*';
		else if (c === '?') re += '.';
		else if (c === '[') {
			const end = pattern.indexOf(']', i + 1);
			if (end < 0) re += '\\[';
			else {
				re += `[${pattern
					.slice(i + 1, end)
					.replace(/^!/, '^')
					.replace(/\\/g, '\\\\')}]`;
				i = end;
			}
		} else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
	}
	return new RegExp(`${re}$`, 's').test(text);
}
