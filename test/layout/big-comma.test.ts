/**
 * The comma in big text (#15, point 10): the ANSI block fonts draw it as a dot on the
 * baseline, so "DEPLOYMENT," read as "DEPLOYMENT."; lectern redraws it with a tail
 * below the letters.
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
		it(`${font.figletName}: differs from the full stop and has a tail below the baseline`, () => {
			const comma = glyphRows(font, ','.codePointAt(0)!)!;
			const stop = glyphRows(font, '.'.codePointAt(0)!)!;
			assert.notDeepEqual(comma, stop);
			const {core} = fontMetrics(font);
			const inkRows = (rows: string[]) => rows.flatMap((row, index) => (isBlank(row) ? [] : [index]));
			// Small Block's comma (▗▖ over ▗▘) is its own shape within the letters' rows; the ANSI fonts' reaches below them.
			if (font.figletName === 'Small Block') return;
			assert.ok(Math.max(...inkRows(comma)) > Math.max(...inkRows(stop)), `the comma reaches lower than the full stop:\n${comma.join('\n')}`);
			assert.ok(Math.max(...inkRows(comma)) >= core, `a descender below the letters' ${core} rows:\n${comma.join('\n')}`);
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
});
