/**
 * Bytes to deck: decoding, repair, format detection and parsing in one pure
 * step, with the diagnostics of each stage. The caller does the file I/O.
 */
import {detectDeck, type DetectedFormat} from './detect-format.js';
import {hasFrontMatter} from './formats/front-matter.js';
import {lookatme} from './formats/lookatme/lookatme.js';
import {plainMarkdown} from './formats/markdown/plain.js';
import {readMarkdownDeck} from './formats/markdown/read-markdown.js';
import {markdownOpening, markdownPastCount} from './formats/markdown/opening.js';
import {mdp} from './formats/mdp/mdp.js';
import {patat} from './formats/patat/patat.js';
import {presenterm} from './formats/presenterm/presenterm.js';
import {parseRemark} from './formats/remark/read-remark.js';
import {remarkOpening} from './formats/remark/opening.js';
import {slides} from './formats/slides/slides.js';
import {openYaml} from './formats/yaml.js';
import type {Deck, DeckFormat, Diagnostic, Slide} from './model.js';
import {parseDeck, parseOpening, slideParts, type SlideParts} from './parse-deck.js';
import {onlyBreaks, slideChunks, type SlideChunks} from './slide-chunks.js';
import {decodeDeckBytes, utf16Encoding, type DecodedDeck} from './decode-deck.js';
import {stepCodeBlocks} from './code-steps.js';
import {capSlides, maxSlides} from './slide-cap.js';

export type LoadOptions = {
	/** The deck's format; detected from its text when absent (see `detectDeck`). */
	readonly format?: DeckFormat;
	/** The deck's file name, which is evidence too (`.Rmd`, `.html`). */
	readonly fileName?: string;
};

const parsers: Readonly<Record<DeckFormat, (text: string) => Deck>> = {
	shorthand: parseDeck,
	remark: parseRemark,
	presenterm: text => readMarkdownDeck(text, presenterm),
	patat: text => readMarkdownDeck(text, patat),
	mdp: text => readMarkdownDeck(text, mdp),
	lookatme: text => readMarkdownDeck(text, lookatme),
	slides: text => readMarkdownDeck(text, slides),
	markdown: text => readMarkdownDeck(text, plainMarkdown),
};

/**
 * Loads what reading these bytes needs that is not loaded before it is needed:
 * the YAML library, for a deck with front matter. Call before `loadDeck`.
 */
export async function prepareToLoad(bytes: Uint8Array): Promise<void> {
	const utf16 = utf16Encoding(bytes);
	const head = new TextDecoder(utf16 ?? 'latin1').decode(bytes.subarray(0, 64 * 1024));
	if (hasFrontMatter(head)) await openYaml();
}

const encodingNames = {macintosh: 'Mac OS Roman', 'windows-1252': 'Windows-1252'} as const;

export function loadDeck(bytes: Uint8Array, options: LoadOptions = {}): Deck {
	const {decoded, detection} = decodeAndDetect(bytes, options);
	return withLoadDiagnostics(parse(detection.format, decoded.text), detection, decoded);
}

/** A format's reader, with the steps of stepped code blocks added (see code-steps.ts), at most `maxSlides` slides. */
function parse(format: DeckFormat, text: string): Deck {
	// A plain Markdown deck past the cap is read as far as the cap; its other slides are only counted.
	const head = format === 'markdown' ? markdownPastCount(text, maxSlides) : undefined;
	return capSlides(head ?? stepCodeBlocks(parsers[format](text)));
}

/**
 * The whole deck parsed a part at a time: each call parses up to `count` more
 * slides, and returns the deck once every slide is parsed (and again on any
 * later call). A caller gives other work a turn between parts, without the
 * copies of a deck handed over from a worker thread.
 */
export type DeckParts = (count: number) => Deck | undefined;

/** The whole deck of these bytes in parts, when its format is read a slide at a time (shorthand); undefined for the others. */
export function loadDeckInParts(bytes: Uint8Array, options: LoadOptions = {}): DeckParts | undefined {
	const {decoded, detection} = decodeAndDetect(bytes, options);
	return detection.format === 'shorthand' ? shorthandParts(decoded, detection) : undefined;
}

function shorthandParts(decoded: DecodedDeck, detection: DetectedFormat, chunks?: SlideChunks): DeckParts {
	// Let go once the deck is whole: where each slide is in the text (a 16 MB deck of one-line slides: 3 arrays of a million numbers).
	let parts: SlideParts | undefined = slideParts(decoded.text, chunks);
	const {count: inText, diagnostics} = parts;
	// Made of its length rather than grown; the slides past the cap are not made at all (the cap needs only their count).
	const slides = Array.from<Slide | undefined>({length: Math.min(inText, maxSlides + 1)}) as Slide[];
	let parsed = 0;
	let whole: Deck | undefined;
	return count => {
		if (!parts) return whole;
		for (const slide of parts.next(count)) slides[parsed++] = slide;
		if (parsed < slides.length) return undefined;
		parts = undefined;
		const stepped = stepCodeBlocks({format: 'shorthand', slides, diagnostics});
		whole = withLoadDiagnostics(capSlides(stepped, stepped.slides.length + inText - slides.length), detection, decoded);
		return whole;
	};
}

/** True when no slide shows anything and none has notes (such a deck is refused). */
export function isEmptyDeck(deck: Deck): boolean {
	return deck.slides.every(slide => slide.kind === 'blank' && !slide.notes);
}

export type DeckInSteps = {
	/** The deck as far as the opening screen needs it (see `parseOpening`, `markdownOpening`); the whole deck for the other formats. */
	readonly opening: Deck;
	/** True when no slide shows anything (the deck is refused). */
	readonly empty: boolean;
	/** The whole deck, parsed on the first call. */
	readonly whole: () => Deck;
	/** The whole deck a part at a time, when its format is read a slide at a time (`whole` finishes it). */
	readonly inParts?: DeckParts;
};

/**
 * A deck loaded in two steps, so that the player can draw its opening slide
 * before the rest is parsed (a 10,000-slide deck takes some 150 ms): decoding
 * and repair are done once, for both.
 */
export function loadDeckInSteps(bytes: Uint8Array, options: LoadOptions, start: number): DeckInSteps {
	const {decoded, detection} = decodeAndDetect(bytes, options);
	let whole: Deck | undefined;
	const wholeDeck = () => (whole ??= withLoadDiagnostics(parse(detection.format, decoded.text), detection, decoded));
	if (detection.format === 'shorthand') {
		// The slides are found once, for both (a 16 MB deck of one-line slides: some 300 ms).
		const chunks = slideChunks(decoded.text);
		const inParts = shorthandParts(decoded, detection, chunks);
		return {
			opening: withLoadDiagnostics(capSlides(stepCodeBlocks(parseOpening(decoded.text, start, chunks))), detection, decoded),
			empty: onlyBreaks(decoded.text),
			whole: () => inParts(Number.POSITIVE_INFINITY)!,
			inParts,
		};
	}

	const opening =
		detection.format === 'markdown' ? markdownOpening(decoded.text, start) : detection.format === 'remark' ? remarkOpening(decoded.text, start) : undefined;
	// A partial opening has a slide that shows something (else it is not made), so the deck is not empty.
	if (opening) return {opening: withLoadDiagnostics(capSlides(opening), detection, decoded), empty: false, whole: wholeDeck};
	const deck = wholeDeck();
	return {opening: deck, empty: isEmptyDeck(deck), whole: () => deck};
}

function decodeAndDetect(bytes: Uint8Array, options: LoadOptions): {decoded: DecodedDeck; detection: DetectedFormat} {
	const decoded = decodeDeckBytes(bytes);
	const detection: DetectedFormat = options.format ? {format: options.format, by: 'option', evidence: []} : detectDeck(decoded.text, options.fileName);
	return {decoded, detection};
}

function withLoadDiagnostics(deck: Deck, {format, ...detection}: DetectedFormat, decoded: DecodedDeck): Deck {
	const diagnostics: Diagnostic[] = [];
	if (detection.mixed) {
		const other = detection.evidence.find(item => item.format === detection.mixed);
		diagnostics.push({
			severity: 'warning',
			line: other?.line ?? 1,
			code: 'mixed-format',
			message: `the deck is read as ${format}, but it also has signs of ${detection.mixed} (${other?.what ?? 'see check'}); if that is its format, use --format ${detection.mixed}`,
		});
	}

	if (decoded.repair) {
		const {encoding, characters} = decoded.repair;
		diagnostics.push({
			severity: 'notice',
			line: 1,
			code: 'mojibake-repaired',
			message: `mojibake repaired: the file had been decoded as ${encodingNames[encoding]} and saved again; ${characters} characters restored`,
		});
	}

	if (decoded.utf16) {
		const order = decoded.utf16 === 'utf-16le' ? 'little-endian' : 'big-endian';
		diagnostics.push({severity: 'notice', line: 1, code: 'utf-16', message: `read as UTF-16 (${order}), from its byte order mark`});
	}

	for (const line of decoded.invalidUtf8Lines) {
		const message = decoded.utf16 ? 'invalid UTF-16 (an unpaired surrogate); shown as �' : 'invalid UTF-8; shown as �';
		diagnostics.push({severity: 'warning', line, code: decoded.utf16 ? 'invalid-utf16' : 'invalid-utf8', message});
	}

	for (const line of decoded.nulLines) {
		diagnostics.push({severity: 'warning', line, code: 'nul', message: 'a NUL character (is part of the file binary?); shown as ␀'});
	}

	return {
		...deck,
		format,
		detection,
		diagnostics: [...diagnostics, ...deck.diagnostics],
		...(decoded.repair ? {repair: decoded.repair} : {}),
	};
}
