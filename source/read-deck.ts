/**
 * Reading a deck file, with every way it can fail turned into one clear line
 * that names the file. The only file I/O of the deck pipeline.
 */
import {closeSync, constants, openSync, readFileSync, readSync} from 'node:fs';
import {stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import type {Deck} from './deck/model.js';
import {isEmptyDeck, loadDeck, loadDeckInParts, loadDeckInSteps, prepareToLoad, type DeckInSteps, type DeckParts, type LoadOptions} from './deck/load-deck.js';
import {isProbablyBinary} from './deck/binary-file.js';
import type {DeckWorkerData, DeckWorkerReply} from './deck-worker.js';
import {neutralize} from './deck/neutralize.js';
import {fsPath} from './files/raw-path.js';
import {holdAcross} from './young-generation.js';

/**
 * Decks larger than this are refused with a clear message: a talk is kilobytes
 * (the reference deck is 12 KB, 10,000 generated slides are 2 MB), and the
 * parsed model of a 50 MB deck would take about a gigabyte and seconds to build.
 */
const maxDeckBytes = 16 * 1024 * 1024;

/**
 * Decks larger than this are parsed aside when the player needs them whole
 * (after its opening slide, on a reload), so that keys and signals are
 * answered meanwhile: a shorthand deck a few slides per turn of the event
 * loop, the others in a worker thread. Smaller ones parse in less time than
 * a worker takes to start.
 */
const offThreadBytes = 256 * 1024;

/**
 * How long a turn of the event loop parses a shorthand deck before it lets keys and
 * signals in (a few slides at a time, so a turn ends near it): a key pressed as the
 * opening slide shows waits no longer than this. In this thread rather than a worker: the
 * worker's heap, its copy of the deck and the copy sent across were the player's peak of
 * memory (10,000 slides: 120 MiB, in turns 90).
 */
const turnMs = 3;
const slidesPerPart = 8;

/**
 * The deck worker's young generation, in MiB (V8's default grows to 48): the
 * parse keeps what it makes, so a larger one only holds more garbage. 10,000
 * slides (2 MB): the process's peak 177 -> 152 MiB, the parse no slower.
 */
const workerYoungGenerationMb = 4;

export class DeckError extends Error {
	override readonly name = 'DeckError';
}

async function readDeckBytes(path: string): Promise<Uint8Array> {
	const shown = neutralize(path);
	if (path === '-') return readStdin();
	let info;
	try {
		info = await stat(fsPath(path));
	} catch (error) {
		throw new DeckError(`${shown}: ${describe(error)}`);
	}

	if (info.isDirectory()) throw new DeckError(`${shown}: is a directory, not a deck file`);
	if (info.isFIFO()) return readFifo(path, shown);
	if (!info.isFile()) throw new DeckError(`${shown}: is not a regular file (a device or a socket), not a deck file`);
	if (info.size > maxDeckBytes)
		throw new DeckError(`${shown}: is ${Math.round(info.size / 1024 / 1024)} MB; decks up to ${maxDeckBytes / 1024 / 1024} MB are supported`);
	try {
		// At once: nothing can be drawn before the deck is read, and the promise API reads in 512 KB pieces, a turn of the event loop each (2 MB: 6 ms, at once 1).
		return readFileSync(fsPath(path));
	} catch (error) {
		throw new DeckError(`${shown}: ${describe(error)}`);
	}
}

/**
 * Reads and parses a deck; throws DeckError for anything that is not a usable deck.
 * `offThread`: a large deck is parsed aside (the player's reload; see `offThreadBytes`).
 */
export async function readDeck(path: string, options: LoadOptions = {}, offThread = false): Promise<Deck> {
	const bytes = await readDeckBytes(path);
	const deck =
		offThread && bytes.length > offThreadBytes ? await loadAside(bytes, withFileName(options, path)) : await loadHere(bytes, withFileName(options, path));
	return deck.loads ? readLoadedDeck(deck, path) : checkedDeck(deck, path, bytes);
}

function checkedDeck(deck: Deck, path: string, bytes: Uint8Array): Deck {
	const shown = shownName(path, bytes);
	if (isEmptyDeck(deck)) throw new DeckError(`${shown}: the deck is empty`);
	return deck;
}

async function loadHere(bytes: Uint8Array, options: LoadOptions): Promise<Deck> {
	await prepareToLoad(bytes);
	return loadDeck(bytes, options);
}

/** A large deck without keeping keys and signals waiting: a slide at a time in turns (shorthand), else in a worker thread. */
async function loadAside(bytes: Uint8Array, options: LoadOptions): Promise<Deck> {
	await prepareToLoad(bytes);
	const parts = loadDeckInParts(bytes, options);
	return parts ? inTurns(parts) : loadDeckOffThread(bytes, options);
}

/**
 * A deck parsed a part at a time, for about `turnMs` in each turn of the event loop. The
 * first turn waits too: input just asked for (the player's keyboard) is read before any part.
 */
export async function inTurns(parts: DeckParts, now: () => number = Date.now): Promise<Deck> {
	for (;;) {
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		// Date, not performance: its module is not loaded yet when the opening slide is up (2-3 ms).
		const turnEnds = now() + turnMs;
		do {
			const deck = parts(slidesPerPart);
			if (deck) return deck;
		} while (now() < turnEnds);
	}
}

/** `loadDeck` in a worker thread; in this one when the worker fails (the same deck, only later). */
async function loadDeckOffThread(bytes: Uint8Array, options: LoadOptions): Promise<Deck> {
	const [{Worker}, {workerMark, workerScript}] = await Promise.all([import('node:worker_threads'), import('./deck-worker.js')]);
	const parsed = new Promise<Deck>((resolve, reject) => {
		const worker = holdAcross(
			new Worker(workerScript, {
				workerData: {[workerMark]: {bytes, options}} satisfies DeckWorkerData,
				execArgv: [],
				resourceLimits: {maxYoungGenerationSizeMb: workerYoungGenerationMb},
			}),
		);
		// Kept referenced: nothing else may keep the process alive while the deck is awaited (quitting calls process.exit).
		worker.once('message', (reply: DeckWorkerReply) => {
			void worker.terminate();
			if (reply.ok) resolve(reply.deck);
			else reject(new Error(reply.message));
		});
		worker.once('error', reject);
		worker.once('exit', code => {
			reject(new Error(`the deck's worker stopped (${code})`));
		});
	});
	return parsed.catch(async () => loadHere(bytes, options));
}

/** The deck the player reads: the opening screen's part at once, the whole deck when asked. */
export type DeckToPlay = Omit<DeckInSteps, 'whole' | 'inParts'> & {
	/** The whole deck: shorthand in turns of the event loop, a large deck of another format in a worker (see `offThreadBytes`). */
	readonly whole: () => Promise<Deck>;
	/** True when `whole` parses in a worker thread (the keys are watched meanwhile, as always before the player: keys-before-player.ts). */
	readonly inWorker: boolean;
};

/**
 * Reads a deck for the player: the opening screen's part first (see
 * `loadDeckInSteps`), the whole deck when asked; throws DeckError as `readDeck`.
 */
export async function readDeckInSteps(path: string, options: LoadOptions, start: number): Promise<DeckToPlay> {
	const bytes = await readDeckBytes(path);
	await prepareToLoad(bytes);
	const shown = shownName(path, bytes);
	const steps = loadDeckInSteps(bytes, withFileName(options, path), start);
	if (steps.opening.loads) {
		const deck = await readLoadedDeck(steps.opening, path);
		return {opening: deck, empty: isEmptyDeck(deck), whole: async () => deck, inWorker: false};
	}

	if (steps.empty) throw new DeckError(`${shown}: the deck is empty`);
	let whole: Promise<Deck> | undefined;
	const {inParts} = steps;
	const aside = bytes.length > offThreadBytes;
	const inWorker = aside && !inParts;
	// The bytes stay with the player (they are the worker's input): freed, a 2 MB block raises glibc's mmap threshold for good, and the peak measured 3 MiB more.
	// A shorthand deck of any size in turns: a key pressed as the opening slide shows is not kept waiting by the rest of it.
	const wholeDeck = async () => (inWorker ? loadDeckOffThread(bytes, withFileName(options, path)) : inParts ? inTurns(inParts) : steps.whole());
	return {opening: steps.opening, empty: steps.empty, inWorker, whole: async () => (whole ??= wholeDeck())};
}

function withFileName(options: LoadOptions, path: string): LoadOptions {
	return path === '-' || options.fileName ? options : {...options, fileName: basename(path)};
}

/**
 * A remark page that loads its Markdown (`sourceUrl`, an XHR, `fetch`): the
 * deck of that file, next to the page, with a note of where it came from.
 * When it cannot be read, the page's own deck says where the slides are.
 */
async function readLoadedDeck(page: Deck, path: string): Promise<Deck> {
	const loads = page.loads!;
	const shownPage = path === '-' ? 'standard input' : neutralize(path);
	if (/^[a-z][a-z\d+.-]*:/i.test(loads.src) || loads.src.startsWith('//')) {
		return {
			...page,
			diagnostics: [
				...page.diagnostics,
				{
					severity: 'error',
					line: loads.line,
					code: 'remote-source',
					message: `"${neutralize(loads.src)}" is not a file next to the page; download it and play it with lectern`,
				},
			],
		};
	}

	const file = join(path === '-' ? process.cwd() : dirname(path), loads.src.replace(/^\.\//, '').split(/[?#]/)[0]!);
	let bytes: Uint8Array;
	try {
		bytes = await readDeckBytes(file);
	} catch (error) {
		const reason = error instanceof DeckError ? error.message : String(error);
		return {
			...page,
			diagnostics: [
				...page.diagnostics,
				{severity: 'error', line: loads.line, code: 'unreadable-source', message: `the page loads its slides from a file lectern cannot read: ${reason}`},
			],
		};
	}

	await prepareToLoad(bytes);
	const deck = loadDeck(bytes, {format: 'remark', fileName: basename(file)});
	if (deck.loads) throw new DeckError(`${neutralize(file)}: a page that loads another page; play the Markdown file itself`);
	const shownFile = neutralize(file);
	return checkedDeck(
		{
			...deck,
			detection: {by: 'page', evidence: page.detection?.evidence ?? []},
			diagnostics: [
				{severity: 'notice', line: loads.line, code: 'loaded-source', message: `plays "${neutralize(loads.src)}", which ${shownPage} loads (${loads.how})`},
				...deck.diagnostics.map(diagnostic => ({...diagnostic, file: shownFile})),
			],
		},
		file,
		bytes,
	);
}

/** The deck's name as messages show it; throws DeckError for a binary file. */
function shownName(path: string, bytes: Uint8Array): string {
	const shown = path === '-' ? 'standard input' : neutralize(path);
	if (isProbablyBinary(bytes)) throw new DeckError(`${shown}: looks like a binary file, not a deck`);
	return shown;
}

/** How long a pipe may stay silent before lectern stops waiting for it (LECTERN_PIPE_TIMEOUT seconds). */
function pipeTimeoutMs(): number {
	const seconds = Number(process.env['LECTERN_PIPE_TIMEOUT']);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000;
}

function readStdin(): Promise<Uint8Array> {
	return readStream(process.stdin, 'standard input');
}

/**
 * Reads a named pipe (or `<(...)`). It is opened without blocking and polled:
 * a blocking open of a FIFO nobody writes to could never be cancelled, and
 * would even keep the process from exiting. No data and no writer yet means
 * wait; end of data after a writer was seen means done.
 */
function readFifo(path: string, shown: string): Promise<Uint8Array> {
	let fd: number;
	try {
		fd = openSync(fsPath(path), constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		return Promise.reject(new DeckError(`${shown}: ${describe(error)}`));
	}

	const timeout = pipeTimeoutMs();
	const chunks: Buffer[] = [];
	const buffer = Buffer.alloc(64 * 1024);
	let size = 0;
	let writerSeen = false;
	let lastData = Date.now();
	return new Promise((resolve, reject) => {
		const finish = (error?: string) => {
			closeSync(fd);
			if (error) reject(new DeckError(`${shown}: ${error}`));
			else resolve(Buffer.concat(chunks));
		};

		const poll = () => {
			for (;;) {
				let count: number;
				try {
					count = readSync(fd, buffer, 0, buffer.length, null);
				} catch (error) {
					if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return finish(describe(error));
					writerSeen = true;
					break;
				}

				if (count === 0) {
					if (writerSeen || size > 0) return finish();
					break;
				}

				writerSeen = true;
				lastData = Date.now();
				size += count;
				if (size > maxDeckBytes) return finish(`more than ${maxDeckBytes / 1024 / 1024} MB; too large for a deck`);
				chunks.push(Buffer.from(buffer.subarray(0, count)));
			}

			if (Date.now() - lastData > timeout) return finish(`nothing arrived for ${timeout / 1000} seconds; is anything writing to it?`);
			setTimeout(poll, 20);
		};

		poll();
	});
}

/** Reads a pipe (stdin) with the size limit, giving up when nothing comes. */
function readStream(stream: NodeJS.ReadableStream & {destroy?: () => void}, shown: string): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let timer: NodeJS.Timeout;
		const fail = (message: string) => {
			clearTimeout(timer);
			stream.destroy?.();
			reject(new DeckError(`${shown}: ${message}`));
		};

		const timeout = pipeTimeoutMs();
		const wait = () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				fail(`nothing arrived for ${timeout / 1000} seconds; is anything writing to it?`);
			}, timeout);
		};

		wait();
		stream.on('data', (chunk: Buffer | string) => {
			const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += buffer.length;
			if (size > maxDeckBytes) {
				fail(`more than ${maxDeckBytes / 1024 / 1024} MB; too large for a deck`);
				return;
			}

			chunks.push(buffer);
			wait();
		});
		stream.on('error', (error: Error) => {
			fail(describe(error));
		});
		stream.on('end', () => {
			clearTimeout(timer);
			resolve(Buffer.concat(chunks));
		});
	});
}

function describe(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT': {
			return 'no such file';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'ELOOP': {
			return 'too many levels of symbolic links';
		}

		case 'EISDIR': {
			return 'is a directory, not a deck file';
		}

		default: {
			return error instanceof Error ? error.message : String(error);
		}
	}
}
