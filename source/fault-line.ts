/**
 * What lectern says when it fails: one line, neutralised (a file name or an
 * error message from Node can hold escape sequences and newlines), and for an
 * error that is lectern's own fault, a hint to run again with `--debug`, which
 * shows where it happened. Never a stack trace or bundled source otherwise.
 *
 * Pure.
 */
import {neutralize} from './deck/neutralize.js';

/** Text as one safe line: controls shown as symbols, a newline as `␤`. */
export function oneLine(text: string): string {
	return neutralize(text).replaceAll('\n', '\u2424');
}

/** A message from Node or a library, short: its first 300 characters. */
const messageLimit = 300;

/** What an unexpected error says: its kind and message, as one line. */
export function errorSummary(error: unknown): string {
	const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	const line = oneLine(message);
	return line.length > messageLimit ? `${line.slice(0, messageLimit)}…` : line;
}

/**
 * The report of an error that is a bug in lectern: one line with a hint, or
 * with `debug` the whole stack (each line neutralised).
 */
export function internalErrorReport(error: unknown, debug: boolean): string {
	if (debug && error instanceof Error && error.stack) return `lectern: internal error: ${neutralize(error.stack)}\n`;
	return `lectern: internal error (${errorSummary(error)}); run again with --debug to see where, and please report it\n`;
}
