import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import stringWidth from 'string-width';
import {createEmojiPainter, loadEmojiAsset} from '../../source/emoji/index.js';
import type {Glyph, Line, Segment} from '../../source/frame/frame.js';
import {plainEmojiGlyph} from '../../source/layout/big-emoji.js';
import {nearest256, parseHex, renderLine} from '../../source/render/ansi.js';

const truecolor = createEmojiPainter({level: 3});
const colours256 = createEmojiPainter({level: 2});

/** The segment and character of the cell at column `x` of a line. */
function cellAt(line: Line, x: number): {character: string; segment: Segment} {
	let column = 0;
	for (const segment of line) {
		for (const character of segment.text) {
			if (column === x) return {character, segment};
			column += stringWidth(character);
		}
	}

	throw new Error(`no cell ${x}`);
}

const lineWidth = (line: Line) => line.reduce((sum, segment) => sum + stringWidth(segment.text), 0);

function assertExact(glyph: Glyph, height: number, label: string): void {
	assert.equal(glyph.height, height, label);
	assert.equal(glyph.width, 2 * height, label);
	assert.equal(glyph.lines.length, height, label);
	for (const line of glyph.lines) {
		assert.equal(lineWidth(line), 2 * height, label);
		for (const segment of line) assert.match(segment.text, /^[▀▄ ]+$/u, label);
	}
}

describe('emoji painter', () => {
	it('finds the image set', () => {
		assert.ok(loadEmojiAsset());
	});

	it('draws glyphs of exactly h rows and 2h cells for heights 2..32', () => {
		for (const emoji of ['🍎', '👩🏻‍🔧', '🇫🇷', '1️⃣', '☁']) {
			for (let height = 2; height <= 32; height++) {
				assertExact(truecolor(emoji, height), height, `${emoji} ${height}`);
				assertExact(colours256(emoji, height), height, `${emoji} ${height} (256 colours)`);
			}
		}

		assertExact(truecolor('🦄', 1), 1, 'one row');
		assertExact(truecolor('🦄', 40), 40, 'enlarged past the stored size');
		assertExact(truecolor('🦄', 7.8), 7, 'fractional heights round down');
	});

	it("draws 🍎 red in the middle, with transparent corners left to the terminal's background", () => {
		for (const height of [4, 8, 16, 32]) {
			const glyph = truecolor('🍎', height);
			const middle = cellAt(glyph.lines[Math.floor(height / 2)]!, height).segment.style;
			const fg = middle?.fg;
			const bg = middle?.bg;
			assert.ok(fg?.startsWith('#'), `${height}: a colour`);
			assert.ok(bg?.startsWith('#'), `${height}: both halves drawn`);
			for (const colour of [fg!, bg!]) {
				const [r, g, b] = parseHex(colour);
				assert.ok(r > 150 && g < 110 && b < 110, `${height}: ${colour} is red`);
			}

			for (const [x, y] of [
				[0, 0],
				[glyph.width - 1, 0],
				[0, height - 1],
				[glyph.width - 1, height - 1],
			] as const) {
				const cell = cellAt(glyph.lines[y]!, x);
				assert.equal(cell.character, ' ', `${height}: corner ${x},${y}`);
				assert.equal(cell.segment.style?.bg, undefined, `${height}: corner ${x},${y} has no background`);
				assert.equal(cell.segment.style, undefined, `${height}: corner ${x},${y} has no style`);
			}
		}
	});

	it('never sets a background without a foreground; half-drawn cells have no background', () => {
		for (const emoji of ['🦄', '🍎', '🏳️‍🌈']) {
			for (const line of truecolor(emoji, 12).lines) {
				for (const segment of line) {
					if (segment.text.trim() === '') assert.equal(segment.style, undefined);
					if (segment.text.includes('▄')) assert.equal(segment.style?.bg, undefined);
					if (segment.style?.bg) assert.match(segment.text, /^▀+$/u);
				}
			}
		}
	});

	it('snaps colours to the 256-colour palette at level 2, so equal cells merge', () => {
		const glyph = colours256('🦄', 16);
		const truecolorGlyph = truecolor('🦄', 16);
		for (const line of glyph.lines) {
			for (const segment of line) {
				for (const colour of [segment.style?.fg, segment.style?.bg]) {
					if (colour === undefined) continue;
					const [r, g, b] = parseHex(colour);
					const index = nearest256(r, g, b);
					const again = nearest256(...parseHex(colour));
					assert.equal(again, index);
				}
			}
		}

		const count = (lines: Line[]) => lines.reduce((sum, line) => sum + line.length, 0);
		assert.ok(count(glyph.lines) <= count(truecolorGlyph.lines));
		const text = renderLine(glyph.lines[8]!, {level: 2, hyperlinks: false});
		assert.match(text, /\u001B\[38;5;\d+/u);
		assert.doesNotMatch(text, /38;2;/u);
		assert.match(renderLine(truecolorGlyph.lines[8]!, {level: 3, hyperlinks: false}), /\u001B\[38;2;\d+;\d+;\d+/u);
	});

	it('draws what the set lacks as the emoji itself', () => {
		assert.deepEqual(truecolor('A', 6), plainEmojiGlyph('A', 6));
		assert.deepEqual(truecolor('\u{10FFFD}', 3), plainEmojiGlyph('\u{10FFFD}', 3));
		assert.deepEqual(truecolor('🦄', 0), plainEmojiGlyph('🦄', 0));
	});

	it('draws a fallback emoji for an unknown sequence (a skin tone where none goes)', () => {
		assert.deepEqual(truecolor('🦄🏿', 6), truecolor('🦄', 6));
	});
});
