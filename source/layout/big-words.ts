/**
 * A title's lines as words of parts (text, non-breaking spaces, emoji): big
 * text breaks lines only between words. Invisible characters are dropped.
 */

export type TitlePiece = {type: 'text'; text: string} | {type: 'emoji'; cluster: string};
/** One forced line of the title (a `<br>` separates forced lines); words are split at spaces here. */
export type TitleLine = readonly TitlePiece[];

export type Part = {kind: 'text'; text: string} | {kind: 'nbsp'; count: number} | {kind: 'emoji'; cluster: string};
export type Word = readonly Part[];
/** A forced line: its words. An empty one (inside the title) is a blank line. */
export type WordLine = readonly Word[];

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

export function toWordLines(title: readonly TitleLine[]): WordLine[] {
	const lines = title.map(line => toWords(line));
	while (lines.length > 0 && lines[0]!.length === 0) lines.shift();
	while (lines.length > 0 && lines.at(-1)!.length === 0) lines.pop();
	return lines;
}
