/**
 * Bytes to deck: decoding, repair, format detection and parsing in one pure
 * step, with the diagnostics of each stage. The caller does the file I/O.
 */
import {detectFormat} from './detect-format.js';
import {parseMarkdown} from './formats/parse-markdown.js';
import {parseRemark} from './formats/parse-remark.js';
import type {Deck, DeckFormat, Diagnostic} from './model.js';
import {isEmptyDeckText, parseDeck, parseOpening} from './parse-deck.js';
import {decodeDeckBytes, type DecodedDeck} from './decode-deck.js';

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
	const {decoded, format} = decodeAndDetect(bytes, options);
	return withLoadDiagnostics(parsers[format](decoded.text), format, decoded);
}

/** True when no slide shows anything and none has notes (such a deck is refused). */
export function isEmptyDeck(deck: Deck): boolean {
	return deck.slides.every(slide => slide.kind === 'blank' && !slide.notes);
}

export type DeckInSteps = {
	/** The deck as far as the opening screen needs it (see `parseOpening`); the whole deck for remark and Markdown. */
	readonly opening: Deck;
	/** True when no slide shows anything (the deck is refused). */
	readonly empty: boolean;
	/** The whole deck, parsed on the first call. */
	readonly whole: () => Deck;
};

/**
 * A deck loaded in two steps, so that the player can draw its opening slide
 * before the rest is parsed (a 10,000-slide deck takes some 150 ms): decoding
 * and repair are done once, for both.
 */
export function loadDeckInSteps(bytes: Uint8Array, options: LoadOptions, start: number): DeckInSteps {
	const {decoded, format} = decodeAndDetect(bytes, options);
	let whole: Deck | undefined;
	const wholeDeck = () => (whole ??= withLoadDiagnostics(parsers[format](decoded.text), format, decoded));
	if (format === 'shorthand') {
		return {opening: withLoadDiagnostics(parseOpening(decoded.text, start), format, decoded), empty: isEmptyDeckText(decoded.text), whole: wholeDeck};
	}

	const deck = wholeDeck();
	return {opening: deck, empty: isEmptyDeck(deck), whole: () => deck};
}

function decodeAndDetect(bytes: Uint8Array, options: LoadOptions): {decoded: DecodedDeck; format: DeckFormat} {
	const decoded = decodeDeckBytes(bytes);
	return {decoded, format: options.format ?? detectFormat(decoded.text)};
}

function withLoadDiagnostics(deck: Deck, format: DeckFormat, decoded: DecodedDeck): Deck {
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
