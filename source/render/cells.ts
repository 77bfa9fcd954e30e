/**
 * A line of a frame as runs of terminal cells, for renderers that place text
 * themselves (HTML, PDF): each run says at which column it starts and how many
 * cells it takes, so a font's own widths never move anything.
 *
 * - `text`: clusters one cell wide each (the common case), drawn as text;
 * - `cluster`: one grapheme cluster of its own width (an emoji, CJK, a
 *   combining sequence), which a renderer centres in its cells;
 * - `blocks`: block elements (`█ ▀ ▄ ▌ ▐` and the quadrants), which are
 *   pixels: each cell is split in 2 x 2 quarters, `mask` says which show the
 *   text colour (the rest shows the background, if any);
 * - `graphic`: cells a picture covers (see `Graphic` in frame.ts).
 */
import {graphemes} from '../text/graphemes.js';
import {cellWidth, oneCellCode} from '../text/cell-width.js';
import type {Graphic, Line, Style} from '../frame/frame.js';

export type CellRun =
	| {readonly kind: 'text'; readonly column: number; readonly width: number; readonly text: string; readonly style?: Style}
	| {readonly kind: 'cluster'; readonly column: number; readonly width: number; readonly text: string; readonly style?: Style}
	| {readonly kind: 'blocks'; readonly column: number; readonly width: number; readonly masks: readonly number[]; readonly style?: Style}
	| {readonly kind: 'graphic'; readonly column: number; readonly width: number; readonly graphic: Graphic; readonly style?: Style};

/** Quarters of a cell as bits: top left 8, top right 4, bottom left 2, bottom right 1. */
const blockMasks: ReadonlyMap<string, number> = new Map([
	['█', 0b1111],
	['▀', 0b1100],
	['▄', 0b0011],
	['▌', 0b1010],
	['▐', 0b0101],
	['▖', 0b0010],
	['▗', 0b0001],
	['▘', 0b1000],
	['▝', 0b0100],
	['▙', 0b1011],
	['▚', 0b1001],
	['▛', 0b1110],
	['▜', 0b1101],
	['▞', 0b0110],
	['▟', 0b0111],
]);

/**
 * Scan lines (`⎺ ⎻ ⎼ ⎽`, U+23BA-U+23BD): horizontal lines at the 1st, 3rd,
 * 7th or 9th of nine heights of the cell. Few fonts have them (DejaVu Sans
 * Mono does not), so renderers draw them, as terminals do, from this level.
 */
export function scanLineLevel(cluster: string): 1 | 3 | 7 | 9 | undefined {
	switch (cluster) {
		case '⎺': {
			return 1;
		}

		case '⎻': {
			return 3;
		}

		case '⎼': {
			return 7;
		}

		case '⎽': {
			return 9;
		}

		default: {
			return undefined;
		}
	}
}

/** Where a scan line of `level` is, as fractions of the cell's height from its top. */
export function scanLineBand(level: number): {readonly top: number; readonly bottom: number} {
	const centre = (level - 0.5) / 9;
	const half = 1 / 28;
	return {top: Math.max(0, centre - half), bottom: Math.min(1, centre + half)};
}

/** The runs of a line, left to right; cells past the last run are empty. */
export function lineRuns(line: Line): CellRun[] {
	const runs: CellRun[] = [];
	let column = 0;
	for (const segment of line) {
		const style = segment.style;
		if (style?.graphic) {
			const width = cellWidth(segment.text);
			runs.push({kind: 'graphic', column, width, graphic: style.graphic, style});
			column += width;
			continue;
		}

		let text = '';
		let masks: number[] = [];
		const flush = () => {
			if (text !== '') runs.push({kind: 'text', column: column - text.length, width: text.length, text, ...(style ? {style} : {})});
			if (masks.length > 0) runs.push({kind: 'blocks', column: column - masks.length, width: masks.length, masks, ...(style ? {style} : {})});
			text = '';
			masks = [];
		};

		for (const cluster of simpleText(segment.text) ? segment.text : graphemes(segment.text)) {
			const mask = blockMasks.get(cluster);
			if (mask !== undefined) {
				if (text !== '') flush();
				masks.push(mask);
				column++;
				continue;
			}

			if (masks.length > 0) flush();
			if (cluster.length === 1 && oneCellCode(cluster.charCodeAt(0))) {
				text += cluster;
				column++;
				continue;
			}

			flush();
			const width = cellWidth(cluster);
			if (width > 0) runs.push({kind: 'cluster', column, width, text: cluster, ...(style ? {style} : {})});
			column += width;
		}

		flush();
	}

	return runs;
}

/** Text whose every code unit is one cell and one cluster (iterated by code unit). */
function simpleText(text: string): boolean {
	for (let index = 0; index < text.length; index++) if (!oneCellCode(text.charCodeAt(index))) return false;
	return true;
}
