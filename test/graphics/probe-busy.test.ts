/**
 * A round whose answer came while the player was busy past the timeout (loading
 * Ink, parsing the rest of the deck) still counts: Node runs due timers before it
 * reads input, so a timeout that ended the round at once would lose an answer
 * that was already waiting (seen as half-blocks on a kitty terminal under load).
 * Real timers and a real socket: the order is the event loop's own.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {createConnection, createServer, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {askRound, type TerminalLine} from '../../source/graphics/probe.js';
import type {Reply} from '../../source/graphics/replies.js';

/** Two ends of a Unix socket: what the terminal writes to one is read from the other. */
async function socketPair(path: string): Promise<{player: Socket; terminal: Socket; close: () => void}> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(path, resolve));
	const accepted = new Promise<Socket>(resolve => server.once('connection', resolve));
	const terminal = createConnection(path);
	await new Promise<void>(resolve => terminal.once('connect', () => resolve()));
	const player = await accepted;
	return {
		player,
		terminal,
		close() {
			player.destroy();
			terminal.destroy();
			server.close();
		},
	};
}

/** Waits without yielding to the event loop, as a long synchronous stretch of start-up does. */
function busy(ms: number): void {
	const until = performance.now() + ms;
	while (performance.now() < until) {
		// Busy.
	}
}

test('an answer that arrived while the process was busy past the timeout ends the round as answered', async () => {
	const folder = mkdtempSync(join(tmpdir(), 'lectern-probe-'));
	const {player, terminal, close} = await socketPair(join(folder, 'line'));
	try {
		const listeners = new Set<(reply: Reply) => void>();
		player.on('data', () => {
			for (const listener of listeners) listener({kind: 'attributes'});
		});
		const line: TerminalLine = {
			write() {
				// The terminal answers at once (the bytes are in the socket when write returns),
				// while the player stays busy for six times the round's timeout.
				terminal.write('\u001B[?62c');
				busy(300);
			},
			onReply(listener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			},
			expect() {},
		};
		const round = await askRound(line, '', 50);
		assert.equal(round.answered, true);
	} finally {
		close();
		rmSync(folder, {recursive: true, force: true});
	}
});
