/**
 * Plain Markdown decks (no tool's own signs): slides at
 * `<!-- end_slide -->` when the deck has it, else at thematic breaks (`---`
 * after a blank line, `***`), else at headings (lookatme's smart splitting).
 * Every source line of a paragraph is a line on the slide. The notes and
 * pause comments of presenterm and lookatme work, and so do `???` and a
 * trailing `Note:` section.
 */
import type {Dialect, Settings} from './dialect.js';
import {notesParagraph} from './dialect.js';
import {splitFrontMatter} from '../front-matter.js';
import {commandMarker, isEndSlide, isRuleLine, smartSplit, splitAt} from './split.js';

export const plainMarkdown: Dialect<Settings> = {
	format: 'markdown',
	header: splitFrontMatter,
	settings: () => ({softBreak: 'line', incrementalLists: false}),
	split(nodes, _settings, source) {
		if (nodes.some(node => isEndSlide(node))) return splitAt(nodes, node => isEndSlide(node), source);
		if (nodes.some(node => node.type === 'thematicBreak')) return splitAt(nodes, node => node.type === 'thematicBreak', source);
		return smartSplit(nodes, source);
	},
	marker: (node, source) => notesParagraph(node, source, 'both') ?? commandMarker(node, {pauses: ['pause', 'stop'], notes: ['speaker_note', 'notes', 'note']}),
	separator: text => isRuleLine(text) || /<!--\s*end_slide\s*-->/.test(text),
};
