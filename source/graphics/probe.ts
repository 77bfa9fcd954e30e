/**
 * Asking the terminal: which image protocol it draws and how large a cell is
 * in pixels. Questions go out in rounds, each closed by a request for the
 * device attributes (DA1), which every terminal answers after the questions
 * before it; a round nobody closes ends after a timeout. The answers come
 * back through FilteredInput, never as keys.
 *
 * Round one asks the terminal's name (XTVERSION) and its cell size. Only a
 * terminal that gave no name, or a name that says nothing, is then sent the
 * kitty graphics query: a multiplexer that did not say so would take it for
 * a title.
 */
import type {Size} from '../frame/frame.js';
import {needsKittyQuery, type ProbeAnswer} from './detect.js';
import {kittyQuery, queryId} from './kitty.js';
import type {PixelSize} from './placement.js';
import type {Reply} from './replies.js';

export type TerminalLine = {
	readonly write: (text: string) => void;
	readonly onReply: (listener: (reply: Reply) => void) => () => void;
	readonly expect: (due: boolean) => void;
};

const deviceAttributes = '\u001B[c';
const versionQuery = '\u001B[>0q';
/** The cell size in pixels. */
export const cellQuery = '\u001B[16t';
/** The cell size, and the text area's in pixels (for terminals that answer only that). */
const cellSizeQuery = `${cellQuery}\u001B[14t`;

/** How long a round waits for the terminal. */
const defaultTimeoutMs = 250;

export type Round = {readonly replies: readonly Reply[]; readonly answered: boolean};

/** Writes `questions` and DA1; resolves with the answers once DA1's comes, or with `answered` false after `timeoutMs`. */
export function askRound(line: TerminalLine, questions: string, timeoutMs = defaultTimeoutMs): Promise<Round> {
	return new Promise(resolve => {
		const replies: Reply[] = [];
		let settled = false;
		const done = (answered: boolean) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			stop();
			line.expect(false);
			resolve({replies, answered});
		};

		line.expect(true);
		const stop = line.onReply(reply => {
			if (reply.kind === 'attributes') done(true);
			else replies.push(reply);
		});
		// When the process was busy past the timeout (loading the player, parsing the rest of
		// the deck), the timer and the answer are both due at once, and Node runs timers before
		// it reads input: the round ends only after the input waiting by then has been read.
		const timer = setTimeout(() => {
			setImmediate(() => {
				done(false);
			});
		}, timeoutMs);
		line.write(questions + deviceAttributes);
	});
}

export type ProbeResult = ProbeAnswer & {
	readonly cell?: PixelSize;
	/** The terminal closed the first round (it answers questions at all). */
	readonly answered: boolean;
};

/** Asks the cell size and, with `protocol`, which image protocol the terminal draws. */
export async function probeTerminal(line: TerminalLine, size: Size, options: {protocol: boolean; timeoutMs?: number}): Promise<ProbeResult> {
	const first = await askRound(line, (options.protocol ? versionQuery : '') + cellSizeQuery, options.timeoutMs);
	const version = first.replies.find(reply => reply.kind === 'version')?.text;
	const cell = cellOf(first.replies, size);
	const known = {...(version === undefined ? {} : {version}), ...(cell ? {cell} : {}), answered: first.answered};
	if (!options.protocol || !first.answered || !needsKittyQuery(version)) return {...known, kittyOk: false};
	const second = await askRound(line, kittyQuery, options.timeoutMs);
	const kittyOk = second.replies.some(reply => reply.kind === 'kitty' && reply.id === queryId && reply.ok);
	return {...known, kittyOk};
}

/** A cell's size from the answers: said directly, or the text area's divided by the cells. */
export function cellOf(replies: readonly Reply[], size: Size): PixelSize | undefined {
	for (const reply of replies) if (reply.kind === 'cell-pixels' && reply.width > 0 && reply.height > 0) return {width: reply.width, height: reply.height};
	for (const reply of replies) {
		if (reply.kind === 'window-pixels' && reply.width > 0 && reply.height > 0 && size.columns > 0 && size.rows > 0) {
			return {width: reply.width / size.columns, height: reply.height / size.rows};
		}
	}

	return undefined;
}
