/**
 * Viewers' frames in the presenter's theme: a theme with a background of its
 * own paints every cell (rows filled to the width, the last row too), so that
 * no viewer's terminal default colours are ever set; a frame to or from such
 * a theme is drawn whole.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {FrameCache, onThemeBackground, type Frame} from '../../source/serve/frames.js';
import {builtinThemes} from '../../source/theme/themes.js';
import {lineWidth} from '../../source/text/wrap.js';

const light = builtinThemes['light']!;

test('a painted theme fills every row to the width with its background, and adds the last row', () => {
	const lines = [[{text: 'Title', style: {fg: 'heading' as const}}], [], [{text: 'code', style: {bg: 'codeBg' as const}}]];
	const painted = onThemeBackground(lines, light, {columns: 20, rows: 5});
	assert.equal(painted.length, 5);
	for (const line of painted) {
		assert.equal(lineWidth(line), 20);
		for (const segment of line) assert.ok(segment.style?.bg, `every cell has a background: ${JSON.stringify(segment)}`);
	}

	assert.equal(painted[0]![0]!.style?.fg, 'heading', 'a colour of its own stays');
	assert.equal(painted[0]![0]!.style?.bg, light.background);
	assert.equal(painted[2]![0]!.style?.bg, 'codeBg');
	assert.equal(painted[1]![0]!.style?.fg, undefined, 'blank filler has only a background');
});

test('to or from a painted theme (one row more), the screen is drawn whole', () => {
	const frames = new FrameCache();
	const size = {columns: 10, rows: 4};
	const dark: Frame = {key: 'a', size, rows: ['one', 'two', 'three']};
	const painted: Frame = {key: 'b', size, rows: ['one', 'two', 'three', '    ']};
	assert.ok(frames.paint(dark, painted).includes('\u001B[2J'));
	assert.ok(frames.paint(painted, dark).includes('\u001B[2J'));
	assert.ok(!frames.paint(dark, {key: 'c', size, rows: ['one', 'tw0', 'three']}).includes('\u001B[2J'), 'a change in one theme is a difference');
});
