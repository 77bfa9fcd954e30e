/**
 * `lectern serve DECK`: the presenter's own player (or `--presenter` notes
 * view), plus an SSH server that lets remote viewers watch the talk in their
 * own terminals, each at their own size, in step with the presenter. The
 * server runs in a worker thread (source/serve/); this file sets it up, says
 * how viewers connect, and hands over to the player.
 */
import {highlightDeck} from '../code/highlight-deck.js';
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';
import {networkInterfaces} from 'node:os';
import {dirname, resolve} from 'node:path';
import type {DeckToPlay} from '../read-deck.js';
import {neutralize} from '../deck/neutralize.js';
import {DeckError} from '../read-deck.js';
import {connectCommand, everyNetwork, exposureAdvice} from '../serve/exposure.js';
import {configFolder} from '../serve/host-key.js';
import {ServeError, startAudience} from '../serve/remote-audience.js';
import {openingTalk} from '../serve/talk.js';
import type {PlayOptions} from './play.js';
import {present} from './present.js';

export type ServeOptions = {
	readonly host: string;
	readonly port: number;
	readonly maxViewers: number;
	readonly password: string | undefined;
	/** An authorized_keys file (`--authorized-keys`). */
	readonly authorizedKeys: string | undefined;
	/** Viewers follow the presenter only; false lets them browse (`--no-follow`). */
	readonly follow: boolean;
};

export {serveDefaults} from './serve-defaults.js';
/** Connections at once from one address (a room behind one NAT shares an address). */
const maxPerAddress = 16;
const maxKeysFileBytes = 1024 * 1024;

export async function serve(steps: DeckToPlay, options: PlayOptions, serving: ServeOptions): Promise<number> {
	const authorizedKeys = serving.authorizedKeys === undefined ? undefined : readKeysFile(serving.authorizedKeys);
	if (!process.stdout.isTTY) throw new DeckError("standard output is not a terminal: lectern serve runs the presenter's player next to the server");
	const deck = await highlightDeck(await steps.whole(), options.theme?.code ?? 'github-dark');
	const password = serving.password ?? (process.env['LECTERN_SERVE_PASSWORD'] || undefined);
	let started: Awaited<ReturnType<typeof startAudience>>;
	try {
		started = await startAudience({
			host: serving.host,
			port: serving.port,
			maxViewers: serving.maxViewers,
			maxPerAddress,
			password,
			authorizedKeys,
			canBrowse: !serving.follow,
			motion: options.motion.animate ? options.motion : undefined,
			configFolder: configFolder(),
			images: options.images,
			deckFolder: options.file === '-' ? process.cwd() : dirname(resolve(options.file)),
			setupMs: 30_000,
			stallMs: 120_000,
		});
	} catch (error) {
		if (error instanceof ServeError) throw new DeckError(neutralize(error.message).replaceAll('\n', ' '));
		throw error;
	}

	const {audience, listening} = started;
	audience.deck(deck.slides);
	if (options.theme) audience.theme(options.theme);
	audience.talk(openingTalk(Math.max(0, (options.start ?? 1) - 1), Date.now()));
	const address = everyNetwork(listening.address) ? (reachableAddress() ?? listening.address) : listening.address;
	const lines = [
		`lectern serve: viewers connect with  ${connectCommand(address, listening.port)}`,
		...(listening.created ? [`  a new host key was made: ${listening.keyPath}`] : []),
		...(listening.badKeyLines.length > 0 ? [`  ${serving.authorizedKeys}: no key read on line ${listening.badKeyLines.join(', ')}`] : []),
		...exposureAdvice({
			host: listening.address,
			port: listening.port,
			password: password !== undefined,
			keys: authorizedKeys !== undefined,
			fingerprint: listening.fingerprint,
			keyPath: listening.keyPath,
		}).flatMap(line => wrapWords(line, 76).map(part => `  ${part}`)),
	];
	process.stdout.write(`${lines.map(line => neutralize(line)).join('\n')}\n`);
	return present(steps, {...options, audience, serving: neutralize(connectCommand(address, listening.port))});
}

/** A paragraph as lines of at most `width` characters, broken between words. */
function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line !== '' && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else {
			line = line === '' ? word : `${line} ${word}`;
		}
	}

	if (line !== '') lines.push(line);
	return lines;
}

/** The text of an authorized_keys file: a regular file, at most 1 MB. */
function readKeysFile(path: string): string {
	const shown = neutralize(path);
	let fd: number;
	try {
		fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		throw new DeckError(`--authorized-keys ${shown}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
	}

	try {
		const info = fstatSync(fd);
		if (!info.isFile()) throw new DeckError(`--authorized-keys ${shown}: not a file`);
		if (info.size > maxKeysFileBytes) throw new DeckError(`--authorized-keys ${shown}: over 1 MB, not an authorized_keys file`);
		const buffer = Buffer.alloc(info.size);
		const read = readSync(fd, buffer, 0, buffer.length, 0);
		return buffer.subarray(0, read).toString('utf8');
	} finally {
		closeSync(fd);
	}
}

/** An address of this machine others can reach (the first non-internal IPv4), for the connect command. */
function reachableAddress(): string | undefined {
	for (const addresses of Object.values(networkInterfaces())) {
		for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
	}

	return undefined;
}
