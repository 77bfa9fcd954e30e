import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Line, Style} from '../../source/frame/frame.js';
import {renderLine} from '../../source/render/ansi.js';
import {changedCells, lineCells} from '../../source/render/line-diff.js';
import {VirtualScreen} from '../harness/xterm.js';
import {random, type Random} from '../support/random.js';

const ansi = {level: 3, hyperlinks: true} as const;

test('a line is read as cells with the style each is drawn in', () => {
	const line = renderLine([{text: 'ab'}, {text: 'c', style: {bold: true}}, {text: '日', style: {link: 'https://example.com'}}], ansi);
	const cells = lineCells(line)!;
	assert.deepEqual(cells.chars, ['a', 'b', 'c', '日']);
	assert.deepEqual(cells.widths, [1, 1, 1, 2]);
	assert.equal(cells.styles[0], '');
	assert.equal(cells.styles[2], '\u001B[1m');
	assert.equal(cells.styles[3], '\u001B]8;;https://example.com\u001B\\');
});

test('lines that cannot be diffed safely are written whole', () => {
	assert.equal(lineCells('a\u001B[2Jb'), undefined, 'a CSI sequence other than SGR');
	assert.equal(lineCells('e\u0301'), undefined, 'a combining mark');
	assert.equal(lineCells('👩‍🔧'), undefined, 'a ZWJ sequence');
	assert.equal(changedCells('abc', 'e\u0301bc'), '\u001B[1Ge\u0301bc\u001B[K');
	assert.equal(changedCells(undefined, 'abc'), '\u001B[1Gabc\u001B[K');
});

test('only the changed cells are written, a changed number as its whole word', () => {
	assert.equal(changedCells(' 11/45 Intro', ' 12/45 Intro'), '\u001B[2G12/45');
	assert.equal(changedCells('$ git pus', '$ git push'), '\u001B[10Gh\u001B[K');
	assert.equal(changedCells('$ git pus ', '$ git push'), '\u001B[10Gh');
	assert.equal(changedCells('same', 'same'), '');
});

const styles: Array<Style | undefined> = [
	undefined,
	{bold: true},
	{fg: '#ff0000'},
	{fg: '#00ff00', bg: '#000080', inverse: true},
	{link: 'https://a.example'},
	{link: 'https://b.example', underline: true},
];
const words = ['a', 'bb', 'ccc', ' ', '  ', '日本', '→', '🦄', '█▀▄', 'é', 'x y'];

function randomLine(rng: Random): Line {
	return Array.from({length: rng.int(0, 6)}, () => {
		const style = rng.pick(styles);
		return {text: Array.from({length: rng.int(1, 3)}, () => rng.pick(words)).join(''), ...(style ? {style} : {})};
	});
}

function mutate(rng: Random, line: Line): Line {
	const copy = [...line];
	const at = rng.int(0, copy.length);
	switch (rng.int(0, 3)) {
		case 0: {
			return [...copy.slice(0, at), randomLine(rng)[0] ?? {text: 'z'}, ...copy.slice(at)];
		}

		case 1: {
			return [...copy.slice(0, at), ...copy.slice(at + 1)];
		}

		case 2: {
			const style = rng.pick(styles);
			return copy.map((segment, index) => (index === at ? {text: segment.text, ...(style ? {style} : {})} : segment));
		}

		default: {
			return randomLine(rng);
		}
	}
}

test('writing the changed cells over the old line shows exactly what writing the new line would', async () => {
	const rng = random(99);
	const diffed = new VirtualScreen(150, 1);
	const written = new VirtualScreen(150, 1);
	try {
		for (let round = 0; round < 400; round++) {
			const line = randomLine(rng);
			const before = renderLine(line, ansi);
			const after = renderLine(mutate(rng, line), ansi);
			await diffed.write(`\u001B[0m\u001B[2J\u001B[H${before}\u001B[0m\u001B]8;;\u001B\\\u001B[1;3H`);
			await diffed.write(changedCells(before, after));
			await written.write(`\u001B[0m\u001B[2J\u001B[H${after}\u001B[0m\u001B]8;;\u001B\\`);
			assert.deepEqual(diffed.cells(0), written.cells(0), `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
		}
	} finally {
		diffed.dispose();
		written.dispose();
	}
});
