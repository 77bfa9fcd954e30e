import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fitGraphic, placementKey, placementsIn} from '../../source/graphics/placement.js';
import type {Graphic, Line} from '../../source/frame/frame.js';

const graphic = (columns: number, rows: number, key = 'a.png'): Graphic => ({
	key,
	columns,
	rows,
	payload: {format: 'png', width: 1, height: 1, bytes: new Uint8Array()},
});
const cells = (mark: Graphic): Line => [{text: ' '.repeat(mark.columns), style: {graphic: mark}}];

describe('how many cells and pixels', () => {
	it('as large as fits, aspect kept, on the cells the terminal has', () => {
		// A 2:1 picture in 80x20 cells of 10x20 pixels: 800x400 pixels of room, height-bound.
		assert.deepEqual(fitGraphic({width: 2000, height: 1000}, {columns: 80, rows: 20}, {width: 10, height: 20}), {
			columns: 80,
			rows: 20,
			width: 800,
			height: 400,
		});
		// Narrow cells (8x20): the same picture takes more columns for the same rows.
		assert.deepEqual(fitGraphic({width: 2000, height: 1000}, {columns: 120, rows: 20}, {width: 8, height: 20}), {
			columns: 100,
			rows: 20,
			width: 800,
			height: 400,
		});
		// Width-bound.
		assert.deepEqual(fitGraphic({width: 1600, height: 400}, {columns: 40, rows: 20}, {width: 10, height: 20}), {columns: 40, rows: 5, width: 400, height: 100});
	});

	it('never more pixels than the picture has: small pictures are sent as they are and the terminal scales them up', () => {
		assert.deepEqual(fitGraphic({width: 64, height: 32}, {columns: 80, rows: 20}), {columns: 80, rows: 20, width: 64, height: 32});
	});

	it('within the caps, however large the cells', () => {
		const fit = fitGraphic({width: 8000, height: 4000}, {columns: 400, rows: 100}, {width: 20, height: 40})!;
		assert.ok(fit.width <= 2048 && fit.height <= 2048 && fit.width * fit.height <= 4_000_000, `${fit.width}x${fit.height}`);
		assert.equal(fit.width / fit.height, 2);
	});

	it('without the cell size, cells twice as tall as wide', () => {
		assert.deepEqual(fitGraphic({width: 100, height: 100}, {columns: 80, rows: 20}), {columns: 40, rows: 20, width: 100, height: 100});
	});

	it('nothing for an empty box or picture', () => {
		assert.equal(fitGraphic({width: 10, height: 10}, {columns: 0, rows: 5}), undefined);
		assert.equal(fitGraphic({width: 0, height: 10}, {columns: 5, rows: 5}), undefined);
	});
});

describe('where the screen has its pictures', () => {
	it('the top left cell of a whole picture, after what is left of it', () => {
		const mark = graphic(4, 2);
		const lines: Line[] = [[{text: 'title'}], [{text: '  '}, {text: '😀 '}, ...cells(mark), {text: ' │ notes'}], [{text: '     '}, ...cells(mark)], []];
		const found = placementsIn(lines);
		assert.deepEqual(found, [{graphic: mark, row: 1, column: 5}]);
		assert.equal(placementKey(found[0]!), 'a.png@1,5:4x2');
	});

	it('a picture cut short (a row missing, narrowed, moved) is not placed', () => {
		const mark = graphic(4, 3);
		assert.deepEqual(placementsIn([cells(mark), cells(mark)]), [], 'a row missing');
		assert.deepEqual(placementsIn([cells(mark), [{text: '  ', style: {graphic: mark}}], cells(mark)]), [], 'narrowed');
		assert.deepEqual(placementsIn([cells(mark), [{text: ' '}, ...cells(mark)], cells(mark)]), [], 'moved');
		assert.deepEqual(placementsIn([cells(mark), [], cells(mark), cells(mark)]), [], 'not one under the other');
	});
});
