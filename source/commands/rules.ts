// `podplay rules [ID]`: the rule catalogue in the terminal, every rule or one rule (or family) in full.

import {families, type Rule, ruleById, ruleFamily, rules} from '../rules/index.js';
import {didYouMean} from '../scenario/did-you-mean.js';
import {exitCodes, type Output, style} from './output.js';

export function printRules(id: string | undefined, o: Output, width = 80): number {
	if (id === undefined) {
		const idWidth = Math.max(...rules.map((r) => r.id.length));
		families.forEach((family, i) => {
			if (i > 0) o.out('');
			o.out(style(o, 'bold', family.name));
			for (const rule of family.rules) o.out(`  ${rule.id.padEnd(idWidth)}  ${rule.title}`);
		});
		o.out('');
		o.out('podplay rules ID prints one rule in full (an ID like R-PIDNS-7, or a family like R-POD).');
		return exitCodes.ok;
	}
	const wanted = id.toUpperCase();
	const found = ruleById(wanted);
	const family = found ? [found] : rules.filter((r) => ruleFamily(r.id) === wanted);
	if (family.length === 0) {
		const names = [...rules.map((r) => r.id), ...new Set(rules.map((r) => ruleFamily(r.id)))];
		o.err(`podplay: no rule "${id}"${didYouMean(wanted, names)} (podplay rules lists them all).`);
		return exitCodes.usage;
	}
	family.forEach((rule, i) => {
		if (i > 0) o.out('');
		printRule(rule, o, width);
	});
	return exitCodes.ok;
}

function printRule(rule: Rule, o: Output, width: number): void {
	o.out(style(o, 'bold', `${rule.id}: ${rule.title}`));
	for (const line of wrap(rule.statement, width - 2)) o.out(`  ${line}`);
	for (const line of wrap(`Source: ${rule.source}`, width - 2)) o.out(`  ${style(o, 'dim', line)}`);
}

/** Greedy word wrap; a word longer than the width stands on its own line. */
export function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}
