/**
 * What a big font draws and in which rows: row metrics (cap height,
 * descenders, space width) and whether it covers a character, directly or
 * through an ASCII stand-in for typographic punctuation.
 */
import {cellWidth} from '../text/cell-width.js';
import {ensureParsed, figletRows, fontChain, glyphRows, isBlank, type FontSpec} from './big-fonts.js';

/** Row metrics of a FIGlet font, in the font's own (unscaled) rows. */
export type FontMetrics = {
	/** First row of the figlet output that any printable ASCII character uses. */
	readonly top: number;
	/** Rows every line has (cap height plus anything common below the baseline). */
	readonly core: number;
	/** Rows below `core` used only by a few characters (descenders, Q's tail): drawn only on lines that need them. */
	readonly desc: number;
	/** Width of the font's space character. */
	readonly space: number;
};

const metricsCache = new Map<string, FontMetrics>();
const coverageCache = new Map<string, Map<string, boolean>>();

/**
 * The metrics of the bundled fonts, as `measureFontMetrics` finds them (a test
 * checks they agree): measuring reads every glyph of the font, some 2 ms on
 * the first title of a talk.
 */
const bundledMetrics: Readonly<Record<string, FontMetrics>> = {
	'ANSI Regular': {top: 0, core: 5, desc: 1, space: 4},
	'ANSI Shadow': {top: 0, core: 6, desc: 1, space: 4},
	Standard: {top: 0, core: 5, desc: 1, space: 2},
	Small: {top: 0, core: 4, desc: 1, space: 2},
	'Small Block': {top: 0, core: 4, desc: 0, space: 3},
};

export function fontMetrics(font: FontSpec): FontMetrics {
	const cached = metricsCache.get(font.figletName) ?? bundledMetrics[font.figletName];
	if (cached) return cached;
	const metrics = measureFontMetrics(font.figletName);
	metricsCache.set(font.figletName, metrics);
	return metrics;
}

/** Row metrics of a bundled font, measured from its glyphs. */
export function measureFontMetrics(figletName: string): FontMetrics {
	const font = fontChain.find(candidate => candidate.figletName === figletName)!;
	ensureParsed(font);
	const used = new Map<number, number>();
	let characters = 0;
	for (let code = 33; code < 127; code++) {
		const rows = glyphRows(font, code) ?? [];
		if (rows.every(row => isBlank(row))) continue;
		characters++;
		rows.forEach((row, index) => {
			if (!isBlank(row)) used.set(index, (used.get(index) ?? 0) + 1);
		});
	}

	const indices = [...used.keys()];
	const top = Math.min(...indices);
	const bottom = Math.max(...indices);
	// A last row only a few characters reach (descenders; the tails of Q, q and $).
	const desc = bottom > top && (used.get(bottom) ?? 0) < characters / 4 ? 1 : 0;
	const spaceRows = figletRows(font.figletName, ' ');
	const space = Math.max(1, ...spaceRows.map(row => row.length));
	return {top, core: bottom - top + 1 - desc, desc, space};
}

/** The names of the bundled FIGlet fonts and the metrics the code uses for each (for tests). */
export function bundledFontMetrics(): Record<string, FontMetrics | undefined> {
	return Object.fromEntries(fontChain.map(font => [font.figletName, bundledMetrics[font.figletName]]));
}

/** Whether the font draws `character` (figlet silently drops the ones it lacks) within the rows kept. */
function covers(font: FontSpec, character: string): boolean {
	let cache = coverageCache.get(font.figletName);
	if (!cache) {
		cache = new Map();
		coverageCache.set(font.figletName, cache);
	}

	const cached = cache.get(character);
	if (cached !== undefined) return cached;
	const metrics = fontMetrics(font);
	const code = character.codePointAt(0)!;
	const rows = [...character].length === 1 ? (glyphRows(font, code) ?? []) : [];
	const end = metrics.top + metrics.core + metrics.desc;
	const drawn =
		rows.some(row => !isBlank(row)) &&
		rows.every((row, index) => (index >= metrics.top && index < end) || isBlank(row)) &&
		rows.every(row => cellWidth(row) === row.length);
	cache.set(character, drawn);
	return drawn;
}

/** ASCII stand-ins for typographic punctuation, used when a font lacks the real thing. */
const substitutes: Readonly<Record<string, string>> = {
	'\u2018': "'",
	'\u2019': "'",
	'\u201A': ',',
	'\u2032': "'",
	'\u201C': '"',
	'\u201D': '"',
	'\u201E': '"',
	'\u2033': '"',
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2013': '-',
	'\u2014': '-',
	'\u2212': '-',
	'\u2026': '...',
};

/** Whether the font draws the character or an ASCII stand-in for it. */
export function drawable(font: FontSpec, character: string): boolean {
	if (covers(font, character)) return true;
	const substitute = substitutes[character];
	return substitute !== undefined && [...substitute].every(part => covers(font, part));
}

/** The text with the characters the font lacks replaced by their stand-ins. */
export function inFont(font: FontSpec, text: string): string {
	let out = '';
	for (const character of text) out += substitutes[character] !== undefined && !covers(font, character) ? substitutes[character] : character;
	return out;
}
