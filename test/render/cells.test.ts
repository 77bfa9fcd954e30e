import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Line} from '../../source/frame/frame.js';
import {lineRuns, scanLineBand, scanLineLevel} from '../../source/render/cells.js';
import {cellColours, mix, palettes, resolveColour} from '../../source/render/palette.js';

const dark = palettes['dark']!;

test('runs keep their columns: one-cell text, wide clusters, pixel blocks and pictures', () => {
	const graphic = {key: 'g', columns: 2, rows: 1, payload: {format: 'png' as const, width: 1, height: 1, bytes: new Uint8Array()}};
	const line: Line = [
		{text: 'ab ╭─', style: {fg: 'accent'}},
		{text: '👋x'},
		{text: '▀▄█', style: {fg: '#ff0000', bg: '#0000ff'}},
		{text: 'é'},
		{text: '  ', style: {graphic}},
		{text: 'Ж'},
	];
	const runs = lineRuns(line);
	assert.deepEqual(
		runs.map(run => [run.kind, run.column, run.width]),
		[
			['text', 0, 5],
			['cluster', 5, 2],
			['text', 7, 1],
			['blocks', 8, 3],
			['text', 11, 1],
			['graphic', 12, 2],
			['cluster', 14, 1],
		],
	);
	const blocks = runs[3]!;
	assert.equal(blocks.kind, 'blocks');
	assert.deepEqual(blocks.kind === 'blocks' ? blocks.masks : [], [0b1100, 0b0011, 0b1111]);
});

test('a skin-toned ZWJ emoji is one cluster two cells wide', () => {
	const runs = lineRuns([{text: 'a👩🏻‍🔧b'}]);
	assert.deepEqual(
		runs.map(run => [run.kind, run.column, run.width]),
		[
			['text', 0, 1],
			['cluster', 1, 2],
			['text', 3, 1],
		],
	);
});

test('scan lines are drawn at their height, the bottom one at the foot of the cell', () => {
	assert.equal(scanLineLevel('⎽'), 9);
	assert.equal(scanLineLevel('⎺'), 1);
	assert.equal(scanLineLevel('_'), undefined);
	const bottom = scanLineBand(9);
	const top = scanLineBand(1);
	assert.ok(bottom.top > 0.85 && bottom.bottom <= 1, JSON.stringify(bottom));
	assert.ok(top.top >= 0 && top.bottom < 0.15, JSON.stringify(top));
});

test('colours resolve through the palette: theme names, literal colours, inverse and dim', () => {
	assert.equal(resolveColour('accent', dark), dark.colours.accent);
	assert.equal(resolveColour('#ABCDEF', dark), '#abcdef');
	assert.deepEqual(cellColours(undefined, dark), {fg: dark.foreground, bg: undefined});
	assert.deepEqual(cellColours({fg: 'draft', inverse: true}, dark), {fg: dark.background, bg: dark.colours.draft});
	assert.deepEqual(cellColours({fg: '#ffffff', dim: true}, dark), {fg: mix('#ffffff', dark.background, 0.5), bg: undefined});
	assert.equal(mix('#000000', '#ffffff', 0.5), '#808080');
});
