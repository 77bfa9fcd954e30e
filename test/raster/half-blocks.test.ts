import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {pixelGlyph} from '../../source/raster/half-blocks.js';

describe('half-block painting', () => {
	it('paints a synthetic picture cell by cell', () => {
		// 2x4 pixels: row 0 red/transparent, row 1 blue/green, row 2 transparent/half, row 3 transparent/white.
		const data = new Float32Array([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255, 255, 0, 255, 0, 255, 0, 0, 0, 0, 50, 50, 50, 100, 0, 0, 0, 0, 255, 255, 255, 255]);
		const glyph = pixelGlyph({width: 2, height: 4, data}, 3);
		assert.deepEqual(glyph.lines, [
			[
				{text: '▀', style: {fg: '#ff0000', bg: '#0000ff'}},
				{text: '▄', style: {fg: '#00ff00'}},
			],
			[{text: ' '}, {text: '▄', style: {fg: '#ffffff'}}],
		]);
	});
});
