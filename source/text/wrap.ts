/**
 * Measuring, wrapping, clipping and aligning lines of styled segments. Widths
 * are terminal cells (string-width), so emoji and CJK align.
 */
import {cellWidth} from './cell-width.js';
import {graphemes} from './graphemes.js';
import type {Line, Segment, Style} from '../frame/frame.js';
import {mergeSegments} from './segments.js';
import {append} from '../frame/lists.js';

export function lineWidth(line: Line): number {
	let width = 0;
	for (const segment of line) width += cellWidth(segment.text);
	return width;
}

/** Cuts a line to at most `width` cells, never splitting a grapheme cluster. */
export function clipLine(line: Line, width: number): Line {
	const out: Segment[] = [];
	let used = 0;
	for (const segment of line) {
		const segmentWidth = cellWidth(segment.text);
		if (used + segmentWidth <= width) {
			out.push(segment);
			used += segmentWidth;
			continue;
		}

		let text = '';
		for (const cluster of graphemes(segment.text)) {
			const clusterWidth = cellWidth(cluster);
			if (used + clusterWidth > width) break;
			text += cluster;
			used += clusterWidth;
		}

		if (text !== '') out.push({text, style: segment.style});
		break;
	}

	return out;
}

export function spaces(count: number, style?: Style): Segment {
	return style ? {text: ' '.repeat(Math.max(0, count)), style} : {text: ' '.repeat(Math.max(0, count))};
}

/** Places a line in `width` cells: clipped if too wide, padded to align. */
export function alignLine(line: Line, width: number, align: 'left' | 'center' | 'right' = 'left'): Line {
	const clipped = clipLine(line, width);
	const free = width - lineWidth(clipped);
	if (align === 'left' || free <= 0) return clipped;
	const left = align === 'center' ? Math.floor(free / 2) : free;
	return [spaces(left), ...clipped];
}

/** Pads a line with spaces to exactly `width` cells (clipping it first). */
export function padLine(line: Line, width: number, style?: Style): Line {
	const clipped = clipLine(line, width);
	const free = width - lineWidth(clipped);
	return free > 0 ? [...clipped, spaces(free, style)] : clipped;
}

type Word = {segments: Segment[]; width: number; space: Segment | undefined};

/**
 * Word-wraps one logical line to `width` cells. Breaks at spaces; a word wider
 * than the line is broken between grapheme clusters. Always returns at least
 * one line; a line never exceeds `width`.
 */
export function wrapLine(line: Line, width: number): Line[] {
	if (width <= 0) return [[]];
	const words = splitWords(line);
	const lines: Segment[][] = [[]];
	let used = 0;
	for (const word of words) {
		const current = lines.at(-1)!;
		if (used > 0 && used + word.width > width) {
			lines.push([]);
			used = 0;
		}

		if (word.width > width) {
			for (const piece of breakWord(word.segments, width, width - used)) {
				if (used > 0 && used + piece.width > width) {
					lines.push([]);
					used = 0;
				}

				append(lines.at(-1)!, piece.segments);
				used += piece.width;
			}
		} else {
			append(used === 0 ? lines.at(-1)! : current, word.segments);
			used += word.width;
		}

		if (word.space && used + 1 <= width) {
			lines.at(-1)!.push(word.space);
			used += 1;
		} else if (word.space) {
			lines.push([]);
			used = 0;
		}
	}

	return lines.map(wrapped => mergeSegments(trimEnd(wrapped)));
}

function splitWords(line: Line): Word[] {
	const words: Word[] = [];
	let current: Word = {segments: [], width: 0, space: undefined};
	for (const segment of line) {
		const parts = segment.text.split(/( )/);
		for (const part of parts) {
			if (part === '') continue;
			if (part === ' ') {
				current.space = {text: ' ', style: segment.style};
				words.push(current);
				current = {segments: [], width: 0, space: undefined};
				continue;
			}

			current.segments.push({text: part, style: segment.style});
			current.width += cellWidth(part);
		}
	}

	if (current.segments.length > 0) words.push(current);
	return words;
}

function breakWord(segments: readonly Segment[], width: number, firstWidth: number): Array<{segments: Segment[]; width: number}> {
	const pieces: Array<{segments: Segment[]; width: number}> = [{segments: [], width: 0}];
	let limit = firstWidth > 0 ? firstWidth : width;
	for (const segment of segments) {
		for (const cluster of graphemes(segment.text)) {
			const clusterWidth = cellWidth(cluster);
			let piece = pieces.at(-1)!;
			if (piece.width + clusterWidth > limit && piece.width > 0) {
				piece = {segments: [], width: 0};
				pieces.push(piece);
				limit = width;
			}

			piece.segments.push({text: cluster, style: segment.style});
			piece.width += clusterWidth;
		}
	}

	return pieces.filter(piece => piece.width > 0).map(piece => ({segments: mergeSegments(piece.segments), width: piece.width}));
}

function trimEnd(line: Segment[]): Segment[] {
	const out = [...line];
	while (out.length > 0) {
		const last = out.at(-1)!;
		const trimmed = last.text.replace(/ +$/, '');
		if (trimmed === last.text) break;
		if (trimmed === '') out.pop();
		else out[out.length - 1] = {text: trimmed, style: last.style};
		if (trimmed !== '') break;
	}

	return out;
}

/** Whether a style shows on a space (a background, inverse video, an underline or a strike, or a picture over it). */
function visibleOnSpace(style: Style | undefined): boolean {
	return Boolean(style?.bg || style?.inverse || style?.underline || style?.strike || style?.graphic);
}

/**
 * The line without trailing spaces that show nothing. Spaces with a background,
 * inverse video, underline or strike show, unless `plain` output drops styles.
 */
export function trimLineEnd(line: Line, plain = false): Line {
	const out = [...line];
	while (out.length > 0) {
		const last = out.at(-1)!;
		if (!plain && visibleOnSpace(last.style)) break;
		const trimmed = last.text.replace(/\s+$/u, '');
		if (trimmed === '') {
			out.pop();
			continue;
		}

		out[out.length - 1] = {text: trimmed, ...(last.style ? {style: last.style} : {})};
		break;
	}

	return out;
}

/**
 * Wraps the way a terminal does: at the last column, whatever the character,
 * never splitting a grapheme cluster. Always at least one line.
 */
export function hardWrap(line: Line, width: number): Line[] {
	if (width <= 0) return [[]];
	const lines: Segment[][] = [[]];
	let used = 0;
	for (const segment of line) {
		if (used + cellWidth(segment.text) <= width) {
			lines.at(-1)!.push(segment);
			used += cellWidth(segment.text);
			continue;
		}

		let text = '';
		for (const cluster of graphemes(segment.text)) {
			const clusterWidth = cellWidth(cluster);
			if (used + clusterWidth > width) {
				if (text !== '') lines.at(-1)!.push({text, ...(segment.style ? {style: segment.style} : {})});
				lines.push([]);
				text = '';
				used = 0;
			}

			text += cluster;
			used += clusterWidth;
		}

		if (text !== '') lines.at(-1)!.push({text, ...(segment.style ? {style: segment.style} : {})});
	}

	return lines;
}
