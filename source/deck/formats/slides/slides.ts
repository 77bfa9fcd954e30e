/**
 * maaslalani/slides decks: every line `---` separates slides, even right
 * under a paragraph (slides cuts the raw text; lectern keeps fenced code
 * whole, where slides would cut it too). The first part is front matter
 * when it is YAML (`theme`, `author`, `date`, `paging`). Soft line breaks
 * are spaces.
 */
import {fenceTracker, trimBlankLines, type Line} from '../blocks.js';
import {splitFrontMatter} from '../front-matter.js';
import {notesParagraph, type Dialect, type Settings} from '../markdown/dialect.js';
import {commandMarker} from '../markdown/split.js';

const separator = /^---[ \t]*$/;

export const slides: Dialect<Settings> = {
	format: 'slides',
	header: splitFrontMatter,
	settings: () => ({softBreak: 'space', incrementalLists: false}),
	cutLines: lines => cutAt(lines, text => separator.test(text)),
	split: (nodes, _settings, source) => [{nodes, line: source.lineOf(1)}],
	marker: (node, source) => notesParagraph(node, source, 'both') ?? commandMarker(node, {pauses: ['pause'], notes: ['speaker_note', 'notes', 'note']}),
	separator: text => separator.test(text),
};

/**
 * Cuts lines at separator lines outside fenced code. A separator at the very
 * start or end makes no slide; two in a row make a blank one.
 */
export function cutAt(lines: readonly Line[], separates: (text: string, previous: string | undefined) => boolean): Line[][] {
	const chunks: Line[][] = [[]];
	const inFence = fenceTracker();
	let previous: string | undefined;
	for (const line of lines) {
		// A cut keeps its place as a blank line: an empty slide between two cuts has a line.
		if (!inFence(line.text) && separates(line.text, previous)) chunks.push([{text: '', line: line.line}]);
		else chunks.at(-1)!.push(line);
		previous = line.text;
	}

	if (chunks.length > 1 && trimBlankLines(chunks[0]!).length === 0) chunks.shift();
	if (chunks.length > 1 && trimBlankLines(chunks.at(-1)!).length === 0) chunks.pop();
	return chunks;
}
