/**
 * Taking over the terminal and giving it back exactly as it was: alternate
 * screen, hidden cursor, raw input, and a restore that runs once on every way
 * out (quit, Ctrl-C, SIGTERM, SIGHUP, an uncaught error, process exit).
 */

const enterSequence = '\u001B[?1049h\u001B[?25l\u001B[2J\u001B[H';
/** Reset colours, show the cursor, leave the alternate screen, end any open hyperlink. */
const leaveSequence = '\u001B]8;;\u001B\\\u001B[0m\u001B[?25h\u001B[?1049l';

export type ScreenSession = {
	/** Restores the terminal; safe to call more than once. */
	readonly restore: () => void;
};

export function takeOverTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream, beforeRestore: () => void): ScreenSession {
	let active = true;
	stdout.write(enterSequence);

	const restore = () => {
		if (!active) return;
		active = false;
		try {
			beforeRestore();
		} catch {
			// Restoring the terminal matters more than a clean unmount.
		}

		try {
			if (stdin.isTTY) stdin.setRawMode(false);
		} catch {
			// The terminal may already be gone (SIGHUP).
		}

		try {
			stdout.write(leaveSequence);
		} catch {
			// Nothing more can be done for a closed terminal.
		}

		for (const [signal, handler] of signalHandlers) process.off(signal, handler);
		process.off('exit', restore);
	};

	const signalHandlers: Array<[NodeJS.Signals, () => void]> = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map(signal => [
		signal,
		() => {
			restore();
			process.exit(128 + signalNumbers[signal]);
		},
	]);
	for (const [signal, handler] of signalHandlers) process.on(signal, handler);
	process.on('exit', restore);
	return {restore};
}

const signalNumbers: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1};
