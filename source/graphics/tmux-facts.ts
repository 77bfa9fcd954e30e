/**
 * What tmux says of the pane lectern runs in: whether it lets escape
 * sequences through to the terminal outside (`allow-passthrough`), which
 * terminal that is, where the pane sits in it, and its cell size. Asked with
 * the tmux command, never with escape sequences (tmux would take the kitty
 * query for a title).
 */
import {execFile} from 'node:child_process';
import type {TmuxFacts} from './detect.js';
import type {Passthrough, PixelSize} from './placement.js';

export type TmuxPane = TmuxFacts & {
	/** The pane's top left cell in the outer terminal. */
	readonly offset: Passthrough;
	readonly cell?: PixelSize;
};

const paneFormat = [
	'#{client_termname}',
	'#{client_termtype}',
	'#{pane_top}',
	'#{pane_left}',
	'#{status}',
	'#{status-position}',
	'#{client_cell_width}',
	'#{client_cell_height}',
].join('\t');

export async function readTmuxPane(env: NodeJS.ProcessEnv): Promise<TmuxPane> {
	const target = env['TMUX_PANE'] ? ['-t', env['TMUX_PANE']] : [];
	const [option, pane] = await Promise.all([tmux(['show', '-Apv', ...target, 'allow-passthrough'], env), tmux(['display', '-p', ...target, paneFormat], env)]);
	return parseTmuxPane(option, pane);
}

/** The answers of `tmux show -Apv allow-passthrough` and `tmux display -p <paneFormat>` (undefined: tmux failed). */
export function parseTmuxPane(option: string | undefined, pane: string | undefined): TmuxPane {
	const [termName, termType, paneTop, paneLeft, status, position, cellWidth, cellHeight] = (pane ?? '').replace(/\n$/, '').split('\t');
	const statusLines = status === 'on' ? 1 : /^[2-5]$/.test(status ?? '') ? Number(status) : 0;
	const top = (Number(paneTop) || 0) + (position === 'top' ? statusLines : 0);
	const width = Number(cellWidth);
	const height = Number(cellHeight);
	const allowPassthrough = option?.trim();
	return {
		...(allowPassthrough ? {allowPassthrough} : {}),
		...(termName ? {clientTermName: termName} : {}),
		...(termType ? {clientTermType: termType} : {}),
		offset: {top, left: Number(paneLeft) || 0},
		...(width > 0 && height > 0 ? {cell: {width, height}} : {}),
	};
}

function tmux(args: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
	return new Promise(resolve => {
		execFile('tmux', args, {env, timeout: 1000}, (error, stdout) => {
			resolve(error ? undefined : stdout);
		});
	});
}
