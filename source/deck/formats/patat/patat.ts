/**
 * patat (pandoc) decks, as patat reads them: slides at thematic breaks when
 * the deck has any; otherwise at headings of the slide level (the highest
 * level followed directly by content, or `patat.slideLevel`), a heading
 * above that level making a title slide of its own. `. . .` makes steps;
 * HTML comments are speaker notes (`<!--config: -->` excepted); the header
 * is YAML front matter or pandoc's `%` title block; `patat.incrementalLists`
 * shows lists item by item; pandoc's tables show as written. Every source
 * line is a line (unless `patat.wrap`). Empty slides are dropped.
 */
import {setting, splitFrontMatter, splitPandocTitle, type FrontMatter} from '../front-matter.js';
import {commentText} from '../markdown/comments.js';
import {notesParagraph, type Dialect, type Settings} from '../markdown/dialect.js';
import {isRuleLine, slideLevel, splitAt, splitAtLevel} from '../markdown/split.js';
import type {Line} from '../blocks.js';
import type {Diagnostic} from '../../model.js';
import {indentTables} from './tables.js';

export type PatatSettings = Settings & {readonly slideLevel?: number};

const pauseParagraph = /^\.[ \t]\.[ \t]\.[ \t]*$/;

export const patat: Dialect<PatatSettings> = {
	format: 'patat',
	header: (lines: readonly Line[], diagnostics: Diagnostic[]) =>
		lines[0]?.text.startsWith('%') ? splitPandocTitle(lines) : splitFrontMatter(lines, diagnostics),
	settings: (front: FrontMatter | undefined) => {
		const level = setting(front?.data, 'patat', 'slideLevel');
		const wrap = setting(front?.data, 'patat', 'wrap');
		return {
			softBreak: wrap === true || typeof wrap === 'number' ? 'space' : 'line',
			incrementalLists: setting(front?.data, 'patat', 'incrementalLists') === true,
			quotedListsFlip: true,
			...(typeof level === 'number' && level >= 1 && level <= 6 ? {slideLevel: level} : {}),
		};
	},
	prepare: lines => indentTables(lines),
	split: (nodes, settings, source) =>
		nodes.some(node => node.type === 'thematicBreak')
			? splitAt(nodes, node => node.type === 'thematicBreak', source)
			: splitAtLevel(nodes, settings.slideLevel ?? slideLevel(nodes), source),
	marker(node, source) {
		if (node.type === 'paragraph' && node.end - node.line === 1 && pauseParagraph.test(source.text(node.line))) return {kind: 'pause'};
		if (node.type === 'html') {
			const text = commentText(node.value);
			if (text === undefined) return undefined;
			return text.startsWith('config:') ? {kind: 'hidden'} : {kind: 'notes', text: text.trim()};
		}

		return notesParagraph(node, source, 'question-marks');
	},
	dropEmpty: true,
	separator: isRuleLine,
};
