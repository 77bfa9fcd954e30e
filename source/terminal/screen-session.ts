/**
 * Taking over the terminal and giving it back exactly as it was: alternate
 * screen, hidden cursor, raw input, and a restore that runs once on every way
 * out (quit, Ctrl-C, SIGTERM, SIGHUP, an uncaught error, process exit).
 * Suspending (Ctrl-Z) gives the terminal back too, and resuming takes it again;
 * so does a SIGCONT from anywhere else (a `kill -STOP` then `kill -CONT`, after
 * which the shell has put the terminal back in cooked mode). Handing over
 * (a shell on a `$$terminal` slide) lends the terminal to another program in
 * cooked mode on the normal screen, and takes it back when that ends.
 */
import type {Lent} from './shell.js';
import {refreshSize, startReading, stopReading} from './hand-over.js';

const enterSequence = '\u001B[?1049h\u001B[?25l\u001B[2J\u001B[H';
const eraseLine = '\u001B[K';
/** Reset colours, show the cursor, leave the alternate screen, end any open hyperlink. */
const leaveSequence = '\u001B]8;;\u001B\\\u001B[0m\u001B[?25h\u001B[?1049l';
/** The normal screen cleared, for a shell lent the terminal: the audience sees the shell, not what was there before the talk. */
const clearNormal = '\u001B[H\u001B[2J';

export type ScreenSession = {
	/** Restores the terminal for good; safe to call more than once. */
	readonly restore: () => void;
	/** Gives the terminal back and stops the process (Ctrl-Z). */
	readonly suspend: () => void;
	/** Sets what runs once the terminal is lectern's again after any stop (redraw the whole screen). */
	readonly onResume: (run: () => void) => void;
	/**
	 * Lends the terminal to the program `start` starts (cooked mode, normal
	 * screen cleared, cursor shown, keys not read) until it ends, then takes
	 * it back as after a resume. SIGTERM or SIGHUP meanwhile end the program
	 * first, then lectern; Ctrl-C and Ctrl-\ are the program's.
	 */
	readonly handOver: (start: () => Lent) => Promise<void>;
	/** The terminal is lent out: nothing may be drawn. */
	readonly lent: () => boolean;
	/** Another theme's text and background colours for the screen (undefined: the terminal's own), now and after every resume. */
	readonly repaint: (colours: ScreenHooks['paint']) => void;
};

/** What else the screen holds: `leaving` gives the escape codes that take it off (pictures), `entered` runs when the screen is lectern's again. */
export type ScreenHooks = {
	readonly leaving?: () => string;
	readonly entered?: () => void;
	/** A theme's own text and background colours: set as the terminal's defaults (OSC 10, 11) while lectern has the screen, reset (OSC 110, 111) when it gives it back. */
	readonly paint?: {readonly foreground: string; readonly background: string};
};

function painting(hooks: ScreenHooks): {enter: string; leave: string} {
	if (!hooks.paint) return {enter: '', leave: ''};
	const {foreground, background} = hooks.paint;
	return {enter: `\u001B]10;${foreground}\u001B\\\u001B]11;${background}\u001B\\`, leave: '\u001B]110\u001B\\\u001B]111\u001B\\'};
}

const signalNumbers: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1};

export function takeOverTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream, beforeRestore: () => void, hooks: ScreenHooks = {}): ScreenSession {
	let active = true;
	const write = (text: string) => {
		try {
			stdout.write(text);
		} catch {
			// Nothing more can be done for a closed terminal.
		}
	};

	const setRaw = (raw: boolean) => {
		try {
			if (stdin.isTTY) stdin.setRawMode(raw);
		} catch {
			// The terminal may already be gone (SIGHUP).
		}
	};

	const leaving = () => {
		try {
			return hooks.leaving?.() ?? '';
		} catch {
			return '';
		}
	};

	let paint = painting(hooks);
	// Raw mode first: keys pressed while the player starts must not echo onto the slides.
	setRaw(true);
	// Keys pressed before that, while Node started, were echoed on the line after the command (`^[[C` for Right; they are read all
	// the same): erased, so they are not left beside the prompt when the talk ends (the alternate screen keeps this cursor for then).
	write(`\r${eraseLine}${paint.enter}${enterSequence}`);

	const restore = () => {
		if (!active) return;
		active = false;
		try {
			beforeRestore();
		} catch {
			// Restoring the terminal matters more than a clean unmount.
		}

		setRaw(false);
		write(leaving() + leaveSequence + paint.leave);
		for (const [signal, handler] of signalHandlers) process.off(signal, handler);
		process.off('SIGCONT', continued);
		process.off('exit', restore);
	};

	let resumed = () => {};
	const suspend = () => {
		if (!active) return;
		setRaw(false);
		write(leaving() + leaveSequence + paint.leave);
		// With no SIGTSTP listener, this stops the process as the shell expects.
		process.kill(process.pid, 'SIGTSTP');
	};

	// After a stop lectern did not ask for, Node still takes the terminal for raw and would not set it again: off, then on.
	const onContinue = () => {
		if (!active) return;
		setRaw(false);
		write(paint.enter + enterSequence);
		try {
			hooks.entered?.();
		} catch {
			// Pictures are drawn again with the next frame.
		}

		setRaw(true);
		resumed();
	};

	let lent: Lent | undefined;
	const signalHandlers: Array<[NodeJS.Signals, () => void]> = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map(signal => [
		signal,
		() => {
			const exit = () => {
				restore();
				process.exit(128 + signalNumbers[signal]);
			};

			if (!lent) {
				exit();
				return;
			}

			// Ctrl-C in a shell without job control reaches lectern too: it is the shell's.
			if (signal === 'SIGINT') return;
			lent.stop();
			const waited = setTimeout(exit, 2000);
			void lent.done.then(() => {
				clearTimeout(waited);
				exit();
			});
		},
	]);
	const ignore = () => {};
	const handOver = async (start: () => Lent): Promise<void> => {
		if (!active || lent) return;
		write(leaving() + leaveSequence + clearNormal);
		setRaw(false);
		stopReading(stdin);
		// A shell without job control shares lectern's process group: its Ctrl-\ and Ctrl-Z must not stop lectern.
		process.on('SIGQUIT', ignore);
		process.on('SIGTSTP', ignore);
		try {
			lent = start();
			const problem = await lent.done;
			if (problem !== undefined) write(`lectern: ${problem}\r\n`);
		} finally {
			lent = undefined;
			process.off('SIGQUIT', ignore);
			process.off('SIGTSTP', ignore);
			if (active) {
				startReading(stdin);
				refreshSize(stdout);
				onContinue();
			}
		}
	};

	for (const [signal, handler] of signalHandlers) process.on(signal, handler);
	// After Ctrl-Z and `fg` a resize made meanwhile went to the shell, not to lectern.
	const continued = () => {
		if (active && !lent) refreshSize(stdout);
		onContinue();
	};

	process.on('SIGCONT', continued);
	process.on('exit', restore);
	return {
		restore,
		suspend,
		onResume(run) {
			resumed = run;
		},
		handOver,
		lent: () => lent !== undefined,
		repaint(colours) {
			if (!active) return;
			const before = paint;
			paint = painting(colours ? {paint: colours} : {});
			// The terminal's own colours back first, so that a theme that paints nothing shows them.
			write(before.leave + paint.enter);
		},
	};
}
