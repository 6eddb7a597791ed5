// The presenter in Ink: the presenter's screen (screen.ts) as one Text a row, clicker keys for
// pacing, and every other key handled as the playground handles it (ui-state.ts), so a live kill
// works during a talk. Frames come from one timer; nothing is drawn while nothing changes.
import {useApp, useInput, useWindowSize} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {chapters} from '../session/time.js';
import {applyEffects} from '../ui/effects.js';
import {fit} from '../ui/format.js';
import type {KeyInfo} from '../ui/keys.js';
import {Lines} from '../ui/lines.js';
import {splitPresses} from '../ui/map-key.js';
import {paint} from '../ui/styled.js';
import {useTheme} from '../ui/theme.js';
import type {Placement} from '../ui/tree-window.js';
import {initialUiState, reduceKey, type UiState} from '../ui/ui-state.js';
import type {Presenter} from './presenter.js';
import {presenterLines} from './screen.js';

type Props = {presenter: Presenter; onChange?: () => void; frameMs?: number};

function messageText(
	state: UiState,
	width: number,
	theme: ReturnType<typeof useTheme>,
	hint?: string,
): string {
	const {palette: p, ascii} = theme;
	const {mode, message} = state;
	if (mode.kind === 'prompt') {
		const mark = mode.prompt === 'command' ? ':' : mode.prompt === 'search' ? '/' : 'pid ';
		return paint(
			[
				[mark, {bold: true, color: p.accent}],
				fit(mode.text, width - mark.length - 1, ascii),
				[' ', {inverse: true}],
			],
			theme.color,
		);
	}
	if (mode.kind === 'confirm')
		return paint([[fit(`${mode.question} (y/n)`, width, ascii), {bold: true, color: p.warn}]], theme.color);
	if (mode.kind === 'menu') {
		const items = mode.menu.items.map((item) => `${item.key} ${item.label}`).join('  ');
		return paint([[fit(`${mode.menu.title}: ${items}`, width, ascii), {color: p.accent}]], theme.color);
	}
	if (hint) return paint([[fit(hint, width, ascii), {color: p.accent}]], theme.color);
	return message
		? paint([[fit(message.text, width, ascii), {color: message.error ? p.error : p.ok}]], theme.color)
		: '';
}

export function PresenterApp({presenter, onChange, frameMs = 50}: Props) {
	const {columns, rows} = useWindowSize();
	const {exit} = useApp();
	const theme = useTheme();
	const [, setVersion] = useState(0);
	const ui = useRef<UiState>(initialUiState);
	const placement = useRef<Placement>({offset: 0, index: 0});
	const chapterKey = useRef(false);
	const hint = useRef<string | undefined>(undefined);
	const {session} = presenter;
	const changed = useRef(onChange);
	changed.current = onChange;
	const redraw = () => {
		setVersion((v) => v + 1);
		changed.current?.();
	};

	useEffect(() => {
		let shown: {core: unknown; waiting: boolean} | undefined;
		const id = setInterval(() => {
			presenter.frame();
			const now = {core: session.core(), waiting: presenter.state().waiting};
			if (now.core === shown?.core && now.waiting === shown.waiting) return;
			shown = now;
			setVersion((v) => v + 1);
			changed.current?.();
		}, frameMs);
		return () => clearInterval(id);
	}, [presenter, session, frameMs]);

	const count = chapters(session.core()).length;
	const screen = (selectedPid: number | undefined, message: string) =>
		presenterLines({
			session,
			theme,
			columns,
			rows,
			state: presenter.state(),
			chapters: count,
			stop: presenter.stopText(),
			placement: placement.current,
			selectedPid,
			message,
		});
	useInput((input: string, key: KeyInfo) => {
		const quit = () => exit();
		for (const [ch, k] of splitPresses(input, key)) {
			const state = ui.current;
			if (state.mode.kind === 'normal') {
				if (chapterKey.current) {
					chapterKey.current = false;
					hint.current = undefined;
					const n = Number(ch);
					if (/^[1-9]$/.test(ch) && presenter.jump(n)) continue;
					hint.current = `no chapter ${ch}: 1-${count}`;
					continue;
				}
				hint.current = undefined;
				const question = session.question?.();
				const answering = question && question.answer === undefined && /^[1-9]$/.test(ch);
				if (!answering) {
					if (k.rightArrow || k.pageDown || k.return || ch === ' ') {
						presenter.next();
						continue;
					}
					if (k.leftArrow || k.pageUp) {
						presenter.back();
						continue;
					}
					if (ch === 'b' || ch === '.') {
						presenter.toggleBlank();
						continue;
					}
					if (ch === 'g') {
						chapterKey.current = true;
						hint.current = `chapter? 1-${count}`;
						continue;
					}
					if (ch === 'r') {
						presenter.returnToScenario();
						continue;
					}
				}
			}
			const view = screen(state.selectedPid, '');
			const page = view.window ? Math.max(1, view.window.lines.length) : 1;
			const step = reduceKey(state, ch, k, {
				session,
				index: view.window?.placement.index ?? 0,
				selected: view.window?.selected,
				page,
			});
			const {message, quit: leave} = applyEffects(session, step.effects);
			if (leave) return quit();
			ui.current = message ? {...step.state, message} : step.state;
		}
		redraw();
	});

	const view = screen(ui.current.selectedPid, messageText(ui.current, columns, theme, hint.current));
	if (view.window) placement.current = view.window.placement;
	return <Lines lines={view.lines} width={columns} height={rows} />;
}
