import assert from 'node:assert/strict';
import {deflateSync, inflateSync} from 'node:zlib';
import {describe, it} from 'node:test';
import {itermImage} from '../../source/graphics/iterm.js';
import {chunkSize, kittyAbort, kittyFree, kittyPlace, kittyQuery, kittyTransmit, kittyUnplace} from '../../source/graphics/kitty.js';
import {atCell, tmuxWrap} from '../../source/graphics/passthrough.js';
import type {GraphicPayload} from '../../source/frame/frame.js';

const png = (bytes: number): GraphicPayload => ({format: 'png', width: 4, height: 2, bytes: new Uint8Array(bytes).map((_, index) => index % 251)});

/** The control data and payload of an APC graphics code. */
function parts(code: string): {control: string; payload: string} {
	const match = /^\u001B_G([^;\u001B]*)(?:;([^\u001B]*))?\u001B\\$/.exec(code);
	assert.ok(match, `a graphics code: ${JSON.stringify(code.slice(0, 60))}`);
	return {control: match[1]!, payload: match[2] ?? ''};
}

describe('kitty graphics codes', () => {
	it('the support query', () => {
		assert.equal(kittyQuery, '\u001B_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u001B\\');
	});

	it('a small PNG goes in one code, as it is (f=100), quietly', () => {
		const codes = kittyTransmit(7, png(30));
		assert.equal(codes.length, 1);
		const {control, payload} = parts(codes[0]!);
		assert.equal(control, 'a=t,f=100,i=7,q=2,m=0');
		assert.deepEqual([...Buffer.from(payload, 'base64')], [...png(30).bytes]);
	});

	it('chunks of 4096 base64 characters: m=1 on all but the last, keys only on the first', () => {
		const payload = png(10_000);
		const codes = kittyTransmit(9, payload);
		const decoded = codes.map(code => parts(code));
		assert.equal(decoded.length, Math.ceil((Math.ceil(10_000 / 3) * 4) / chunkSize));
		assert.equal(decoded[0]!.control, 'a=t,f=100,i=9,q=2,m=1');
		for (const chunk of decoded.slice(1, -1)) assert.equal(chunk.control, 'm=1,q=2');
		assert.equal(decoded.at(-1)!.control, 'm=0,q=2');
		for (const chunk of decoded.slice(0, -1)) assert.equal(chunk.payload.length, chunkSize);
		const data = decoded.map(chunk => chunk.payload).join('');
		assert.deepEqual([...Buffer.from(data, 'base64')], [...payload.bytes], 'the chunks put together are the file');
	});

	it('pixels: RGBA compressed with zlib, with their size', () => {
		const pixels = new Uint8Array(4 * 2 * 4).fill(200);
		const codes = kittyTransmit(3, {format: 'rgba', width: 4, height: 2, bytes: deflateSync(pixels)});
		const {control, payload} = parts(codes[0]!);
		assert.equal(control, 'a=t,f=32,o=z,s=4,v=2,i=3,q=2,m=0');
		assert.deepEqual([...inflateSync(Buffer.from(payload, 'base64'))], [...pixels]);
	});

	it('JPEG is not a kitty format', () => {
		assert.throws(() => kittyTransmit(1, {format: 'jpeg', width: 1, height: 1, bytes: new Uint8Array(4)}));
	});

	it('place, take off, free, give up a transmission', () => {
		assert.equal(kittyPlace(5, 2, 40, 12), '\u001B_Ga=p,i=5,p=2,c=40,r=12,C=1,q=2\u001B\\');
		assert.equal(kittyUnplace(5, 2), '\u001B_Ga=d,d=i,i=5,p=2,q=2\u001B\\');
		assert.equal(kittyFree(5), '\u001B_Ga=d,d=I,i=5,q=2\u001B\\');
		assert.equal(kittyAbort, '\u001B_Gm=0,q=2\u001B\\');
	});
});

describe('iTerm2 inline images', () => {
	it('one OSC 1337 with the cells and the size in bytes', () => {
		const payload = png(5);
		assert.equal(
			itermImage(payload, 30, 8),
			`\u001B]1337;File=inline=1;width=30;height=8;preserveAspectRatio=1;size=5:${Buffer.from(payload.bytes).toString('base64')}\u0007`,
		);
		assert.throws(() => itermImage({format: 'rgba', width: 1, height: 1, bytes: new Uint8Array(4)}, 1, 1));
	});
});

describe('placing and tmux', () => {
	it('at a cell, the cursor saved and restored', () => {
		assert.equal(atCell(0, 0, 'X'), '\u001B7\u001B[1;1HX\u001B8');
		assert.equal(atCell(4, 10, 'X'), '\u001B7\u001B[5;11HX\u001B8');
	});

	it('tmux passthrough doubles every ESC inside', () => {
		assert.equal(tmuxWrap(kittyFree(5)), '\u001BPtmux;\u001B\u001B_Ga=d,d=I,i=5,q=2\u001B\u001B\\\u001B\\');
		assert.equal(
			tmuxWrap(atCell(1, 2, '\u001B]1337;File=x\u0007')),
			'\u001BPtmux;\u001B\u001B7\u001B\u001B[2;3H\u001B\u001B]1337;File=x\u0007\u001B\u001B8\u001B\\',
		);
	});
});
