/**
 * The FIGlet fonts big text is drawn in, most legible first, and the adapter over
 * figlet: fonts are parsed into `figlet.figFonts` on first use, with the
 * characters the ANSI block fonts lack added to them, and read back row by row.
 *
 * The only I/O is the static import of the font files.
 */
import figlet from 'figlet';
import ansiRegularFont from 'figlet/fonts/ANSI Regular';
import ansiShadowFont from 'figlet/fonts/ANSI Shadow';
import smallFont from 'figlet/fonts/Small';
import smallBlockFont from 'figlet/fonts/Small Block';
import standardFont from 'figlet/fonts/Standard';

export type FontSpec = {
	/** The name reported in `BigTitle.font`. */
	readonly name: string;
	/** The FIGlet font the glyphs come from. */
	readonly figletName: string;
	readonly data: string;
	/** Every cell drawn this many cells wide (block fonts only)... */
	readonly scaleX: 1 | 2 | 3;
	/** ...and this many rows tall. */
	readonly scaleY: 1 | 2 | 3;
	/** Solid block strokes (█▀▄) or thin line strokes (`|_/`), which read worse from the back of a room. */
	readonly stroke: 'block' | 'line';
	/** Blank rows between two big lines... */
	readonly lineGap: number;
	/** ...or this many, when that is what makes the title fit. */
	readonly minLineGap: number;
	/** Only tried when the box has at least this many rows. */
	readonly minBoxRows?: number;
	/** Never taller than this many rows in total. */
	readonly maxRows?: number;
};

/**
 * Most legible at a distance first (see `legibility`; a test keeps the order):
 * the biggest block letters that fit win. Scaled steps of ANSI Regular fill big
 * screens (3x, 2x, and double width only for a short title on a wide, low
 * area), Small Block at double width (its quarter-cell pixels become square)
 * for small ones; Small Block's solid strokes read better than Standard's and Small's
 * thin lines, so it comes before them.
 */
export const fontChain: readonly FontSpec[] = [
	{name: 'ANSI Regular 3x', figletName: 'ANSI Regular', data: ansiRegularFont, scaleX: 3, scaleY: 3, stroke: 'block', lineGap: 3, minLineGap: 1},
	{name: 'ANSI Regular 2x', figletName: 'ANSI Regular', data: ansiRegularFont, scaleX: 2, scaleY: 2, stroke: 'block', lineGap: 2, minLineGap: 1},
	{name: 'ANSI Shadow', figletName: 'ANSI Shadow', data: ansiShadowFont, scaleX: 1, scaleY: 1, stroke: 'block', lineGap: 1, minLineGap: 0},
	{name: 'ANSI Regular wide', figletName: 'ANSI Regular', data: ansiRegularFont, scaleX: 2, scaleY: 1, stroke: 'block', lineGap: 1, minLineGap: 1},
	{name: 'ANSI Regular', figletName: 'ANSI Regular', data: ansiRegularFont, scaleX: 1, scaleY: 1, stroke: 'block', lineGap: 1, minLineGap: 1},
	{name: 'Small Block wide', figletName: 'Small Block', data: smallBlockFont, scaleX: 2, scaleY: 1, stroke: 'block', lineGap: 1, minLineGap: 0},
	{name: 'Small Block', figletName: 'Small Block', data: smallBlockFont, scaleX: 1, scaleY: 1, stroke: 'block', lineGap: 1, minLineGap: 0},
	{name: 'Standard', figletName: 'Standard', data: standardFont, scaleX: 1, scaleY: 1, stroke: 'line', lineGap: 0, minLineGap: 0},
	{name: 'Small', figletName: 'Small', data: smallFont, scaleX: 1, scaleY: 1, stroke: 'line', lineGap: 0, minLineGap: 0},
];

/**
 * How well a font reads from the back of a room, for a letter of `core` rows:
 * its letters' height and width in cells, a thin line stroke counting for half
 * (it is one cell of `|_/` where a block font fills its letter). Wider letters
 * help much less than taller ones: doubling the width counts an eighth.
 */
export function legibility(font: FontSpec, core: number): number {
	const stroke = font.stroke === 'block' ? 1 : 0.5;
	return core * font.scaleY * stroke * (1 + (font.scaleX - 1) / 8);
}

const figletOptions = {horizontalLayout: 'default', verticalLayout: 'full'} as const;
const parsedFonts = new Set<string>();

/**
 * Characters the ANSI block fonts lack, drawn in their style, so that a title
 * with quotes, an apostrophe or a plus sign keeps the biggest font; and the
 * comma, which both draw as a dot on the baseline that reads as a full stop
 * ("DEPLOYMENT,"), redrawn with a tail: into the row below the letters in ANSI
 * Shadow, down to the baseline in ANSI Regular (whose scaled steps would give
 * a descender row three times over).
 */
const extraGlyphs: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
	'ANSI Shadow': {
		'"': ['██╗██╗', '██║██║', '╚═╝╚═╝', '      ', '      ', '      ', '      '],
		"'": ['██╗', '██║', '╚═╝', '   ', '   ', '   ', '   '],
		'+': ['       ', '  ██╗  ', '██████╗', '╚═██╔═╝', '  ╚═╝  ', '       ', '       '],
		'=': ['      ', '█████╗', '╚════╝', '█████╗', '╚════╝', '      ', '      '],
		'|': ['██╗', '██║', '██║', '██║', '██║', '╚═╝', '   '],
		',': ['    ', '    ', '    ', '    ', ' ██╗', '▄█╔╝', '╚═╝ '],
	},
	'ANSI Regular': {
		'"': ['██ ██ ', '██ ██ ', '      ', '      ', '      ', '      ', '      '],
		"'": ['██ ', '██ ', '   ', '   ', '   ', '   ', '   '],
		'+': ['       ', '  ██   ', '██████ ', '  ██   ', '       ', '       ', '       '],
		'=': ['      ', '█████ ', '      ', '█████ ', '      ', '      ', '      '],
		'|': ['██ ', '██ ', '██ ', '██ ', '██ ', '   ', '   '],
		',': ['   ', '   ', '   ', ' ██', '▄█▀', '   ', '   '],
	},
};

export function ensureParsed(font: FontSpec): void {
	if (parsedFonts.has(font.figletName)) return;
	figlet.parseFont(font.figletName, font.data);
	const parsed = figlet.figFonts[font.figletName];
	for (const [character, rows] of Object.entries(extraGlyphs[font.figletName] ?? {})) {
		if (parsed && parsed.options.height === rows.length) parsed[character.codePointAt(0)!] = [...rows];
	}

	parsedFonts.add(font.figletName);
}

/** Fonts drawn in quadrant cells, whose letters FIGlet fits closer than the eye can tell apart (see `fittedRows`). */
const quadrantFonts: ReadonlySet<string> = new Set(['Small Block']);

/** The quadrants of a quadrant character: top left 1, top right 2, bottom left 4, bottom right 8. */
export const quadrantBits: ReadonlyMap<string, number> = new Map([...' ▘▝▀▖▌▞▛▗▚▐▜▄▙▟█'].map((character, bits) => [character, bits]));

export function figletRows(figletName: string, text: string): string[] {
	const fitted = quadrantFonts.has(figletName) ? fittedRows(figletName, text) : undefined;
	if (fitted) return fitted;
	try {
		return figlet.textSync(text, {font: figletName, ...figletOptions}).split('\n');
	} catch {
		return [];
	}
}

/**
 * A run of a quadrant font's letters fitted as FIGlet fits them, moved together until they
 * touch (the same rows as FIGlet's for every run of letters, digits and common
 * punctuation), but one column further apart where the ink of two quadrant cells would
 * meet across the cell edge: FIGlet's `ll` in Small Block is `▜▜`, whose bars read as one
 * letter (`П`). Undefined for a run with a space or a character the font lacks: FIGlet
 * draws those.
 */
function fittedRows(figletName: string, text: string): string[] | undefined {
	const font = figlet.figFonts[figletName];
	if (!font || text.includes(' ')) return undefined;
	let rows: string[] | undefined;
	for (const character of text) {
		const glyph = font[character.codePointAt(0)!];
		if (!glyph) return undefined;
		rows = rows ? fitGlyph(rows, glyph) : padded(glyph);
	}

	const hardBlank = font.options.hardBlank ?? '$';
	return rows?.map(row => row.replaceAll(hardBlank, ' '));
}

function padded(rows: readonly string[]): string[] {
	const width = Math.max(0, ...rows.map(row => row.length));
	return rows.map(row => row.padEnd(width));
}

/** `right` fitted after `left` (rows of one width; a hard blank is ink for fitting, none to the eye). */
function fitGlyph(left: readonly string[], glyph: readonly string[]): string[] {
	const right = padded(glyph);
	const width = left[0]?.length ?? 0;
	const rightWidth = right[0]?.length ?? 0;
	const trail = left.map(row => row.length - row.trimEnd().length);
	const lead = right.map(row => row.length - row.trimStart().length);
	let overlap = Math.min(width, rightWidth);
	for (let row = 0; row < left.length; row++) overlap = Math.min(overlap, trail[row]! + (lead[row] ?? rightWidth));
	const meets = left.some((row, index) => {
		if (trail[index]! + lead[index]! !== overlap || trail[index] === width || lead[index] === rightWidth) return false;
		const before = quadrantBits.get(row[width - trail[index]! - 1]!) ?? 0;
		const after = quadrantBits.get(right[index]![lead[index]!]!) ?? 0;
		return ((before & 2) !== 0 && (after & 1) !== 0) || ((before & 8) !== 0 && (after & 4) !== 0);
	});
	if (meets && overlap > 0) overlap--;
	return left.map((row, index) => {
		const next = right[index] ?? ' '.repeat(rightWidth);
		let merged = '';
		for (let at = 0; at < overlap; at++) {
			const mine = row[width - overlap + at]!;
			merged += mine === ' ' ? next[at]! : mine;
		}

		return row.slice(0, width - overlap) + merged + next.slice(overlap);
	});
}

export const isBlank = (row: string | undefined) => row === undefined || row.trim() === '';

/**
 * A character's rows as the font file draws it (hard blanks as spaces), read
 * from the parsed font: far cheaper than rendering it through figlet, which
 * matters on the first title slide of a talk.
 */
export function glyphRows(font: FontSpec, code: number): string[] | undefined {
	ensureParsed(font);
	const parsed = figlet.figFonts[font.figletName];
	const rows = parsed?.[code];
	if (!rows) return undefined;
	const hardBlank = parsed.options.hardBlank ?? '$';
	return rows.map(row => row.replaceAll(hardBlank, ' '));
}
