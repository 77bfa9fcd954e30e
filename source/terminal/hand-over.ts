/**
 * What the player needs to lend the terminal to another program (a shell, on
 * a `$$terminal` slide) and take it back: the keyboard stops being read (a
 * paused stream still reads, and would take the shell's keys), and Ink's
 * frames are held back while the other program has the screen.
 */

import {withWrite} from './with-write.js';

type Handle = {reading?: boolean; readStart?: () => number; readStop?: () => number};
type Reading = {_handle?: Handle; _read?: (size: number) => void};

/** The libuv handle under a terminal stream: Node has no public way to stop reading a TTY without closing it. */
function handleOf(stream: NodeJS.ReadStream): Handle | undefined {
	const handle = (stream as unknown as Reading)._handle;
	return handle && typeof handle.readStop === 'function' && typeof handle.readStart === 'function' ? handle : undefined;
}

const idle = () => {};

/**
 * Stops reading the keyboard: every key from here on is the other program's.
 * The stream's own `_read` is idle meanwhile, or Ink's next `read()` would
 * start reading again.
 */
export function stopReading(stream: NodeJS.ReadStream): void {
	const handle = handleOf(stream);
	if (!handle) return;
	(stream as unknown as Reading)._read = idle;
	if (!handle.reading) return;
	handle.reading = false;
	handle.readStop!();
}

/** Reads the keyboard again. */
export function startReading(stream: NodeJS.ReadStream): void {
	const handle = handleOf(stream);
	if (!handle) return;
	const reading = stream as unknown as Reading;
	if (Object.hasOwn(reading, '_read') && reading._read === idle) delete reading._read;
	if (handle.reading) return;
	handle.reading = true;
	handle.readStart!();
}

/**
 * `stream` with its writes dropped while `lent()` says the terminal is lent
 * out (a write's callback still runs): the frame Ink draws meanwhile would
 * land on the shell's screen. The player draws the whole screen on its return.
 */
export function gatedStream(stream: NodeJS.WriteStream, lent: () => boolean): NodeJS.WriteStream {
	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		if (!lent()) return Reflect.apply(stream.write, stream, [chunk, ...rest]) as boolean;
		for (const argument of rest) if (typeof argument === 'function') process.nextTick(argument as () => void);
		return true;
	};

	return withWrite(stream, write);
}

/**
 * Reads the terminal's size again: a resize while another program had the
 * terminal went to that program's process group, not to lectern, and Node's
 * `columns` and `rows` (which `getWindowSize()` returns too) are still the old
 * ones. Node's own refresh asks the terminal and emits `resize` on a change.
 */
export function refreshSize(stream: NodeJS.WriteStream): void {
	try {
		(stream as unknown as {_refreshSize?: () => void})._refreshSize?.();
	} catch {
		// Not a terminal any more: the next resize tells.
	}
}
