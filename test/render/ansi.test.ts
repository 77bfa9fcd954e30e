import {test} from 'node:test';
import assert from 'node:assert/strict';
import {nearest256, renderLine} from '../../source/render/ansi.js';
import {colourLevel} from '../../source/render/colour-level.js';
import {theme} from '../../source/render/theme.js';
import type {ThemeColour} from '../../source/frame/frame.js';

const line = [{text: 'plain '}, {text: 'red', style: {fg: 'highlight' as const, bold: true}}, {text: ' link', style: {link: 'https://example.org'}}];

test('level 0 is plain text with no escape sequence at all', () => {
	assert.equal(renderLine(line, {level: 0, hyperlinks: false}), 'plain red link');
});

test('truecolor, 256 and 16 colours', () => {
	assert.equal(renderLine([line[1]!], {level: 3, hyperlinks: false}), '\u001B[1;38;2;255;95;95mred\u001B[0m');
	assert.equal(renderLine([line[1]!], {level: 2, hyperlinks: false}), '\u001B[1;38;5;203mred\u001B[0m');
	assert.equal(renderLine([line[1]!], {level: 1, hyperlinks: false}), '\u001B[1;91mred\u001B[0m');
});

test('hyperlinks are OSC 8 only when asked for', () => {
	assert.equal(renderLine([line[2]!], {level: 3, hyperlinks: true}), '\u001B]8;;https://example.org\u001B\\ link\u001B]8;;\u001B\\');
	assert.equal(renderLine([line[2]!], {level: 3, hyperlinks: false}), ' link');
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
