/**
 * File names that are not valid UTF-8 (a Latin-1 name on a UTF-8 system).
 * Node decodes the program's arguments with U+FFFD for the bytes it cannot,
 * and that name opens nothing. On Linux the bytes are still in
 * /proc/self/cmdline: a deck named so is opened by them (a Buffer path), and
 * a folder whose name is not UTF-8 either is reached as /proc/self/fd/N,
 * which every string path built on it (pictures, reload, reports) follows.
 */
import {constants, openSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';

/** The names `openableName` made, by their resolved string, and the bytes that open them. */
const rawPaths = new Map<string, Buffer>();
const slash = 0x2f;

/** The bytes of this program's arguments (those after node and the script), or undefined where /proc is not. */
function rawArguments(count: number): Buffer[] | undefined {
	let all: Buffer;
	try {
		all = readFileSync('/proc/self/cmdline');
	} catch {
		return undefined;
	}

	const parts: Buffer[] = [];
	let start = 0;
	for (let index = all.indexOf(0); index !== -1; index = all.indexOf(0, start)) {
		parts.push(all.subarray(start, index));
		start = index + 1;
	}

	return count > 0 ? parts.slice(-count) : [];
}

/**
 * `argument` (a file name from the command line), or a name of the same file that this
 * process can open when the name's bytes are not UTF-8. `raw` is the arguments' bytes
 * (read from /proc/self/cmdline when not given).
 */
export function openableName(argument: string, raw: readonly Buffer[] | undefined = undefined): string {
	if (!argument.includes('\uFFFD')) return argument;
	const bytes = (raw ?? rawArguments(process.argv.length - 2))?.find(
		candidate => candidate.toString('utf8') === argument && !candidate.equals(Buffer.from(argument, 'utf8')),
	);
	if (!bytes) return argument;
	const absolute = bytes[0] === slash ? bytes : Buffer.concat([Buffer.from(`${process.cwd()}/`, 'utf8'), bytes]);
	const cut = absolute.lastIndexOf(slash);
	const base = absolute.subarray(cut + 1);
	let folder = absolute.subarray(0, Math.max(cut, 1)).toString('utf8');
	if (!folder.includes('\uFFFD')) {
		// Only the file's own name is not UTF-8: the name as given (shown with U+FFFD), opened by its bytes.
		rawPaths.set(resolve(argument), absolute);
		return argument;
	}

	try {
		folder = `/proc/self/fd/${openSync(absolute.subarray(0, Math.max(cut, 1)), constants.O_RDONLY | constants.O_DIRECTORY)}`;
	} catch {
		return argument;
	}

	const prefix = `${folder}/`;
	const name = `${prefix}${base.toString('utf8')}`;
	rawPaths.set(resolve(name), Buffer.concat([Buffer.from(prefix, 'utf8'), base]));
	return name;
}

/** What to open for `path`: the bytes of a name `openableName` made, else the path itself. */
export function fsPath(path: string): string | Buffer {
	return rawPaths.size === 0 ? path : (rawPaths.get(resolve(path)) ?? path);
}
