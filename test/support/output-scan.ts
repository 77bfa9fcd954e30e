/**
 * What a terminal would take as a command in bytes lectern printed, other than
 * lectern's own: SGR colour sequences and OSC 8 hyperlink openers and closers
 * whose target has no control character. Anything else (another ESC sequence,
 * a C0 or C1 control, a bidi override) came from the input and escaped the
 * neutralising funnel.
 */

const own = /\u001B\[[\d;]*m|\u001B\]8;;[^\u0000-\u001F\u007F-\u009F]*\u001B\\/g;
/** Newline ends a line of output; every other control character is foreign. */
const foreign = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** The first foreign control sequence in `output` with a little context, or undefined when there is none. */
export function foreignControl(output: string): string | undefined {
	const rest = output.replace(own, '');
	const found = foreign.exec(rest);
	if (!found) return undefined;
	return JSON.stringify(rest.slice(Math.max(0, found.index - 20), found.index + 20));
}
