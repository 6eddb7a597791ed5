// docs/rules.md, generated from the catalogue (scripts/gen-rules-doc.ts; a test fails when it is stale).
import {families} from './index.js';

export function rulesMarkdown(): string {
	const lines = [
		'# podplay rules',
		'',
		'<!-- Generated from source/rules/ by `npm run rules-doc`. Do not edit by hand. -->',
		'',
		'Every kernel and Kubernetes rule podplay reproduces. Each event podplay shows names the rule that',
		'caused it, and each rule has a test named after it. `podplay rules ID` prints one rule in the terminal.',
		'',
	];
	for (const family of families) {
		lines.push(`## ${family.name}`, '');
		for (const rule of family.rules) {
			lines.push(
				`### ${rule.id}: ${rule.title}`,
				'',
				escapeAngles(rule.statement),
				'',
				`Source: ${escapeAngles(rule.source)}`,
				'',
			);
		}
	}
	return `${lines.join('\n').trimEnd()}\n`;
}

/** `<defunct>`, `Init:<reason>`: angle brackets would read as HTML tags and vanish. */
function escapeAngles(text: string): string {
	return text.replace(/[<>]/g, (c) => `\\${c}`);
}
