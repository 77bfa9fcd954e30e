import {test} from 'node:test';
import assert from 'node:assert/strict';
import {exact256, nearest256, renderLine} from '../../source/render/ansi.js';
import {colourLevel} from '../../source/render/colour-level.js';
import {theme} from '../../source/render/theme.js';
import type {Colour, ThemeColour} from '../../source/frame/frame.js';

const line = [{text: 'plain '}, {text: 'red', style: {fg: 'highlight' as const, bold: true}}, {text: ' link', style: {link: 'https://example.org'}}];

test('level 0 is plain text with no escape sequence at all', () => {
	assert.equal(renderLine(line, {level: 0, hyperlinks: false}), 'plain red link');
});

test('truecolor, 256 and 16 colours', () => {
	// #ff5f5f is entry 203 of the xterm palette, so truecolor writes the short code.
	assert.equal(renderLine([line[1]!], {level: 3, hyperlinks: false}), '\u001B[1;38;5;203mred\u001B[0m');
	assert.equal(renderLine([line[1]!], {level: 2, hyperlinks: false}), '\u001B[1;38;5;203mred\u001B[0m');
	assert.equal(renderLine([line[1]!], {level: 1, hyperlinks: false}), '\u001B[1;91mred\u001B[0m');
});

test('hyperlinks are OSC 8 only when asked for', () => {
	assert.equal(renderLine([line[2]!], {level: 3, hyperlinks: true}), '\u001B]8;;https://example.org\u001B\\ link\u001B]8;;\u001B\\');
	assert.equal(renderLine([line[2]!], {level: 3, hyperlinks: false}), ' link');
});

test('truecolor writes a colour the xterm palette has exactly as its entry, any other in 24 bits', () => {
	const level3 = (fg: Colour, bg?: Colour) => renderLine([{text: 'x', style: {fg, ...(bg ? {bg} : {})}}], {level: 3, hyperlinks: false});
	assert.equal(level3('#5fafff'), '\u001B[38;5;75mx\u001B[0m');
	assert.equal(level3('#ffffff', '#eeeeee'), '\u001B[38;5;231;48;5;255mx\u001B[0m', 'cube white and the last grey');
	assert.equal(level3('#080808'), '\u001B[38;5;232mx\u001B[0m', 'the first grey');
	assert.equal(level3('#5eafff'), '\u001B[38;2;94;175;255mx\u001B[0m', 'one off: 24 bits');
	assert.equal(level3('#0000ff'), '\u001B[38;2;0;0;255mx\u001B[0m', 'entries 16-21, which themes redefine: 24 bits');
	assert.equal(level3('#121212'), '\u001B[38;5;233mx\u001B[0m');
	assert.equal(level3('#131313'), '\u001B[38;2;19;19;19mx\u001B[0m');
	for (let entry = 22; entry < 256; entry++) {
		const hex =
			entry < 232
				? [Math.floor((entry - 16) / 36), Math.floor((entry - 16) / 6) % 6, (entry - 16) % 6].map(step => [0, 95, 135, 175, 215, 255][step]!)
				: Array.from({length: 3}, () => 8 + (entry - 232) * 10);
		const [r, g, b] = hex as [number, number, number];
		assert.equal(exact256(r, g, b), entry);
		assert.equal(nearest256(r, g, b), entry, 'the short code names the same entry the 256-colour level picks');
	}
});

test('nearest 256-colour entries', () => {
	assert.equal(nearest256(0, 0, 0), 16);
	assert.equal(nearest256(255, 255, 255), 231);
	assert.equal(nearest256(128, 128, 128), 244);
	assert.equal(nearest256(255, 0, 0), 196);
});

test('colour level from the environment', () => {
	assert.equal(colourLevel({NO_COLOR: '1', COLORTERM: 'truecolor'}, true), 0);
	assert.equal(colourLevel({NO_COLOR: '', COLORTERM: 'truecolor'}, true), 3);
	assert.equal(colourLevel({FORCE_COLOR: '2'}, false), 2);
	assert.equal(colourLevel({FORCE_COLOR: '0', COLORTERM: 'truecolor'}, true), 0);
	assert.equal(colourLevel({COLORTERM: 'truecolor'}, false), 0, 'not a TTY: plain');
	assert.equal(colourLevel({TERM: 'xterm-256color'}, true), 2);
	assert.equal(colourLevel({TERM: 'dumb', COLORTERM: 'truecolor'}, true), 0);
	assert.equal(colourLevel({TERM: 'xterm'}, true), 1);
});

test('at 16 colours every theme colour is a basic SGR code, as text and as background (no SGR 110, 50 or 53)', () => {
	const valid = (code: number, layer: 'fg' | 'bg') =>
		layer === 'fg' ? (code >= 30 && code <= 37) || (code >= 90 && code <= 97) : (code >= 40 && code <= 47) || (code >= 100 && code <= 107);
	for (const role of Object.keys(theme) as ThemeColour[]) {
		for (const layer of ['fg', 'bg'] as const) {
			const out = renderLine([{text: 'x', style: {[layer]: role}}], {level: 1, hyperlinks: false});
			const code = Number(/\u001B\[(\d+)m/.exec(out)?.[1]);
			assert.ok(valid(code, layer), `${role} as ${layer}: ${JSON.stringify(out)}`);
		}
	}
});
