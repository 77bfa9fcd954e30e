/**
 * The comma in big text (#15, point 10): the ANSI block fonts draw it as a dot on the
 * baseline, so "DEPLOYMENT," read as "DEPLOYMENT."; lectern redraws it with a tail
 * (below the letters in ANSI Shadow, to the baseline in ANSI Regular).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fontMetrics} from '../../source/layout/big-font-metrics.js';
import {fontChain, glyphRows, isBlank} from '../../source/layout/big-fonts.js';
import {layoutBigTitle} from '../../source/layout/big-text.js';
import type {Line} from '../../source/frame/frame.js';

const text = (line: Line) => line.map(segment => segment.text).join('');
const blockFonts = [...new Map(fontChain.filter(font => font.stroke === 'block').map(font => [font.figletName, font])).values()];

describe('a comma in big text reads as a comma', () => {
	for (const font of blockFonts) {
		it(`${font.figletName}: differs from the full stop and has a tail`, () => {
			const comma = glyphRows(font, ','.codePointAt(0)!)!;
			const stop = glyphRows(font, '.'.codePointAt(0)!)!;
			assert.notDeepEqual(comma, stop);
			const {core} = fontMetrics(font);
			const inkRows = (rows: string[]) => rows.flatMap((row, index) => (isBlank(row) ? [] : [index]));
			const lowest = (rows: string[]) => Math.max(...inkRows(rows));
			if (font.figletName === 'ANSI Shadow') {
				// A tail below the letters' rows, into the descender row.
				assert.ok(lowest(comma) >= core, `a descender below the letters' ${core} rows:\n${comma.join('\n')}`);
			} else if (font.figletName === 'ANSI Regular') {
				// A dot with a tail down to the baseline, in the letters' rows (a descender would cost the 3x title three rows).
				assert.ok(inkRows(comma).length > inkRows(stop).length, `a dot and a tail:\n${comma.join('\n')}`);
				assert.equal(lowest(comma), lowest(stop), 'on the baseline');
				assert.ok(lowest(comma) < core, 'no descender');
			}
		});
	}

	it('"DEPLOYMENT," in ANSI Shadow: the comma line takes the descender row, and its last column differs from "DEPLOYMENT."', () => {
		const box = {columns: 100, rows: 10};
		const comma = layoutBigTitle([[{type: 'text', text: 'DEPLOYMENT,'}]], box);
		const stop = layoutBigTitle([[{type: 'text', text: 'DEPLOYMENT.'}]], box);
		assert.equal(comma.font, 'ANSI Shadow');
		assert.equal(stop.font, 'ANSI Shadow');
		assert.equal(comma.lines.length, stop.lines.length + 1, 'one row more, for the tail');
		assert.notEqual(text(comma.lines.at(-1)!).trim(), '', 'the last row has the tail in it');
	});

	it('a comma costs a title no size: the reference title is as big with its comma as with a full stop, at 120x40 and 200x50', () => {
		for (const box of [
			{columns: 116, rows: 34},
			{columns: 196, rows: 44},
		]) {
			const comma = layoutBigTitle([[{type: 'text', text: 'What is deployment, anyway?'}]], box);
			const stop = layoutBigTitle([[{type: 'text', text: 'What is deployment. anyway?'}]], box);
			assert.equal(comma.font, stop.font, `${box.columns}x${box.rows}`);
		}
	});
});
