import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ScreenWrites} from '../../source/graphics/screen-writes.js';

const size = {columns: 40, rows: 10};

describe('which cells a write touches', () => {
	it('text, lines and Ink’s moves', () => {
		const screen = new ScreenWrites(size);
		// A first frame: two lines, the second coloured and linked.
		const first = screen.follow('title\r\n\u001B[1m\u001B]8;;https://x\u001B\\ab😀\u001B]8;;\u001B\\\u001B[0m\u001B[K\r\n');
		assert.deepEqual(first, {
			spans: [
				{row: 0, from: 0, to: 5},
				{row: 1, from: 0, to: 4},
				{row: 1, from: 4, to: Number.POSITIVE_INFINITY},
			],
			cleared: false,
		});
		// An incremental frame: up two lines, down one, changed cells from column 10.
		const next = screen.follow('\u001B[2A\u001B[1E\u001B[11G12/45\u001B[1E');
		assert.deepEqual(next.spans, [{row: 1, from: 10, to: 15}]);
	});

	it('erases', () => {
		const screen = new ScreenWrites(size);
		assert.deepEqual(screen.follow('\u001B[3;5H\u001B[4X').spans, [{row: 2, from: 4, to: 8}]);
		assert.deepEqual(screen.follow('\u001B[2K').spans, [{row: 2, from: 0, to: Number.POSITIVE_INFINITY}]);
		assert.deepEqual(screen.follow('\u001B[1K').spans, [{row: 2, from: 0, to: 5}]);
		assert.equal(screen.follow('\u001B[2J').cleared, true);
	});

	it('a line feed on the last row scrolls: everything moved', () => {
		const screen = new ScreenWrites(size);
		assert.equal(screen.follow('\u001B[10;1Hx').cleared, false);
		assert.equal(screen.follow('\n').cleared, true);
	});

	it('saving and restoring the cursor, and a new screen', () => {
		const screen = new ScreenWrites(size);
		assert.deepEqual(screen.follow('\u001B[5;5H\u001B7\u001B[1;1Hab\u001B8c').spans, [
			{row: 0, from: 0, to: 2},
			{row: 4, from: 4, to: 5},
		]);
		screen.home();
		assert.deepEqual(screen.follow('z').spans, [{row: 0, from: 0, to: 1}]);
	});
});
