/**
 * Lines of styled segments to terminal text: SGR colours at the available
 * colour level and OSC 8 hyperlinks where wanted. The only place lectern
 * writes escape sequences for content.
 */
import type {Colour, Line, Style, ThemeColour} from '../frame/frame.js';
import type {ColourLevel} from './colour-level.js';
import {theme, type ThemeEntry} from './theme.js';

export type AnsiOptions = {
	readonly level: ColourLevel;
	/** Emit OSC 8 hyperlinks for linked text. */
	readonly hyperlinks: boolean;
	/** The theme's colour for each role (`--theme`); absent: the dark theme. */
	readonly theme?: Readonly<Record<ThemeColour, ThemeEntry>>;
};

const esc = '\u001B[';
const reset = `${esc}0m`;

/**
 * The text of lines drawn before, per line and options: the player draws the
 * same line objects again (a frame kept by planSlide, the rows a typed
 * character does not change), and a row of picture cells is thousands of
 * segments.
 */
const rendered = new WeakMap<Line, {readonly options: AnsiOptions; readonly text: string}>();

export function renderLine(line: Line, options: AnsiOptions): string {
	const known = rendered.get(line);
	if (known?.options === options) return known.text;
	const text = renderSegments(line, options);
	rendered.set(line, {options, text});
	return text;
}

function renderSegments(line: Line, options: AnsiOptions): string {
	let out = '';
	for (const segment of line) {
		const style = segment.style;
		const codes = style ? sgrCodes(style, options.level, options.theme ?? theme) : '';
		// Level 0 is plain text: no escape sequences of any kind, hyperlinks included.
		const link = options.hyperlinks && options.level > 0 && style?.link ? style.link : undefined;
		let text = segment.text;
		if (codes !== '') text = `${esc}${codes}m${text}${reset}`;
		if (link) text = `\u001B]8;;${link}\u001B\\${text}\u001B]8;;\u001B\\`;
		out += text;
	}

	return out;
}

/** A line as a screen row of the player: an empty line is a space, so that it keeps its row. */
export function screenRow(line: Line, options: AnsiOptions): string {
	return line.length === 0 ? ' ' : renderLine(line, options);
}

/** Level 0 is plain text: no escape sequences at all. */
function sgrCodes(style: Style, level: ColourLevel, table: Readonly<Record<ThemeColour, ThemeEntry>>): string {
	if (level === 0) return '';
	const codes: Array<string | number> = [];
	if (style.bold) codes.push(1);
	if (style.dim) codes.push(2);
	if (style.italic) codes.push(3);
	if (style.underline) codes.push(4);
	if (style.inverse) codes.push(7);
	if (style.strike) codes.push(9);
	if (style.fg) codes.push(colourCode(style.fg, level, 'fg', table));
	if (style.bg) codes.push(colourCode(style.bg, level, 'bg', table));
	return codes.join(';');
}

function colourCode(colour: Colour, level: ColourLevel, layer: 'fg' | 'bg', table: Readonly<Record<ThemeColour, ThemeEntry>>): string {
	const themed = colour.startsWith('#') ? undefined : table[colour as ThemeColour];
	const rgb = themed ? themed.rgb : colour;
	const [r, g, b] = parseHex(rgb);
	if (level === 3) {
		const entry = exact256(r, g, b);
		return entry === undefined ? `${layer === 'fg' ? 38 : 48};2;${r};${g};${b}` : `${layer === 'fg' ? 38 : 48};5;${entry}`;
	}

	if (level === 2) return `${layer === 'fg' ? 38 : 48};5;${nearest256(r, g, b)}`;
	const basic = themed ? themed.basic : nearestBasic(r, g, b);
	return String(layer === 'fg' ? basic : basic + 10);
}

export function parseHex(hex: string): [number, number, number] {
	const value = Number.parseInt(hex.slice(1, 7), 16) || 0;
	return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

const cubeSteps = [0, 95, 135, 175, 215, 255];

/**
 * The xterm 256-colour entry that is exactly this colour, if one is: the
 * short code (`38;5;75`, 10 bytes against 19) draws the same cell, and most of
 * the theme is such colours, so a typed character costs 18 bytes, not 27.
 * Entries 16-21 are left out: base16-shell and its kin redefine them.
 */
export function exact256(r: number, g: number, b: number): number | undefined {
	const ri = cubeSteps.indexOf(r);
	const gi = cubeSteps.indexOf(g);
	const bi = cubeSteps.indexOf(b);
	if (ri >= 0 && gi >= 0 && bi >= 0) {
		const entry = 16 + 36 * ri + 6 * gi + bi;
		return entry >= 22 ? entry : undefined;
	}

	if (r !== g || g !== b || r < 8 || r > 238 || (r - 8) % 10 !== 0) return undefined;
	return 232 + (r - 8) / 10;
}

/** `#rrggbb` of a colour (the reverse of `parseHex`). */
export function rgbHex(r: number, g: number, b: number): string {
	return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}

const paletteHexes = new Map<number, string>();

/** `#rrggbb` of an xterm 256-colour palette entry from 16 up (the ones `nearest256` picks). */
export function paletteHex(index: number): string {
	let cached = paletteHexes.get(index);
	if (cached === undefined) {
		const grey = 8 + (index - 232) * 10;
		const cube = index - 16;
		cached =
			index >= 232 ? rgbHex(grey, grey, grey) : rgbHex(cubeSteps[Math.floor(cube / 36) % 6]!, cubeSteps[Math.floor(cube / 6) % 6]!, cubeSteps[cube % 6]!);
		paletteHexes.set(index, cached);
	}

	return cached;
}

/** The nearest colour of the xterm 256-colour palette (cube or grey ramp). */
export function nearest256(r: number, g: number, b: number): number {
	const cubeIndex = (value: number) => {
		let best = 0;
		for (let index = 1; index < cubeSteps.length; index++) {
			if (Math.abs(cubeSteps[index]! - value) < Math.abs(cubeSteps[best]! - value)) best = index;
		}

		return best;
	};

	const [ri, gi, bi] = [cubeIndex(r), cubeIndex(g), cubeIndex(b)];
	const cube = 16 + 36 * ri + 6 * gi + bi;
	const cubeDistance = distance(r, g, b, cubeSteps[ri]!, cubeSteps[gi]!, cubeSteps[bi]!);
	const grey = Math.round((r + g + b) / 3);
	const greyIndex = Math.min(23, Math.max(0, Math.round((grey - 8) / 10)));
	const greyValue = 8 + greyIndex * 10;
	const greyDistance = distance(r, g, b, greyValue, greyValue, greyValue);
	return greyDistance < cubeDistance ? 232 + greyIndex : cube;
}

const basicColours: ReadonlyArray<[number, number, number, number]> = [
	[30, 0, 0, 0],
	[31, 205, 0, 0],
	[32, 0, 205, 0],
	[33, 205, 205, 0],
	[34, 0, 0, 238],
	[35, 205, 0, 205],
	[36, 0, 205, 205],
	[37, 229, 229, 229],
	[90, 127, 127, 127],
	[91, 255, 0, 0],
	[92, 0, 255, 0],
	[93, 255, 255, 0],
	[94, 92, 92, 255],
	[95, 255, 0, 255],
	[96, 0, 255, 255],
	[97, 255, 255, 255],
];

export function nearestBasic(r: number, g: number, b: number): number {
	let best = basicColours[0]!;
	for (const candidate of basicColours) {
		if (distance(r, g, b, candidate[1], candidate[2], candidate[3]) < distance(r, g, b, best[1], best[2], best[3])) best = candidate;
	}

	return best[0];
}

function distance(r1: number, g1: number, b1: number, r2: number, g2: number, b2: number): number {
	return (r1 - r2) ** 2 + (g1 - g2) ** 2 + (b1 - b2) ** 2;
}
