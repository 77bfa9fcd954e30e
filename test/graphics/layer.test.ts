import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {describe, it} from 'node:test';
import {GraphicsLayer, type GraphicsState} from '../../source/graphics/layer.js';
import type {Placement} from '../../source/graphics/placement.js';
import type {Graphic} from '../../source/frame/frame.js';

const bsu = '\u001B[?2026h';
const esu = '\u001B[?2026l';

class FakeTerminal extends EventEmitter {
	readonly isTTY = true;
	columns = 80;
	rows = 24;
	written: string[] = [];
	write(text: string) {
		this.written.push(text);
		return true;
	}

	/** What was written since the last call. */
	take(): string {
		const text = this.written.join('');
		this.written = [];
		return text;
	}
}

const graphic = (key: string, columns = 10, rows = 4, bytes = 30): Graphic => ({
	key,
	columns,
	rows,
	payload: {format: 'png', width: 20, height: 8, bytes: new Uint8Array(bytes).fill(7)},
});

const turns = async (count = 3) => {
	for (let index = 0; index < count; index++) await new Promise(resolve => setImmediate(resolve));
};

function start(state: Partial<GraphicsState> = {}) {
	const terminal = new FakeTerminal();
	const layer = new GraphicsLayer(terminal as unknown as NodeJS.WriteStream, {protocol: 'kitty', itermMaxBytes: 1_000_000, ...state});
	/** Ink writing one frame: the synchronized-update marks around it. */
	const frame = (text: string) => {
		layer.output.write(bsu);
		layer.output.write(text);
		layer.output.write(esu);
	};

	return {terminal, layer, frame};
}

/** Shows `mark` at a cell, lets Ink write a frame and the picture be sent and placed; returns its id. */
async function placed(setup: ReturnType<typeof start>, mark: Graphic, row = 0, column = 0): Promise<string> {
	setup.layer.show([{graphic: mark, row, column}]);
	setup.frame('slide');
	await turns();
	return /a=t,[^;\u001B]*i=(\d+)/.exec(setup.terminal.take())![1]!;
}

const kittyCodes = (text: string) => [...text.matchAll(/\u001B_G([^;\u001B]*)/g)].map(match => match[1]);

describe('kitty pictures over Ink’s frames', () => {
	it('sent once, then placed after the frame’s text, in the same update; nothing more while nothing changes', async () => {
		const {terminal, layer, frame} = start();
		const quadrants = graphic('q');
		const placement: Placement = {graphic: quadrants, row: 2, column: 5};
		layer.show([placement]);
		frame('text');
		assert.equal(terminal.take(), `${bsu}text${esu}`, 'not sent yet: nothing placed');
		await turns();
		const sent = terminal.take();
		assert.match(kittyCodes(sent)[0]!, /^a=t,f=100,i=\d+,q=2,m=0$/);
		const id = /i=(\d+)/.exec(sent)![1];
		// Sent: placed on its own (no frame came), at row 3, column 6 (1-based), over 10x4 cells.
		assert.equal(sent.slice(sent.indexOf(bsu)), `${bsu}\u001B7\u001B[3;6H\u001B_Ga=p,i=${id},p=1,c=10,r=4,C=1,q=2\u001B\\\u001B8${esu}`);
		// The clock ticks: frames with other text, the same picture: nothing but the text.
		layer.show([{...placement}]);
		frame('\u001B[1;70H12:01');
		frame('\u001B[1;70H12:02');
		assert.equal(terminal.take(), `${bsu}\u001B[1;70H12:01${esu}${bsu}\u001B[1;70H12:02${esu}`);
	});

	it('another slide: the old picture off before the frame, the new one on after it; back again: no second transmission', async () => {
		const setup = start();
		const {terminal, layer, frame} = setup;
		const first = graphic('first');
		const second = graphic('second', 20, 6);
		const firstId = await placed(setup, first, 1, 1);
		layer.show([{graphic: second, row: 3, column: 2}]);
		frame('two');
		await turns();
		const text = terminal.take();
		const secondId = /a=t,f=100,i=(\d+)/.exec(text)![1];
		assert.notEqual(firstId, secondId);
		assert.ok(text.startsWith(`${bsu}\u001B_Ga=d,d=i,i=${firstId},p=1,q=2\u001B\\two${esu}`), 'taken off in the frame, before its text');
		assert.match(text, new RegExp(`\\u001B\\[4;3H\\u001B_Ga=p,i=${secondId},p=2,c=20,r=6,`));
		layer.show([{graphic: first, row: 1, column: 1}]);
		frame('one again');
		const back = terminal.take();
		assert.equal(kittyCodes(back).filter(code => code!.startsWith('a=t')).length, 0, 'the terminal still has it');
		assert.match(
			back,
			new RegExp(`^\\u001B\\[\\?2026h\\u001B_Ga=d,d=i,i=${secondId},p=2,q=2\\u001B\\\\one again\\u001B7\\u001B\\[2;2H\\u001B_Ga=p,i=${firstId},p=3,`),
		);
	});

	it('an overlay (no picture on the screen) takes it off; leaving frees everything', async () => {
		const setup = start();
		const {terminal, layer, frame} = setup;
		const id = await placed(setup, graphic('q'));
		layer.show([]);
		frame('help');
		assert.equal(terminal.take(), `${bsu}\u001B_Ga=d,d=i,i=${id},p=1,q=2\u001B\\help${esu}`);
		assert.equal(layer.leave(), `\u001B_Ga=d,d=I,i=${id},q=2\u001B\\`);
		frame('after');
		assert.equal(terminal.take(), `${bsu}after${esu}`, 'resting: Ink’s last writes go through untouched');
	});

	it('after Ctrl-Z and fg (freed, a new screen), the picture is sent and placed again', async () => {
		const setup = start();
		const {terminal, layer, frame} = setup;
		const mark = graphic('q');
		const id = await placed(setup, mark);
		assert.equal(layer.leave(), `\u001B_Ga=d,d=I,i=${id},q=2\u001B\\`);
		assert.equal(layer.leave(), '', 'once');
		layer.entered();
		layer.show([]);
		frame('blank');
		layer.show([{graphic: mark, row: 0, column: 0}]);
		frame('slide');
		await turns();
		const again = kittyCodes(terminal.take());
		assert.ok(
			again.some(code => code!.startsWith('a=t')),
			'sent again',
		);
		assert.ok(
			again.some(code => code!.startsWith('a=p')),
			'placed again',
		);
	});

	it('a resize takes the pictures off at once; the next frame places them where they go', async () => {
		const setup = start();
		const {terminal, layer, frame} = setup;
		const mark = graphic('q');
		const id = await placed(setup, mark);
		terminal.columns = 100;
		terminal.emit('resize');
		assert.equal(terminal.take(), `\u001B_Ga=d,d=i,i=${id},p=1,q=2\u001B\\`);
		frame('the old screen at the new size');
		assert.equal(terminal.take(), `${bsu}the old screen at the new size${esu}`, 'not placed where it was');
		layer.show([{graphic: mark, row: 0, column: 10}]);
		frame('wider');
		assert.match(terminal.take(), new RegExp(`wider\\u001B7\\u001B\\[1;11H\\u001B_Ga=p,i=${id},p=2,`));
	});

	it('a picture still being sent is given up when another command must go out, and sent again if still wanted', async () => {
		const setup = start();
		const {terminal, layer, frame} = setup;
		const small = graphic('small');
		await placed(setup, small);
		// A picture large enough to take several turns to send.
		const large = graphic('large', 10, 4, 600_000);
		layer.show([{graphic: large, row: 0, column: 0}]);
		frame('b');
		await turns(1);
		const started = terminal.take();
		assert.ok(
			kittyCodes(started).some(code => code!.includes('m=1')),
			'part of it sent',
		);
		// Back to the small picture before the large one is all there: the transmission ends, then the placement.
		layer.show([{graphic: small, row: 0, column: 0}]);
		frame('c');
		const codes = kittyCodes(terminal.take());
		assert.deepEqual(codes[0], 'm=0,q=2', 'the transmission ends first');
		assert.ok(codes.some(code => code!.startsWith('a=p')));
		await turns(20);
		assert.equal(kittyCodes(terminal.take()).length, 0, 'the large one is no longer wanted: not sent again');
	});

	it('pictures wait while the protocol is not known, and a cleared screen draws them again', async () => {
		const {terminal, layer, frame} = start({protocol: 'pending'});
		const mark = graphic('q');
		layer.show([{graphic: mark, row: 0, column: 0}]);
		frame('x');
		await turns();
		assert.equal(terminal.take(), `${bsu}x${esu}`);
		layer.settle({protocol: 'kitty'});
		layer.show([{graphic: mark, row: 0, column: 0}]);
		frame('y');
		await turns();
		assert.ok(terminal.take().includes('a=p'));
		frame('\u001B[2J');
		assert.ok(
			kittyCodes(terminal.take()).some(code => code!.startsWith('a=p')),
			'placed again after a clear',
		);
	});
});

describe('iTerm2 pictures over Ink’s frames', () => {
	it('drawn after the frame; drawn again only when the frame writes over its cells', () => {
		const {terminal, layer, frame} = start({protocol: 'iterm'});
		const mark = graphic('q');
		layer.show([{graphic: mark, row: 2, column: 4}]);
		frame('\u001B[1;1Hslide');
		const first = terminal.take();
		assert.match(first, /slide\u001B7\u001B\[3;5H\u001B\]1337;File=inline=1;width=10;height=4;preserveAspectRatio=1;size=30:[A-Za-z\d+/=]+\u0007\u001B8/);
		// Text elsewhere (a timer to the right of it, the status bar): left alone.
		frame('\u001B[3;20H12:01\u001B[20;1Hstatus');
		assert.equal(terminal.take(), `${bsu}\u001B[3;20H12:01\u001B[20;1Hstatus${esu}`);
		// A line rewritten across the picture's cells: drawn again.
		frame('\u001B[4;1H\u001B[K');
		assert.match(terminal.take(), /\u001B\[K\u001B7\u001B\[3;5H\u001B\]1337;File=/);
	});

	it('taken off by blanking its cells before the next slide’s text', () => {
		const {terminal, layer, frame} = start({protocol: 'iterm'});
		layer.show([{graphic: graphic('q', 3, 2), row: 1, column: 4}]);
		frame('a');
		terminal.take();
		layer.show([]);
		frame('b');
		assert.equal(terminal.take(), `${bsu}\u001B7\u001B[0m\u001B[2;5H\u001B[3X\u001B[3;5H\u001B[3X\u001B8b${esu}`);
	});
});

describe('through tmux', () => {
	it('every code wrapped for passthrough, placed in the outer terminal’s cells', async () => {
		const {terminal, layer, frame} = start({protocol: 'pending'});
		layer.settle({protocol: 'kitty'}, {top: 1, left: 40});
		layer.show([{graphic: graphic('q'), row: 2, column: 5}]);
		frame('x');
		await turns();
		const text = terminal.take();
		assert.match(text, /\u001BPtmux;\u001B\u001B_Ga=t,f=100,/);
		assert.match(text, /\u001BPtmux;\u001B\u001B7\u001B\u001B\[4;46H\u001B\u001B_Ga=p,/);
	});
});

describe('a terminal that draws no pictures (half-blocks, for good)', () => {
	it("passes Ink's frames through untouched and stays without pictures, whatever is said later", async () => {
		const {terminal, layer, frame} = start({protocol: 'pending'});
		layer.settle({protocol: undefined});
		terminal.take();
		layer.show([{graphic: graphic('a'), column: 0, row: 0}]);
		frame('\u001B[2A\u001B[5Gtext');
		await turns();
		assert.equal(terminal.take(), `${bsu}\u001B[2A\u001B[5Gtext${esu}`);
		layer.settle({protocol: 'kitty'});
		assert.equal(layer.state.protocol, undefined);
		frame('more');
		await turns();
		assert.equal(terminal.take(), `${bsu}more${esu}`, 'no picture is drawn');
	});
});
