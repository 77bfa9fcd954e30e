/**
 * Big text for titles: the title drawn with a FIGlet font, the largest one in
 * which the whole title fits the box, word-wrapped at spaces (never inside a
 * word), with emoji drawn inline by a painter. Falls back to plain bold text.
 *
 * Pure: the only I/O is the static import of the font files.
 */
import figlet from 'figlet';
import ansiRegularFont from 'figlet/fonts/ANSI Regular';
import ansiShadowFont from 'figlet/fonts/ANSI Shadow';
import smallFont from 'figlet/fonts/Small';
import smallBlockFont from 'figlet/fonts/Small Block';
import standardFont from 'figlet/fonts/Standard';
import {cellWidth} from '../text/cell-width.js';
import type {Glyph, Line, Segment, Style} from '../frame/frame.js';
import {graphemes} from '../text/graphemes.js';

export type TitlePiece = {type: 'text'; text: string} | {type: 'emoji'; cluster: string};
/** One forced line of the title (a `<br>` separates forced lines); words are split at spaces here. */
export type TitleLine = readonly TitlePiece[];
/** Draws one emoji cluster as a glyph of exactly `height` rows. */
export type EmojiPainter = (cluster: string, height: number) => Glyph;
/** The title laid out: `lines` are not centered; `width` is the widest line. Rows of one big line all have the same width. */
export type BigTitle = {font: string; lines: Line[]; width: number};

export type BigTitleOptions = {emoji?: EmojiPainter; style?: Style};

/** The name reported when no FIGlet font fits (or the title is empty). */
export const plainFontName = 'plain';

const defaultStyle: Style = {fg: 'heading', bold: true};

// ---------------------------------------------------------------------------
// Fonts

type FontSpec = {
	/** The name reported in `BigTitle.font`. */
	readonly name: string;
	/** The FIGlet font the glyphs come from. */
	readonly figletName: string;
	readonly data: string;
	/** 2: every cell doubled horizontally and vertically. */
	readonly scale: 1 | 2;
	/** Blank rows between two big lines... */
	readonly lineGap: number;
	/** ...or this many, when that is what makes the title fit. */
	readonly minLineGap: number;
	/** Only tried when the box has at least this many rows. */
	readonly minBoxRows?: number;
	/** Never taller than this many rows in total. */
	readonly maxRows?: number;
};

/** Largest first. */
const fontChain: readonly FontSpec[] = [
	{name: 'ANSI Regular 2x', figletName: 'ANSI Regular', data: ansiRegularFont, scale: 2, lineGap: 2, minLineGap: 1, minBoxRows: 40, maxRows: 40},
	{name: 'ANSI Shadow', figletName: 'ANSI Shadow', data: ansiShadowFont, scale: 1, lineGap: 1, minLineGap: 0},
	{name: 'ANSI Regular', figletName: 'ANSI Regular', data: ansiRegularFont, scale: 1, lineGap: 1, minLineGap: 1},
	{name: 'Standard', figletName: 'Standard', data: standardFont, scale: 1, lineGap: 0, minLineGap: 0},
	{name: 'Small', figletName: 'Small', data: smallFont, scale: 1, lineGap: 0, minLineGap: 0},
	{name: 'Small Block', figletName: 'Small Block', data: smallBlockFont, scale: 1, lineGap: 1, minLineGap: 0},
];

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

const figletOptions = {horizontalLayout: 'default', verticalLayout: 'full'} as const;
const parsedFonts = new Set<string>();
const metricsCache = new Map<string, FontMetrics>();
const coverageCache = new Map<string, Map<string, boolean>>();

/**
 * Characters the ANSI block fonts lack, drawn in their style, so that a title
 * with quotes, an apostrophe or a plus sign keeps the biggest font.
 */
const extraGlyphs: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
	'ANSI Shadow': {
		'"': ['██╗██╗', '██║██║', '╚═╝╚═╝', '      ', '      ', '      ', '      '],
		"'": ['██╗', '██║', '╚═╝', '   ', '   ', '   ', '   '],
		'+': ['       ', '  ██╗  ', '██████╗', '╚═██╔═╝', '  ╚═╝  ', '       ', '       '],
		'=': ['      ', '█████╗', '╚════╝', '█████╗', '╚════╝', '      ', '      '],
		'|': ['██╗', '██║', '██║', '██║', '██║', '╚═╝', '   '],
	},
	'ANSI Regular': {
		'"': ['██ ██ ', '██ ██ ', '      ', '      ', '      ', '      ', '      '],
		"'": ['██ ', '██ ', '   ', '   ', '   ', '   ', '   '],
		'+': ['       ', '  ██   ', '██████ ', '  ██   ', '       ', '       ', '       '],
		'=': ['      ', '█████ ', '      ', '█████ ', '      ', '      ', '      '],
		'|': ['██ ', '██ ', '██ ', '██ ', '██ ', '   ', '   '],
	},
};

function ensureParsed(font: FontSpec): void {
	if (parsedFonts.has(font.figletName)) return;
	figlet.parseFont(font.figletName, font.data);
	const parsed = figlet.figFonts[font.figletName];
	for (const [character, rows] of Object.entries(extraGlyphs[font.figletName] ?? {})) {
		if (parsed && parsed.options.height === rows.length) parsed[character.codePointAt(0)!] = [...rows];
	}

	parsedFonts.add(font.figletName);
}

function figletRows(figletName: string, text: string): string[] {
	try {
		return figlet.textSync(text, {font: figletName, ...figletOptions}).split('\n');
	} catch {
		return [];
	}
}

const isBlank = (row: string | undefined) => row === undefined || row.trim() === '';

/**
 * A character's rows as the font file draws it (hard blanks as spaces), read
 * from the parsed font: far cheaper than rendering it through figlet, which
 * matters on the first title slide of a talk.
 */
function glyphRows(font: FontSpec, code: number): string[] | undefined {
	ensureParsed(font);
	const parsed = figlet.figFonts[font.figletName];
	const rows = parsed?.[code];
	if (!rows) return undefined;
	const hardBlank = parsed.options.hardBlank ?? '$';
	return rows.map(row => row.replaceAll(hardBlank, ' '));
}

/**
 * The metrics of the bundled fonts, as `measureFontMetrics` finds them (a test
 * checks they agree): measuring reads every glyph of the font, some 2 ms on
 * the first title of a talk.
 */
const bundledMetrics: Readonly<Record<string, FontMetrics>> = {
	'ANSI Regular': {top: 0, core: 5, desc: 1, space: 4},
	'ANSI Shadow': {top: 0, core: 6, desc: 0, space: 4},
	'Standard': {top: 0, core: 5, desc: 1, space: 2},
	'Small': {top: 0, core: 4, desc: 1, space: 2},
	'Small Block': {top: 0, core: 4, desc: 0, space: 3},
};

function fontMetrics(font: FontSpec): FontMetrics {
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
function drawable(font: FontSpec, character: string): boolean {
	if (covers(font, character)) return true;
	const substitute = substitutes[character];
	return substitute !== undefined && [...substitute].every(part => covers(font, part));
}

/** The text with the characters the font lacks replaced by their stand-ins. */
function inFont(font: FontSpec, text: string): string {
	let out = '';
	for (const character of text) out += substitutes[character] !== undefined && !covers(font, character) ? substitutes[character] : character;
	return out;
}

// ---------------------------------------------------------------------------
// Blocks: rectangles of rows, each row a list of segments exactly `width` cells wide

/** Segments without a style get the title's style when the line is emitted. */
type Block = {
	readonly width: number;
	/** `core + desc` rows (in output cells, so scaled). */
	readonly rows: readonly (readonly Segment[])[];
	/** Whether anything is drawn in the descender rows. */
	readonly descInk: boolean;
};

const runCache = new Map<string, Block>();
const runCacheLimit = 4000;

/** Scales a row of ANSI Regular 2x: each cell becomes 2x2 cells. */
const scaledCells: Readonly<Record<string, readonly [string, string]>> = {
	' ': ['  ', '  '],
	'█': ['██', '██'],
	'▀': ['██', '  '],
	'▄': ['  ', '██'],
	'·': ['▗▖', '▝▘'],
};

function scaleRows(rows: readonly string[]): string[] {
	const scaled: string[] = [];
	for (const row of rows) {
		let upper = '';
		let lower = '';
		for (const cell of row) {
			const [top, bottom] = scaledCells[cell] ?? [cell + cell, cell + cell];
			upper += top;
			lower += bottom;
		}

		scaled.push(upper, lower);
	}

	return scaled;
}

/** A run of covered characters drawn by figlet, blank rows and columns at the edges trimmed. */
function renderRun(font: FontSpec, metrics: FontMetrics, text: string): Block {
	const key = `${font.name}\u0000${text}`;
	const cached = runCache.get(key);
	if (cached) return cached;

	const raw = figletRows(font.figletName, text);
	const height = metrics.core + metrics.desc;
	let rows: string[] = [];
	for (let index = 0; index < height; index++) rows.push(raw[metrics.top + index] ?? '');
	const full = Math.max(0, ...rows.map(row => row.length));
	rows = rows.map(row => row.padEnd(full, ' '));
	let start = 0;
	let end = full;
	while (start < end && rows.every(row => row[start] === ' ')) start++;
	while (end > start && rows.every(row => row[end - 1] === ' ')) end--;
	rows = rows.map(row => row.slice(start, end));
	if (font.scale === 2) rows = scaleRows(rows);

	const coreRows = metrics.core * font.scale;
	const block: Block = {
		width: (end - start) * font.scale,
		rows: rows.map(row => [{text: row}]),
		descInk: rows.slice(coreRows).some(row => !isBlank(row)),
	};
	if (runCache.size >= runCacheLimit) runCache.clear();
	runCache.set(key, block);
	return block;
}

function blankBlock(width: number, height: number): Block {
	const row: Segment[] = width > 0 ? [{text: ' '.repeat(width)}] : [];
	return {width, rows: Array.from({length: height}, () => row), descInk: false};
}

/** Lays blocks side by side (they all have the same number of rows). */
function joinBlocks(blocks: readonly Block[], gaps: readonly number[]): Block {
	const height = blocks[0]?.rows.length ?? 0;
	const rows: Segment[][] = Array.from({length: height}, () => []);
	let width = 0;
	blocks.forEach((block, index) => {
		const gap = index > 0 ? (gaps[index - 1] ?? 0) : 0;
		width += gap + block.width;
		for (let row = 0; row < height; row++) {
			if (gap > 0) rows[row]!.push({text: ' '.repeat(gap)});
			rows[row]!.push(...(block.rows[row] ?? []));
		}
	});
	return {width, rows, descInk: blocks.some(block => block.descInk)};
}

// ---------------------------------------------------------------------------
// Emoji

/** The default painter: the emoji itself, on the middle row. */
export function plainEmojiGlyph(cluster: string, height: number): Glyph {
	const rows = Math.max(0, Math.floor(height));
	const width = cellWidth(cluster);
	const middle = Math.floor((rows - 1) / 2);
	const blank: Line = width > 0 ? [{text: ' '.repeat(width)}] : [];
	const lines = Array.from({length: rows}, (_, index): Line => (index === middle ? [{text: cluster}] : blank));
	return {width, height: rows, lines};
}

/** Cuts or pads a line to exactly `width` cells. */
function fitLineWidth(line: Line, width: number): Segment[] {
	const out: Segment[] = [];
	let used = 0;
	for (const segment of line) {
		const segmentWidth = cellWidth(segment.text);
		if (used + segmentWidth <= width) {
			if (segment.text !== '') out.push(segment);
			used += segmentWidth;
			continue;
		}

		let text = '';
		for (const grapheme of graphemes(segment.text)) {
			const cells = cellWidth(grapheme);
			if (used + cells > width) break;
			text += grapheme;
			used += cells;
		}

		if (text !== '') out.push({...segment, text});
		break;
	}

	if (used < width) out.push({text: ' '.repeat(width - used)});
	return out;
}

/** A painter's glyph made exactly `core` rows (bottom-aligned) and its own width wide, with blank descender rows. */
function emojiBlock(painter: EmojiPainter, cluster: string, core: number, desc: number): Block {
	let glyph: Glyph;
	try {
		glyph = painter(cluster, core);
	} catch {
		glyph = plainEmojiGlyph(cluster, core);
	}

	const measured = Math.max(0, ...glyph.lines.map(line => line.reduce((sum, segment) => sum + cellWidth(segment.text), 0)));
	const width = Number.isInteger(glyph.width) && glyph.width >= 0 ? glyph.width : measured;
	const lines = glyph.lines.slice(-core);
	const blank = blankBlock(width, 1).rows[0]!;
	const rows: (readonly Segment[])[] = [
		...Array.from({length: core - lines.length}, () => blank),
		...lines.map(line => fitLineWidth(line, width)),
		...Array.from({length: desc}, () => blank),
	];
	return {width, rows, descInk: false};
}

// ---------------------------------------------------------------------------
// Words

type Part = {kind: 'text'; text: string} | {kind: 'nbsp'; count: number} | {kind: 'emoji'; cluster: string};
type Word = readonly Part[];
/** A forced line: its words. An empty one (inside the title) is a blank line. */
type WordLine = readonly Word[];

/** Non-breaking spaces: visible width, but no break. */
const nbspPattern = /[\u00A0\u2007\u202F]/u;
const breakPattern = /\s/u;
/** Control and format characters (keeping the zero-width joiner of emoji sequences). */
const invisiblePattern = /[\p{Cc}\p{Cf}]/u;

function toWords(line: TitleLine): Word[] {
	const words: Word[] = [];
	let parts: Part[] = [];
	const finish = () => {
		while (parts[0]?.kind === 'nbsp') parts.shift();
		while (parts.at(-1)?.kind === 'nbsp') parts.pop();
		if (parts.length > 0) words.push(parts);
		parts = [];
	};

	for (const piece of line) {
		if (piece.type === 'emoji') {
			if (piece.cluster !== '') parts.push({kind: 'emoji', cluster: piece.cluster});
			continue;
		}

		for (const character of piece.text.normalize('NFC')) {
			if (nbspPattern.test(character)) {
				const last = parts.at(-1);
				if (last?.kind === 'nbsp') parts[parts.length - 1] = {kind: 'nbsp', count: last.count + 1};
				else parts.push({kind: 'nbsp', count: 1});
			} else if (breakPattern.test(character) || character === '\t') {
				finish();
			} else if (invisiblePattern.test(character) && character !== '\u200D') {
				continue;
			} else {
				const last = parts.at(-1);
				if (last?.kind === 'text') parts[parts.length - 1] = {kind: 'text', text: last.text + character};
				else parts.push({kind: 'text', text: character});
			}
		}
	}

	finish();
	return words;
}

function toWordLines(title: readonly TitleLine[]): WordLine[] {
	const lines = title.map(line => toWords(line));
	while (lines.length > 0 && lines[0]!.length === 0) lines.shift();
	while (lines.length > 0 && lines.at(-1)!.length === 0) lines.pop();
	return lines;
}

// ---------------------------------------------------------------------------
// Layout with one font

type Laid = {lines: Line[]; width: number};

function layoutWithFont(
	font: FontSpec,
	lines: readonly WordLine[],
	box: {columns: number; rows: number},
	painter: EmojiPainter,
	style: Style,
): Laid | undefined {
	const metrics = fontMetrics(font);
	const core = metrics.core * font.scale;
	const desc = metrics.desc * font.scale;
	const space = metrics.space * font.scale;
	const partGap = font.scale;
	const maxRows = Math.min(box.rows, font.maxRows ?? Number.POSITIVE_INFINITY);
	const emoji = new Map<string, Block>();

	const wordBlock = (word: Word): Block | undefined => {
		const blocks: Block[] = [];
		const gaps: number[] = [];
		let previous: Part['kind'] | undefined;
		for (const part of word) {
			let block: Block;
			if (part.kind === 'text') {
				// Every big letter takes at least half a cell: a run longer than that can never fit,
				// and rendering it first would cost time growing with the square of its length.
				if (part.text.length > (2 * box.columns) / font.scale) return undefined;
				block = renderRun(font, metrics, inFont(font, part.text));
			} else if (part.kind === 'nbsp') {
				block = blankBlock(part.count * space, core + desc);
			} else {
				let cached = emoji.get(part.cluster);
				if (!cached) {
					cached = emojiBlock(painter, part.cluster, core, desc);
					emoji.set(part.cluster, cached);
				}

				block = cached;
			}

			if (blocks.length > 0) gaps.push(previous === 'nbsp' || part.kind === 'nbsp' ? 0 : partGap);
			blocks.push(block);
			previous = part.kind;
		}

		const joined = joinBlocks(blocks, gaps);
		return joined.width <= box.columns ? joined : undefined;
	};

	// Wrap greedily into big lines of word blocks.
	const bigLines: Block[][] = [];
	for (const line of lines) {
		if (line.length === 0) {
			bigLines.push([]);
			continue;
		}

		let current: Block[] = [];
		let width = 0;
		for (const word of line) {
			const block = wordBlock(word);
			if (!block) return undefined;
			if (current.length > 0 && width + space + block.width > box.columns) {
				bigLines.push(current);
				current = [];
				width = 0;
			}

			width += (current.length > 0 ? space : 0) + block.width;
			current.push(block);
		}

		bigLines.push(current);
	}

	const heights = bigLines.map(blocks => core + (blocks.some(block => block.descInk) ? desc : 0));
	const glyphRows = heights.reduce((sum, height) => sum + height, 0);
	const lineGap = glyphRows + font.lineGap * (bigLines.length - 1) <= maxRows ? font.lineGap : font.minLineGap;
	if (glyphRows + lineGap * (bigLines.length - 1) > maxRows) return undefined;

	const out: Line[] = [];
	let widest = 0;
	bigLines.forEach((blocks, index) => {
		if (index > 0) for (let gap = 0; gap < lineGap; gap++) out.push([]);
		const height = heights[index]!;
		if (blocks.length === 0) {
			for (let row = 0; row < height; row++) out.push([]);
			return;
		}

		const joined = joinBlocks(
			blocks,
			blocks.map(() => space),
		);
		widest = Math.max(widest, joined.width);
		for (let row = 0; row < height; row++) out.push(emitLine(joined.rows[row] ?? [], style));
	});
	return {lines: out, width: widest};
}

// ---------------------------------------------------------------------------
// Plain fallback

type Atom = {text: string; width: number; style?: Style};

function layoutPlain(lines: readonly WordLine[], box: {columns: number; rows: number}, style: Style): Laid {
	const columns = box.columns;
	const rows: Atom[][] = [];
	const atomsOf = (word: Word): Atom[] =>
		word.flatMap((part): Atom[] => {
			if (part.kind === 'nbsp') return [{text: ' '.repeat(part.count), width: part.count}];
			if (part.kind === 'emoji') return [{text: part.cluster, width: cellWidth(part.cluster)}];
			return graphemes(part.text).map(text => ({text, width: cellWidth(text)}));
		});

	for (const line of lines) {
		let current: Atom[] = [];
		let width = 0;
		const push = () => {
			rows.push(current);
			current = [];
			width = 0;
		};

		for (const word of line) {
			const atoms = atomsOf(word).filter(atom => atom.width <= columns);
			const wordWidth = atoms.reduce((sum, atom) => sum + atom.width, 0);
			if (atoms.length === 0) continue;
			const gap = current.length > 0 ? 1 : 0;
			if (width + gap + wordWidth <= columns) {
				if (gap > 0) current.push({text: ' ', width: 1});
				current.push(...atoms);
				width += gap + wordWidth;
				continue;
			}

			if (current.length > 0) push();
			// A word wider than the box: break it between grapheme clusters.
			for (const atom of atoms) {
				if (width + atom.width > columns) push();
				current.push(atom);
				width += atom.width;
			}
		}

		push();
	}

	if (rows.length > box.rows) {
		rows.length = Math.max(0, box.rows);
		const last = rows.at(-1);
		if (last) {
			let width = last.reduce((sum, atom) => sum + atom.width, 0);
			while (last.length > 0 && (width + 1 > columns || last.at(-1)!.text.trim() === '')) width -= last.pop()!.width;
			if (width + 1 <= columns) last.push({text: '…', width: 1});
		}
	}

	const out = rows.map(atoms => emitLine(atoms.map(atom => ({text: atom.text})), style));
	const widths = rows.map(atoms => atoms.reduce((sum, atom) => sum + atom.width, 0));
	return {lines: out, width: Math.max(0, ...widths)};
}

// ---------------------------------------------------------------------------
// Output

function sameStyle(a: Style | undefined, b: Style | undefined): boolean {
	if (a === b) return true;
	if (!a || !b) return false;
	return (
		a.fg === b.fg &&
		a.bg === b.bg &&
		a.bold === b.bold &&
		a.dim === b.dim &&
		a.italic === b.italic &&
		a.underline === b.underline &&
		a.strike === b.strike &&
		a.inverse === b.inverse &&
		a.link === b.link
	);
}

/** Gives unstyled segments the title's style and merges neighbours of the same style. */
function emitLine(segments: readonly Segment[], style: Style): Line {
	const out: Segment[] = [];
	for (const segment of segments) {
		if (segment.text === '') continue;
		const segmentStyle = segment.style ?? style;
		const last = out.at(-1);
		if (last && sameStyle(last.style, segmentStyle)) out[out.length - 1] = {text: last.text + segment.text, style: last.style!};
		else out.push({text: segment.text, style: segmentStyle});
	}

	return out;
}

// ---------------------------------------------------------------------------

/**
 * Lays out a title in the largest font in which all of it fits the box:
 * `ANSI Regular 2x` (boxes of 40+ rows, at most 40 rows tall), `ANSI Shadow`,
 * `ANSI Regular`, `Standard`, `Small`, `Small Block`, then plain bold text.
 * A font is skipped when it lacks a character of the title or a word is wider
 * than the box; words are never broken (except in plain text, when a single
 * word is wider than the box).
 */
export function layoutBigTitle(
	title: readonly TitleLine[],
	box: {columns: number; rows: number},
	options: BigTitleOptions = {},
): BigTitle {
	const style = options.style ?? defaultStyle;
	const painter = options.emoji ?? plainEmojiGlyph;
	const columns = Math.max(0, Math.floor(box.columns));
	const rows = Math.max(0, Math.floor(box.rows));
	const lines = toWordLines(title);
	if (lines.length === 0 || columns === 0 || rows === 0) return {font: plainFontName, lines: [], width: 0};

	const characters = new Set<string>();
	for (const line of lines) {
		for (const word of line) {
			for (const part of word) if (part.kind === 'text') for (const character of part.text) characters.add(character);
		}
	}

	for (const font of fontChain) {
		if (font.minBoxRows !== undefined && rows < font.minBoxRows) continue;
		const metrics = fontMetrics(font);
		// Cheap rejections first: too tall even on one line, or a character missing.
		if (metrics.core * font.scale > Math.min(rows, font.maxRows ?? rows)) continue;
		let covered = true;
		for (const character of characters) {
			if (!drawable(font, character)) {
				covered = false;
				break;
			}
		}

		if (!covered) continue;
		const laid = layoutWithFont(font, lines, {columns, rows}, painter, style);
		if (laid) return {font: font.name, ...laid};
	}

	return {font: plainFontName, ...layoutPlain(lines, {columns, rows}, style)};
}
