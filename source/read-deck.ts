/**
 * Reading a deck file, with every way it can fail turned into one clear line
 * that names the file. The only file I/O of the deck pipeline.
 */
import {readFile, stat} from 'node:fs/promises';
import type {Deck} from './deck/model.js';
import {loadDeck} from './deck/load-deck.js';
import {isProbablyBinary} from './deck/text-hygiene.js';
import {neutralize} from './deck/text-hygiene.js';

/** Decks larger than this are refused rather than read into memory. */
export const maxDeckBytes = 64 * 1024 * 1024;

export class DeckError extends Error {
	override readonly name = 'DeckError';
}

export async function readDeckBytes(path: string): Promise<Uint8Array> {
	const shown = neutralize(path);
	if (path === '-') return readStdin();
	let info;
	try {
		info = await stat(path);
	} catch (error) {
		throw new DeckError(`${shown}: ${describe(error)}`);
	}

	if (info.isDirectory()) throw new DeckError(`${shown}: is a directory, not a deck file`);
	if (!info.isFile()) throw new DeckError(`${shown}: is not a regular file`);
	if (info.size > maxDeckBytes) throw new DeckError(`${shown}: is ${Math.round(info.size / 1024 / 1024)} MB; decks up to ${maxDeckBytes / 1024 / 1024} MB are supported`);
	try {
		return await readFile(path);
	} catch (error) {
		throw new DeckError(`${shown}: ${describe(error)}`);
	}
}

/** Reads and parses a deck; throws DeckError for anything that is not a usable deck. */
export async function readDeck(path: string): Promise<Deck> {
	const bytes = await readDeckBytes(path);
	return parseDeckBytes(bytes, path);
}

export function parseDeckBytes(bytes: Uint8Array, path: string): Deck {
	const shown = path === '-' ? 'standard input' : neutralize(path);
	if (isProbablyBinary(bytes)) throw new DeckError(`${shown}: looks like a binary file, not a deck`);
	const deck = loadDeck(bytes);
	const empty = deck.slides.every(slide => slide.kind === 'blank' && !slide.notes);
	if (empty) throw new DeckError(`${shown}: the deck is empty`);
	return deck;
}

async function readStdin(): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of process.stdin) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > maxDeckBytes) throw new DeckError(`standard input: more than ${maxDeckBytes / 1024 / 1024} MB; too large for a deck`);
		chunks.push(buffer);
	}

	return Buffer.concat(chunks);
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
