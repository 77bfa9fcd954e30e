/**
 * The fallback when no big font fits: the title in plain (bold) text,
 * word-wrapped, a word wider than the box broken between grapheme clusters,
 * and cut with an ellipsis when it has more lines than the box.
 */
import type {Line, Style} from '../frame/frame.js';
import {cellWidth} from '../text/cell-width.js';
import {graphemes} from '../text/graphemes.js';
import {emitLine} from './big-blocks.js';
import type {Word, WordLine} from './big-words.js';
import {append, largest} from '../frame/lists.js';

type Atom = {text: string; width: number; style?: Style};

export function layoutPlain(lines: readonly WordLine[], box: {columns: number; rows: number}, style: Style): {lines: Line[]; width: number} {
	const columns = box.columns;
	const rows: Atom[][] = [];
	const atomsOf = (word: Word): Atom[] =>
		word.flatMap((part): Atom[] => {
			if (part.kind === 'nbsp') return [{text: ' '.repeat(part.count), width: part.count}];
			if (part.kind === 'emoji') return [{text: part.cluster, width: cellWidth(part.cluster)}];
			return graphemes(part.text).map(text => ({text, width: cellWidth(text)}));
		});

	// Rows past the box are cut anyway: wrapping stops one row after it is full.
	for (const line of lines) {
		if (rows.length > box.rows) break;
		let current: Atom[] = [];
		let width = 0;
		const push = () => {
			rows.push(current);
			current = [];
			width = 0;
		};

		for (const word of line) {
			if (rows.length > box.rows) break;
			const atoms = atomsOf(word).filter(atom => atom.width <= columns);
			const wordWidth = atoms.reduce((sum, atom) => sum + atom.width, 0);
			if (atoms.length === 0) continue;
			const gap = current.length > 0 ? 1 : 0;
			if (width + gap + wordWidth <= columns) {
				if (gap > 0) current.push({text: ' ', width: 1});
				append(current, atoms);
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

	const out = rows.map(atoms =>
		emitLine(
			atoms.map(atom => ({text: atom.text})),
			style,
		),
	);
	const widths = rows.map(atoms => atoms.reduce((sum, atom) => sum + atom.width, 0));
	return {lines: out, width: largest(widths, 0)};
}
