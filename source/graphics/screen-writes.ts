/**
 * Which cells a stream of terminal output writes or erases: a cursor that
 * follows the text, cursor moves and erases Ink writes. Pictures that live in
 * the cells (iTerm2's) are gone where text lands on them, so the player draws
 * those again; a cleared screen takes every picture with it (kitty's too).
 *
 * Pure.
 */
import {cellWidth} from '../text/cell-width.js';
import type {Size} from '../frame/frame.js';

/** Cells `from` (inclusive) to `to` (exclusive) of `row` were written or erased. */
export type Span = {readonly row: number; readonly from: number; readonly to: number};

export type Writes = {
	readonly spans: Span[];
	/** The whole screen was cleared or scrolled. */
	readonly cleared: boolean;
};

const controlOrEscape = /[\u0000-\u001F\u007F]/;

export class ScreenWrites {
	private row = 0;
	private column = 0;
	private saved = {row: 0, column: 0};
	private size: Size;

	constructor(size: Size) {
		this.size = size;
	}

	/** A new size; the cursor stays where it is, within it. */
	resize(size: Size): void {
		this.size = size;
		this.moveTo(this.row, this.column);
	}

	/** The cursor is at the top left (a new screen). */
	home(): void {
		this.row = 0;
		this.column = 0;
	}

	follow(text: string): Writes {
		const spans: Span[] = [];
		let cleared = false;
		let index = 0;
		while (index < text.length) {
			const character = text[index]!;
			if (character === '\u001B') {
				const end = this.escape(text, index, spans, () => {
					cleared = true;
				});
				index = end;
				continue;
			}

			if (controlOrEscape.test(character)) {
				if (character === '\r') this.column = 0;
				else if (character === '\n') {
					if (this.row >= this.size.rows - 1) cleared = true;
					this.moveTo(this.row + 1, 0);
				} else if (character === '\b') this.moveTo(this.row, this.column - 1);
				else if (character === '\t') this.moveTo(this.row, (Math.floor(this.column / 8) + 1) * 8);
				index++;
				continue;
			}

			let end = index + 1;
			while (end < text.length && !controlOrEscape.test(text[end]!)) end++;
			const width = cellWidth(text.slice(index, end));
			spans.push({row: this.row, from: this.column, to: this.column + width});
			this.column = Math.min(this.size.columns - 1, this.column + width);
			index = end;
		}

		return {spans, cleared};
	}

	/** Follows the escape sequence at `start`; returns where it ends. */
	private escape(text: string, start: number, spans: Span[], clear: () => void): number {
		const kind = text[start + 1];
		if (kind === undefined) return start + 1;
		if (kind === '[') {
			let end = start + 2;
			while (end < text.length && !/[@-~]/.test(text[end]!)) end++;
			this.csi(text.slice(start + 2, end), text[end] ?? '', spans, clear);
			return end + 1;
		}

		if (kind === ']' || kind === 'P' || kind === '_' || kind === '^' || kind === 'X') {
			// A string (OSC 8 hyperlinks, say): ends at BEL (OSC only) or ST, writes no cell.
			const st = text.indexOf('\u001B\\', start + 2);
			const bel = kind === ']' ? text.indexOf('\u0007', start + 2) : -1;
			const ends = [st === -1 ? Infinity : st + 2, bel === -1 ? Infinity : bel + 1];
			const end = Math.min(...ends);
			return end === Infinity ? text.length : end;
		}

		if (kind === '7') this.saved = {row: this.row, column: this.column};
		if (kind === '8') this.moveTo(this.saved.row, this.saved.column);
		if (kind === 'c') {
			clear();
			this.home();
		}

		return start + 2;
	}

	private csi(parameters: string, final: string, spans: Span[], clear: () => void): void {
		if (parameters.startsWith('?') || parameters.startsWith('>')) return;
		const numbers = parameters.split(';').map(part => (part === '' ? undefined : Number(part)));
		const count = Math.max(1, numbers[0] ?? 1);
		const end = Number.POSITIVE_INFINITY;
		switch (final) {
			case 'A': {
				this.moveTo(this.row - count, this.column);
				break;
			}

			case 'B': {
				this.moveTo(this.row + count, this.column);
				break;
			}

			case 'C': {
				this.moveTo(this.row, this.column + count);
				break;
			}

			case 'D': {
				this.moveTo(this.row, this.column - count);
				break;
			}

			case 'E': {
				this.moveTo(this.row + count, 0);
				break;
			}

			case 'F': {
				this.moveTo(this.row - count, 0);
				break;
			}

			case 'G': {
				this.moveTo(this.row, count - 1);
				break;
			}

			case 'H':
			case 'f': {
				this.moveTo(count - 1, Math.max(1, numbers[1] ?? 1) - 1);
				break;
			}

			case 'J': {
				const mode = numbers[0] ?? 0;
				if (mode === 2 || mode === 3) clear();
				else if (mode === 0) {
					spans.push({row: this.row, from: this.column, to: end});
					for (let row = this.row + 1; row < this.size.rows; row++) spans.push({row, from: 0, to: end});
				} else if (mode === 1) {
					for (let row = 0; row < this.row; row++) spans.push({row, from: 0, to: end});
					spans.push({row: this.row, from: 0, to: this.column + 1});
				}

				break;
			}

			case 'K': {
				const mode = numbers[0] ?? 0;
				const [from, to] = mode === 0 ? [this.column, end] : mode === 1 ? [0, this.column + 1] : [0, end];
				spans.push({row: this.row, from, to});
				break;
			}

			case 'X': {
				spans.push({row: this.row, from: this.column, to: this.column + count});
				break;
			}

			default:
			// Colours (m) and everything else leave the cells alone.
		}
	}

	private moveTo(row: number, column: number): void {
		this.row = Math.max(0, Math.min(this.size.rows - 1, row));
		this.column = Math.max(0, Math.min(this.size.columns - 1, column));
	}
}
