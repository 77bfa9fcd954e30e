/**
 * A talk as an asciicast v2 recording (asciinema's format): a JSON header
 * line, then one `[seconds, "o", text]` line per change of the screen. Each
 * screen is the player's, drawn by the ANSI renderer; only the rows that
 * changed are written, each through the player's own line diff, so typing
 * costs a few bytes a character, as it does on a real terminal.
 */
import type {Line, Size} from '../../frame/frame.js';
import {renderLine, type AnsiOptions} from '../ansi.js';
import {changedCells} from '../line-diff.js';

export type CastHeader = {
	readonly size: Size;
	readonly title?: string;
	/** Seconds since 1970 when the recording was made (left out for a reproducible file). */
	readonly timestamp?: number;
	/** The theme's text and background: the player's colours for the recording (asciicast's `theme`). */
	readonly colours?: {readonly foreground: string; readonly background: string};
};

/** The 16 colours of xterm, which asciicast's `theme` lists with the foreground and background. */
const xtermPalette = '#000000:#cd0000:#00cd00:#cdcd00:#0000ee:#cd00cd:#00cdcd:#e5e5e5:#7f7f7f:#ff0000:#00ff00:#ffff00:#5c5cff:#ff00ff:#00ffff:#ffffff';

/** The screen from `at` ms on: exactly `size.rows` lines or fewer (the rest are empty). */
export type CastScreen = {readonly at: number; readonly lines: readonly Line[]};

const hideCursor = '\u001B[?25l';
const showCursor = '\u001B[?25h';
const clearScreen = '\u001B[H\u001B[2J';
const moveTo = (row: number) => `\u001B[${row + 1};1H`;

/** The header line of the recording. */
function castHeader(header: CastHeader): string {
	return JSON.stringify({
		version: 2,
		width: header.size.columns,
		height: header.size.rows,
		...(header.timestamp === undefined ? {} : {timestamp: Math.floor(header.timestamp)}),
		...(header.title ? {title: header.title} : {}),
		...(header.colours ? {theme: {fg: header.colours.foreground, bg: header.colours.background, palette: xtermPalette}} : {}),
		env: {TERM: 'xterm-256color', SHELL: '/bin/sh'},
	});
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/**
 * The recording's lines (each ends in `\n`): the header, the screens in time
 * order, and at `endAt` ms the cursor given back below the last row.
 */
export function* asciicast(header: CastHeader, screens: Iterable<CastScreen>, endAt: number, ansi: AnsiOptions): Generator<string> {
	yield `${castHeader(header)}\n`;
	const rows = header.size.rows;
	let shown: string[] | undefined;
	let last = 0;
	for (const screen of screens) {
		const next = Array.from({length: rows}, (_, row) => renderLine(screen.lines[row] ?? [], ansi));
		let output = '';
		if (shown) {
			for (let row = 0; row < rows; row++) {
				const change = changedCells(shown[row], next[row]!);
				if (change !== '') output += moveTo(row) + change;
			}
		} else {
			output = hideCursor + clearScreen + next.map((line, row) => (line === '' ? '' : moveTo(row) + line)).join('');
		}

		shown = next;
		last = Math.max(last, screen.at);
		if (output !== '') yield `${JSON.stringify([seconds(last), 'o', output])}\n`;
	}

	yield `${JSON.stringify([seconds(Math.max(last, endAt)), 'o', `${moveTo(rows - 1)}\u001B[0m${showCursor}`])}\n`;
}
