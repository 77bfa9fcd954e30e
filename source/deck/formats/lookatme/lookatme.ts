/**
 * lookatme decks, as lookatme reads them: slides at thematic breaks (`---`,
 * `***`, `___`), or, in a deck without any, at headings (smart splitting:
 * a first heading whose level occurs once is the deck's title and stays on
 * the first slide; slides start at the highest level of the others).
 * `<!-- stop -->` makes steps. Soft line breaks are spaces. The front
 * matter's `title`, `author` and `date` make a title slide.
 */
import {splitFrontMatter} from '../front-matter.js';
import {notesParagraph, type Dialect, type Settings} from '../markdown/dialect.js';
import {commandMarker, isRuleLine, smartSplit, splitAt} from '../markdown/split.js';

export const lookatme: Dialect<Settings> = {
	format: 'lookatme',
	header: splitFrontMatter,
	settings: () => ({softBreak: 'space', incrementalLists: false}),
	split: (nodes, _settings, source) =>
		nodes.some(node => node.type === 'thematicBreak') ? splitAt(nodes, node => node.type === 'thematicBreak', source) : smartSplit(nodes, source),
	marker: (node, source) => notesParagraph(node, source, 'both') ?? commandMarker(node, {pauses: ['stop', 'pause'], notes: ['speaker_note', 'notes', 'note']}),
	separator: isRuleLine,
};
