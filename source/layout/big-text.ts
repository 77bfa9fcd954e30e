/**
 * Big text for titles: the title drawn with a FIGlet font, the largest one in
 * which the whole title fits the box, word-wrapped at spaces (never inside a
 * word), with emoji drawn inline by a painter. Falls back to plain bold text.
 *
 * The fonts and their metrics are in big-fonts.ts and big-font-metrics.ts,
 * the pieces a title is composed of in big-blocks.ts and big-emoji.ts.
 */
import type {Line, Style} from '../frame/frame.js';
import {blankBlock, emitLine, joinBlocks, renderRun, type Block} from './big-blocks.js';
import {emojiBlock, plainEmojiGlyph, type EmojiPainter} from './big-emoji.js';
import {drawable, fontMetrics, inFont} from './big-font-metrics.js';
import {fontChain, type FontSpec} from './big-fonts.js';
import {layoutPlain} from './big-plain.js';
import {toWordLines, type Part, type TitleLine, type Word, type WordLine} from './big-words.js';

/** The title laid out: `lines` are not centered; `width` is the widest line. Rows of one big line all have the same width. */
export type BigTitle = {font: string; lines: Line[]; width: number};

export type BigTitleOptions = {emoji?: EmojiPainter; style?: Style};

/** The name reported when no FIGlet font fits (or the title is empty). */
const plainFontName = 'plain';

/** Big text's style, and a title's drawn as text. */
export const bigTitleStyle: Style = {fg: 'heading', bold: true};

type Laid = {lines: Line[]; width: number};

/** The title in one font, wrapped greedily into big lines; undefined when a word is wider than the box or the lines are taller. */
function layoutWithFont(
	font: FontSpec,
	lines: readonly WordLine[],
	box: {columns: number; rows: number},
	painter: EmojiPainter,
	style: Style,
): Laid | undefined {
	const metrics = fontMetrics(font);
	const core = metrics.core * font.scaleY;
	const desc = metrics.desc * font.scaleY;
	const space = metrics.space * font.scaleX;
	const partGap = font.scaleX;
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
				if (part.text.length > (2 * box.columns) / font.scaleX) return undefined;
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

	// Wrap greedily into big lines of word blocks, giving up as soon as the lines already
	// wrapped cannot fit the box (each is at least `core` rows tall): the work per font is
	// bounded by the box, not by the title (a 100,000-word title tried every font whole).
	const bigLines: Block[][] = [];
	const tooTall = (): boolean => bigLines.length * core + (bigLines.length - 1) * font.minLineGap > maxRows;
	for (const line of lines) {
		if (tooTall()) return undefined;
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
				if (tooTall()) return undefined;
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

/**
 * Lays out a title in the most legible font in which all of it fits the box
 * (`fontChain`: ANSI Regular 3x, 2x and double width, ANSI Shadow, ANSI
 * Regular, Small Block, Standard, Small), then plain bold text.
 * A font is skipped when it lacks a character of the title or a word is wider
 * than the box; words are never broken (except in plain text, when a single
 * word is wider than the box).
 */
export function layoutBigTitle(title: readonly TitleLine[], box: {columns: number; rows: number}, options: BigTitleOptions = {}): BigTitle {
	const style = options.style ?? bigTitleStyle;
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
		if (metrics.core * font.scaleY > Math.min(rows, font.maxRows ?? rows)) continue;
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
