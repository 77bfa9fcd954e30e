/**
 * Bytes to deck: decoding, repair, format detection and parsing in one pure
 * step, with the diagnostics of each stage. The caller does the file I/O.
 */
import {detectFormat} from './detect-format.js';
import {parseMarkdown} from './formats/parse-markdown.js';
import {parseRemark} from './formats/parse-remark.js';
import type {Deck, DeckFormat, Diagnostic} from './model.js';
import {parseDeck} from './parse-deck.js';
import {decodeDeckBytes} from './text-hygiene.js';

export type LoadOptions = {
	/** The deck's format; detected from its text when absent (see `detectFormat`). */
	readonly format?: DeckFormat;
};

const parsers: Readonly<Record<DeckFormat, (text: string) => Deck>> = {
	shorthand: parseDeck,
	remark: parseRemark,
	markdown: parseMarkdown,
};

const encodingNames = {macintosh: 'Mac OS Roman', 'windows-1252': 'Windows-1252'} as const;

export function loadDeck(bytes: Uint8Array, options: LoadOptions = {}): Deck {
	const decoded = decodeDeckBytes(bytes);
	const format = options.format ?? detectFormat(decoded.text);
	const deck = parsers[format](decoded.text);
	const diagnostics: Diagnostic[] = [];
	if (decoded.repair) {
		const {encoding, characters} = decoded.repair;
		diagnostics.push({
			severity: 'notice',
			line: 1,
			code: 'mojibake-repaired',
			message: `mojibake repaired: the file had been decoded as ${encodingNames[encoding]} and saved again; ${characters} characters restored`,
		});
	}

	for (const line of decoded.invalidUtf8Lines) {
		diagnostics.push({severity: 'warning', line, code: 'invalid-utf8', message: 'invalid UTF-8; shown as �'});
	}

	return {
		...deck,
		format,
		diagnostics: [...diagnostics, ...deck.diagnostics],
		...(decoded.repair ? {repair: decoded.repair} : {}),
	};
}
