/**
 * `lectern DECK`: presents the deck full screen until the presenter quits.
 */
import {openSync} from 'node:fs';
import {ReadStream} from 'node:tty';
import React from 'react';
import {render} from 'ink';
import {App, type Motion} from '../app.js';
import type {Deck} from '../deck/model.js';
import {colourLevel} from '../render/colour-level.js';
import {takeOverTerminal} from '../terminal/screen-session.js';
import {DeckError} from '../read-deck.js';

export type PlayOptions = {
	readonly file: string;
	/** 1-based slide to open at. */
	readonly start: number | undefined;
	readonly env: NodeJS.ProcessEnv;
	readonly motion: Motion;
	readonly notes: boolean;
};

export async function play(deck: Deck, options: PlayOptions): Promise<number> {
	const stdout = process.stdout;
	if (!stdout.isTTY) throw new DeckError('standard output is not a terminal; to see the slides as text, use: lectern print DECK');
	const stdin = keyboard();
	const level = colourLevel(options.env, true);
	const ansi = {level, hyperlinks: level > 0 && options.env['TERM'] !== 'dumb'};

	let unmount = () => {};
	const session = takeOverTerminal(stdout, stdin, () => {
		unmount();
	});

	const failed = (error: unknown) => {
		session.restore();
		process.stderr.write(`lectern: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(70);
	};

	process.on('uncaughtException', failed);
	process.on('unhandledRejection', failed);

	return new Promise<number>(resolve => {
		const quit = () => {
			session.restore();
			resolve(0);
			// Watchers and timers must not keep a quit player alive.
			setImmediate(() => process.exit(0));
		};

		const instance = render(
			<App deck={deck} file={options.file} start={(options.start ?? 1) - 1} ansi={ansi} stdout={stdout} onQuit={quit} motion={options.motion} notes={options.notes} />,
			{stdout, stdin, exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 60},
		);
		unmount = () => {
			instance.unmount();
		};
	});
}

/** Keys come from stdin, or from the controlling terminal when the deck was piped in. */
function keyboard(): NodeJS.ReadStream {
	if (process.stdin.isTTY) return process.stdin;
	try {
		return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
	} catch {
		throw new DeckError('no terminal to read keys from (standard input is not a terminal and /dev/tty cannot be opened)');
	}
}
