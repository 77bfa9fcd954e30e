/**
 * `lectern DECK`, before Ink: checks the terminal, takes it over, and draws the
 * opening slide at once from the pure layout and the part of the deck it
 * needs. The rest of the deck is parsed and the player (Ink, React, Yoga:
 * about 100 ms to load) loaded after that; the player takes over the same
 * screen, so the slide is up in about the time Node itself needs to start.
 */
import {openSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {ReadStream} from 'node:tty';
import type {DeckToPlay} from '../read-deck.js';
import {emojiPainterFor} from '../emoji/index.js';
import {openingScreen, openingState} from '../layout/opening-screen.js';
import {hasPictures} from '../layout/plan-slide.js';
import {screenRow, type AnsiOptions} from '../render/ansi.js';
import {colourLevel, pictureColours} from '../render/colour-level.js';
import {takeOverTerminal, type ScreenHooks} from '../terminal/screen-session.js';
import {openingWrite, redrawWrite, type OpeningFrame} from '../terminal/takeover.js';
import {highlightDeck} from '../code/highlight-deck.js';
import {terminalSize} from '../terminal/terminal-size.js';
import {keysWhile} from '../terminal/keys-before-player.js';
import {earlyMove} from '../navigation/early-move.js';
import {animationFor} from '../layout/terminal-animation.js';
import type {NavState} from '../navigation/navigation.js';
import type {Line, Size} from '../frame/frame.js';
import type {PictureSource} from '../layout/plan-inline-image.js';
import {resolveImageSource} from '../images/image-source.js';
import {DeckError} from '../read-deck.js';
import {internalErrorReport} from '../fault-line.js';
import type {PlayOptions} from './play.js';
import {hyperlinksWork} from '../render/hyperlink-support.js';

export async function present(steps: DeckToPlay, options: PlayOptions): Promise<number> {
	// Read from disk while the opening slide is laid out: keys are read from the moment it is up (see below).
	const graphicsSession = import('../graphics/session.js');
	// The pace against a target counts the checkpoints in every slide's notes: that needs the whole deck.
	const codeTheme = options.theme?.code ?? 'github-dark';
	const opening = await highlightDeck(options.targetMs === undefined ? steps.opening : await steps.whole(), codeTheme);
	const stdout = process.stdout;
	if (!stdout.isTTY) throw new DeckError('standard output is not a terminal; to see the slides as text, use: lectern print DECK');
	if (options.env['TERM'] === 'dumb') throw new DeckError('TERM=dumb cannot draw full-screen slides; to see them as text, use: lectern print DECK');
	const stdin = keyboard();
	const level = colourLevel(options.env, true);
	const ansi: AnsiOptions = {level, hyperlinks: level > 0 && hyperlinksWork(options.env), ...(options.theme ? {theme: options.theme.colours} : {})};
	const start = Math.max(0, (options.start ?? 1) - 1);

	let beforeRestore = () => {};
	// Filled in once pictures the terminal draws are set up (after the opening slide is up).
	const screenHooks: ScreenHooks = options.theme?.paint && level > 0 ? {paint: options.theme} : {};
	const session = takeOverTerminal(
		stdout,
		stdin,
		() => {
			beforeRestore();
		},
		screenHooks,
	);
	const failed = (error: unknown) => {
		session.restore();
		process.stderr.write(internalErrorReport(error, process.argv.includes('--debug')));
		process.exit(70);
	};

	process.on('uncaughtException', failed);
	process.on('unhandledRejection', failed);

	const emoji = emojiPainterFor(level);
	const pictures = pictureColours(options.images, level);
	const nav = openingState(opening, start, options.notes, options.counter);
	// Pictures come from a worker the player starts: an image slide waits for it (the next-slide preview has none).
	const openingSlide = opening.slides[nav.index];
	// A slide with a picture (an image slide, an inline `@` picture) is drawn by the player itself, as its first render has it.
	const needsPictures = pictures !== undefined && openingSlide !== undefined && hasPictures(openingSlide);
	let opened: OpeningFrame | undefined;
	const motion = options.motion.animate ? options.motion : undefined;
	const screenAt = (at: NavState, size: Size, arriving?: PictureSource): Line[] =>
		openingScreen({
			deck: opening,
			nav: at,
			size,
			motion,
			showUrls: !ansi.hyperlinks,
			...(emoji ? {emoji} : {}),
			targetMs: options.targetMs,
			presenter: options.presenter,
			now: Date.now(),
			...(options.audience ? {viewers: options.audience.viewers} : {}),
			...(arriving ? {pictures: arriving} : {}),
		});
	const openingSize = terminalSize(stdout);
	if (!needsPictures) {
		// Row by row from the top, as Ink will write the same screen, the cursor left where Ink's frame leaves it (takeover.ts).
		const written = openingWrite(
			screenAt(nav, openingSize).map(line => screenRow(line, ansi)),
			openingSize.rows,
		);
		opened = written.frame;
		stdout.write(written.bytes);
	}

	// Next and previous pressed while the player loads are drawn at once, to the slides the opening parsed.
	let reached = nav;
	const animates = (from: number, index: number) => motion !== undefined && animationFor(opening.slides, from, index, motion) !== undefined;
	let moving = opened !== undefined && !options.presenter && !options.rehearse && !options.audience && !animates(nav.from, nav.index);
	const drawable = (index: number) => index === nav.index || index === nav.index + 1;
	// A picture is on its way, as in the player's first render (its store has not read a file yet); a source that is not a file never will be.
	const folder = options.file === '-' ? process.cwd() : dirname(resolve(options.file));
	const arriving: PictureSource | undefined =
		pictures === undefined
			? undefined
			: src => {
					const source = resolveImageSource(folder, src);
					return 'reason' in source ? {state: 'missing', reason: source.reason} : {state: 'pending'};
				};
	const move = (read: string): boolean => {
		const size = terminalSize(stdout);
		const moved =
			moving && opened && size.columns === openingSize.columns && size.rows === openingSize.rows ? earlyMove(reached, read, {drawable, animates}) : undefined;
		if (!moved || !opened) return false;
		const written = redrawWrite(
			opened,
			screenAt(moved.nav, size, arriving).map(line => screenRow(line, ansi)),
			size.rows,
		);
		opened = written.frame;
		stdout.write(written.bytes);
		reached = moved.nav;
		moving = moved.settled;
		return true;
	};

	// The terminal is asked what pictures it can draw while the player loads.
	const {prepareGraphics} = await graphicsSession;
	const graphics = prepareGraphics({mode: options.images, env: options.env, pictures, stdin, stdout});
	Object.assign(screenHooks, graphics.hooks);
	graphics.start();

	let quitting = false;
	const quit = () => {
		if (quitting) return;
		quitting = true;
		// No answer to the graphics questions may arrive after the terminal is given back.
		void graphics.quiet().finally(() => {
			session.restore();
			process.exit(0);
		});
	};

	// The rest of the deck is parsed, then the player loaded (a deck parsed in a worker: while it loads); one watch of the keys covers both, so they stay in order.
	// In this thread the parse goes first: it lets keys in every few milliseconds, and a key pressed as the opening slide shows is drawn at once, where
	// the player's load (compiling and running Ink, React and Yoga) would keep it waiting.
	const whole = async () => highlightDeck(await steps.whole(), codeTheme);
	const [{play}, deck] = await keysWhile(
		graphics.stdin,
		steps.inWorker ? Promise.all([import('./play.js'), whole()]) : whole().then(async parsed => [await import('./play.js'), parsed] as const),
		{quit, move},
	);
	return play(deck, options, {
		graphics,
		opened,
		session,
		ansi,
		start: reached.index,
		nav: reached,
		pictures,
		...(emoji ? {emoji} : {}),
		failed,
		beforeRestore(run) {
			beforeRestore = run;
		},
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
