/**
 * The viewers' frames: each is the player's own screen (planScreen) for one
 * viewer's state at their size and colour depth, rendered to rows of terminal
 * text once and shared by every viewer who sees the same thing. What goes to a
 * viewer is the difference between the frame on their screen and the next, as
 * the player writes it (line-diff.ts); viewers who see the same change at the
 * same size get the same bytes, worked out once. They are drawn in the
 * presenter's theme; a theme with a background of its own paints every cell
 * with it (never the viewer's terminal's default colours, which a dropped
 * connection could not set back).
 */
import type {Slide} from '../deck/model.js';
import {emojiPainterFor} from '../emoji/index.js';
import type {EmojiPainter} from '../layout/big-emoji.js';
import type {Colour, Line, Size} from '../frame/frame.js';
import type {PictureSource} from '../layout/plan-image.js';
import {planScreen} from '../layout/plan-screen.js';
import {renderLine, type AnsiOptions} from '../render/ansi.js';
import type {ColourLevel} from '../render/colour-level.js';
import {changedCells} from '../render/line-diff.js';
import type {ViewerScreen} from './viewer-state.js';
import type {Theme} from '../theme/themes.js';
import {lineWidth} from '../text/wrap.js';

export type Frame = {
	/** Names the frame: the deck version, size, colour level and screen. */
	readonly key: string;
	readonly size: Size;
	/** One string per screen row, as the terminal is sent it. */
	readonly rows: readonly string[];
};

/** Colour levels' render options, one object each per theme (renderLine keeps rows per options object). */
const ansiByLevel: Readonly<Record<ColourLevel, AnsiOptions>> = {
	0: {level: 0, hyperlinks: false},
	1: {level: 1, hyperlinks: true},
	2: {level: 2, hyperlinks: true},
	3: {level: 3, hyperlinks: true},
};
const themedAnsi = new WeakMap<Theme, Map<ColourLevel, AnsiOptions>>();

function ansiFor(level: ColourLevel, theme: Theme | undefined): AnsiOptions {
	if (!theme) return ansiByLevel[level];
	let levels = themedAnsi.get(theme);
	if (!levels) {
		levels = new Map();
		themedAnsi.set(theme, levels);
	}

	let options = levels.get(level);
	if (!options) {
		options = {...ansiByLevel[level], theme: theme.colours};
		levels.set(level, options);
	}

	return options;
}

/**
 * The screen on the theme's own background: every cell without a colour of
 * its own gets the theme's text and background colours, every row is filled
 * to the width, and the last row (which the player keeps empty) too.
 */
export function onThemeBackground(lines: readonly Line[], theme: Theme, size: Size): Line[] {
	const base = {fg: theme.foreground as Colour, bg: theme.background as Colour};
	const filled = lines.map(line => {
		const painted: Line = line.map(segment => ({...segment, style: {...base, ...segment.style}}));
		const width = lineWidth(line);
		return width < size.columns ? [...painted, {text: ' '.repeat(size.columns - width), style: {bg: base.bg}}] : painted;
	});
	const blank: Line = [{text: ' '.repeat(size.columns), style: {bg: base.bg}}];
	while (filled.length < size.rows) filled.push(blank);
	return filled;
}

export type FrameSource = {
	readonly slides: readonly Slide[];
	/** Changes with every new deck, so frames of an older one are never reused. */
	readonly version: number;
	/** Pictures for image slides at colour levels 2 and 3; absent: alt text. */
	readonly pictures?: (level: 2 | 3) => PictureSource | undefined;
	/** The presenter's theme; absent: dark. */
	readonly theme?: Theme;
};

export type FrameCacheOptions = {
	/** Frames kept, as characters of row text in all. */
	readonly budget?: number;
	/** Differences kept. */
	readonly transitions?: number;
};

export class FrameCache {
	private readonly frames = new Map<string, Frame>();
	private readonly transitions = new Map<string, string>();
	private readonly painters = new Map<ColourLevel, EmojiPainter | undefined>();
	private held = 0;
	private readonly budget: number;
	private readonly transitionLimit: number;
	/** Frames laid out (not found in the cache), for the load test. */
	laidOut = 0;

	constructor(options: FrameCacheOptions = {}) {
		this.budget = options.budget ?? 24_000_000;
		this.transitionLimit = options.transitions ?? 512;
	}

	/** The frame of `screen` at `size` and `level`, laid out once. */
	frame(source: FrameSource, screen: ViewerScreen, size: Size, level: ColourLevel): Frame {
		const key = `${source.version}|${size.columns}x${size.rows}|${level}|${screen.hint}|${screen.key}`;
		const known = this.frames.get(key);
		if (known) {
			this.frames.delete(key);
			this.frames.set(key, known);
			return known;
		}

		const ansi = ansiFor(level, source.theme);
		const emoji = this.painter(level);
		const pictures = level >= 2 ? source.pictures?.(level as 2 | 3) : undefined;
		const layout = {showUrls: !ansi.hyperlinks, terminal: screen.terminal, ...(emoji ? {emoji} : {}), ...(pictures ? {pictures} : {})};
		const planned = planScreen({slides: source.slides, nav: screen.nav, size, layout, hint: screen.hint});
		const lines = source.theme?.paint && level > 0 ? onThemeBackground(planned, source.theme, size) : planned;
		const rows = lines.map(line => renderLine(line, ansi));
		const frame: Frame = {key, size, rows};
		this.laidOut++;
		this.keep(frame);
		return frame;
	}

	/** The bytes that turn `before` (on the viewer's screen, or nothing) into `after`. */
	paint(before: Frame | undefined, after: Frame): string {
		if (before?.key === after.key) return '';
		// A theme with a background of its own fills one row more: to or from one, the screen is drawn whole.
		if (!before || before.size.columns !== after.size.columns || before.size.rows !== after.size.rows || before.rows.length !== after.rows.length)
			return wholeScreen(after);
		const key = `${before.key}\n${after.key}`;
		const known = this.transitions.get(key);
		if (known !== undefined) return known;
		let out = '';
		for (let row = 0; row < after.rows.length; row++) {
			const next = after.rows[row]!;
			const previous = before.rows[row] ?? '';
			if (next === previous) continue;
			const change = changedCells(previous, next);
			if (change !== '') out += `\u001B[${row + 1};1H${change}`;
		}

		if (this.transitions.size >= this.transitionLimit) this.transitions.clear();
		this.transitions.set(key, out);
		return out;
	}

	/** Forgets every frame (a new deck). */
	clear(): void {
		this.frames.clear();
		this.transitions.clear();
		this.held = 0;
	}

	get size(): {frames: number; characters: number} {
		return {frames: this.frames.size, characters: this.held};
	}

	private painter(level: ColourLevel): EmojiPainter | undefined {
		if (!this.painters.has(level)) this.painters.set(level, emojiPainterFor(level));
		return this.painters.get(level);
	}

	private keep(frame: Frame): void {
		const cost = frame.rows.reduce((sum, row) => sum + row.length, 0);
		this.frames.set(frame.key, frame);
		this.held += cost;
		while (this.held > this.budget && this.frames.size > 1) {
			const [oldest, dropped] = this.frames.entries().next().value!;
			this.frames.delete(oldest);
			this.held -= dropped.rows.reduce((sum, row) => sum + row.length, 0);
		}
	}
}

/** A whole screen: cleared, then every row in place. */
function wholeScreen(frame: Frame): string {
	let out = '\u001B[0m\u001B[H\u001B[2J';
	for (const [row, text] of frame.rows.entries()) if (text !== '') out += `\u001B[${row + 1};1H${text}`;
	return out;
}
