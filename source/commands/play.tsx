/**
 * `lectern DECK`: presents the deck full screen until the presenter quits.
 */
import {EventEmitter} from 'node:events';
import {openSync} from 'node:fs';
import {resolve} from 'node:path';
import {ReadStream} from 'node:tty';
import React from 'react';
import {render} from 'ink';
import {App, type Motion} from '../app.js';
import type {Deck} from '../deck/model.js';
import {prepareGraphics} from '../graphics/session.js';
import {colourLevel, pictureColours, type ImagesMode} from '../render/colour-level.js';
import {SlideSync, socketPath} from '../presenter/sync.js';
import {SlideTimes} from '../rehearsal/rehearsal.js';
import {takeOverTerminal} from '../terminal/screen-session.js';
import {finishRehearsal} from './rehearse.js';
import {DeckError} from '../read-deck.js';

export type PlayOptions = {
	readonly file: string;
	/** 1-based slide to open at. */
	readonly start: number | undefined;
	readonly env: NodeJS.ProcessEnv;
	readonly motion: Motion;
	readonly notes: boolean;
	/** The speaker's terminal: notes full screen, in step with the audience's. */
	readonly presenter: boolean;
	/** Names the socket the two terminals meet at (default: the deck's absolute path). */
	readonly session: string | undefined;
	/** Record time per slide and report it at the end. */
	readonly rehearse: boolean;
	/** The planned length of the talk. */
	readonly targetMs: number | undefined;
	/** Whether images are drawn as pictures (`--images`). */
	readonly images: ImagesMode;
};

export async function play(deck: Deck, options: PlayOptions): Promise<number> {
	const stdout = process.stdout;
	if (!stdout.isTTY) throw new DeckError('standard output is not a terminal; to see the slides as text, use: lectern print DECK');
	if (options.env['TERM'] === 'dumb') throw new DeckError('TERM=dumb cannot draw full-screen slides; to see them as text, use: lectern print DECK');
	const stdin = keyboard();
	const level = colourLevel(options.env, true);
	const ansi = {level, hyperlinks: level > 0 && options.env['TERM'] !== 'dumb'};

	const start = Math.max(0, (options.start ?? 1) - 1);
	const sync = startSync(options, start);
	let unmount = () => {};
	const pictures = pictureColours(options.images, level);
	const graphics = prepareGraphics({mode: options.images, env: options.env, pictures, stdin, stdout});
	const session = takeOverTerminal(stdout, stdin, () => {
		sync?.close();
		unmount();
	}, graphics.hooks);
	// In raw mode, before the first frame: the terminal's answers never echo, and the frame does not wait for them.
	graphics.start();

	const failed = (error: unknown) => {
		session.restore();
		process.stderr.write(`lectern: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(70);
	};

	process.on('uncaughtException', failed);
	process.on('unhandledRejection', failed);

	const times = options.rehearse ? new SlideTimes(deck.slides.length, Date.now()) : undefined;
	return new Promise<number>(resolve => {
		const finish = () => {
			session.restore();
			if (times) process.stdout.write(`${finishRehearsal(deck, options.file, times, options.targetMs, Date.now()).join('\n')}\n`);
			resolve(0);
			// Watchers and timers must not keep a quit player alive.
			setImmediate(() => process.exit(0));
		};

		// An answer still due from the terminal would land on the shell's prompt: it is read first (a few ms at most).
		const quit = () => void graphics.quiet().then(finish);

		const resumes = new EventEmitter();
		const suspend = () => {
			session.suspend(() => {
				// The size may have changed while stopped; the screen is blank and is drawn whole.
				stdout.emit('resize');
				resumes.emit('resume');
			});
		};

		const instance = render(
			<App
				deck={deck}
				file={options.file}
				start={start}
				ansi={ansi}
				stdout={stdout}
				onQuit={quit}
				onSuspend={suspend}
				resumes={resumes}
				motion={options.motion}
				notes={options.notes}
				presenter={options.presenter}
				sync={sync}
				targetMs={options.targetMs}
				pictures={pictures}
				graphics={graphics.layer}
				onVisit={times ? (index, at) => times.visit(index, at) : undefined}
			/>,
			{stdout: graphics.stdout, stdin: graphics.stdin, exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 60},
		);
		unmount = () => {
			instance.unmount();
		};
		// A render error unmounts Ink: give the terminal back, then report it.
		instance.waitUntilExit().catch(failed);
	});
}

/** The link to the other terminal; none for a piped deck without a session name. */
function startSync(options: PlayOptions, start: number): SlideSync | undefined {
	const key = options.session === undefined ? (options.file === '-' ? undefined : `deck:${resolve(options.file)}`) : `session:${options.session}`;
	if (!key) return undefined;
	try {
		const sync = new SlideSync(socketPath(key), start);
		sync.start();
		return sync;
	} catch {
		// No private folder for the socket: present without a second terminal.
		return undefined;
	}
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
