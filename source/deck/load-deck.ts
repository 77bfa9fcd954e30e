/**
 * Bytes to deck: decoding, repair and parsing in one pure step, with the
 * diagnostics of each stage. The caller does the file I/O.
 */
import type {Deck, Diagnostic} from './model.js';
import {parseDeck} from './parse-deck.js';
import {decodeDeckBytes} from './text-hygiene.js';

const encodingNames = {macintosh: 'Mac OS Roman', 'windows-1252': 'Windows-1252'} as const;

export function loadDeck(bytes: Uint8Array): Deck {
	const decoded = decodeDeckBytes(bytes);
	const deck = parseDeck(decoded.text);
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
		diagnostics: [...diagnostics, ...deck.diagnostics],
		...(decoded.repair ? {repair: decoded.repair} : {}),
	};
}
