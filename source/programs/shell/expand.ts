// Word expansion: parameters, command substitution results, arithmetic, then field splitting of
// unquoted results. No globbing: podplay's files are few and named (a glob stays as written).
import type {Part, Word} from './ast.js';

export type Vars = Readonly<Record<string, string>>;

/** Expand a word to fields; `subs` holds the outputs of its `$(…)`, in order, consumed as read. */
export function expandWord(word: Word, lookup: (name: string) => string, subs: string[]): string[] {
	const fields: string[] = [];
	let current = '';
	let started = false;
	const split = (text: string) => {
		const pieces = text.split(/[ \t\n]+/);
		pieces.forEach((piece, index) => {
			if (index > 0) {
				if (started) fields.push(current);
				current = '';
				started = false;
			}
			if (piece) {
				current += piece;
				started = true;
			}
		});
	};
	for (const part of word) {
		const value = partValue(part, lookup, subs);
		if (part.quoted || part.t === 'lit') {
			current += value;
			started = true;
		} else split(value);
	}
	if (started) fields.push(current);
	return fields;
}

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

export function countSubs(words: readonly Word[]): number {
	return words.reduce((n, word) => n + word.filter((part) => part.t === 'cmdsub').length, 0);
}

/** `$((…))`: integers, + - * / % comparisons, && || !, parentheses, variables with or without `$`. */
export function arithmetic(expr: string, lookup: (name: string) => string): number {
	const tokens = expr.match(/\d+|\$?[A-Za-z_]\w*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
	let i = 0;
	const peek = () => tokens[i];
	const value = (name: string): number => {
		const n = Number.parseInt(lookup(name.replace(/^\$/, '')) || '0', 10);
		return Number.isNaN(n) ? 0 : n;
	};
	const primary = (): number => {
		const t = tokens[i++];
		if (t === undefined) return 0;
		if (t === '(') {
			const v = or();
			i++;
			return v;
		}
		if (t === '-') return -primary();
		if (t === '+') return primary();
		if (t === '!') return primary() === 0 ? 1 : 0;
		if (/^\d+$/.test(t)) return Number(t);
		return value(t);
	};
	const binary = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => () => {
		let left = next();
		while (peek() !== undefined && ops[peek()!]) {
			const op = ops[tokens[i++]!]!;
			left = op(left, next());
		}
		return left;
	};
	const mul = binary(primary, {
		'*': (a, b) => a * b,
		'/': (a, b) => (b === 0 ? 0 : Math.trunc(a / b)),
		'%': (a, b) => (b === 0 ? 0 : a % b),
	});
	const add = binary(mul, {'+': (a, b) => a + b, '-': (a, b) => a - b});
	const bool = (x: boolean) => (x ? 1 : 0);
	const cmp = binary(add, {
		'<': (a, b) => bool(a < b),
		'>': (a, b) => bool(a > b),
		'<=': (a, b) => bool(a <= b),
		'>=': (a, b) => bool(a >= b),
	});
	const eq = binary(cmp, {'==': (a, b) => bool(a === b), '!=': (a, b) => bool(a !== b)});
	const and = binary(eq, {'&&': (a, b) => bool(a !== 0 && b !== 0)});
	const or = binary(and, {'||': (a, b) => bool(a !== 0 || b !== 0)});
	return Math.trunc(or()) | 0;
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
