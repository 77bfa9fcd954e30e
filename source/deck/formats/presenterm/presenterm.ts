/**
 * presenterm decks, as presenterm reads them: slides end at
 * `<!-- end_slide -->` (and at `---` rules with `end_slide_shorthand`); with
 * `implicit_slide_ends` a setext heading (`Title` over `===` or `---`, the
 * slide title) starts a slide, and with `h1_slide_titles` a `#` heading too.
 * `<!-- pause -->` makes steps, `<!-- speaker_note: ... -->` notes,
 * `incremental_lists` shows lists item by item; layout commands
 * (`column_layout`, `jump_to_middle`, ...) are read and the content they
 * place is shown in order. A `---` rule that does not end a slide is a rule
 * (not drawn). Soft line breaks are spaces. The front matter's `title`,
 * `sub_title`, `author(s)`, `event`, `location` and `date` make the
 * introduction slide.
 */
import {setting, splitFrontMatter} from '../front-matter.js';
import {notesParagraph, type Dialect, type Settings} from '../markdown/dialect.js';
import {commandMarker, isEndSlide, isRuleLine, splitAt, splitBefore} from '../markdown/split.js';
import type {MdNode} from '../markdown/tree.js';

export type PresentermSettings = Settings & {
	readonly implicitSlideEnds: boolean;
	readonly endSlideShorthand: boolean;
	readonly h1SlideTitles: boolean;
};

const option = (data: Readonly<Record<string, unknown>> | undefined, name: string) => setting(data, 'options', name) === true;

export const presenterm: Dialect<PresentermSettings> = {
	format: 'presenterm',
	header: splitFrontMatter,
	settings: front => ({
		softBreak: 'space',
		incrementalLists: option(front?.data, 'incremental_lists'),
		pausesAroundLists: true,
		implicitSlideEnds: option(front?.data, 'implicit_slide_ends'),
		endSlideShorthand: option(front?.data, 'end_slide_shorthand'),
		h1SlideTitles: option(front?.data, 'h1_slide_titles'),
	}),
	split(nodes, settings, source) {
		const ends = (node: MdNode) => isEndSlide(node) || (settings.endSlideShorthand && node.type === 'thematicBreak');
		const slides = splitAt(nodes, ends, source);
		if (!settings.implicitSlideEnds) return slides;
		const title = (node: MdNode) => node.type === 'heading' && (node.setext || (settings.h1SlideTitles && node.depth === 1));
		return slides.flatMap(slide => splitBefore(slide.nodes, title, source).map((part, index) => (index === 0 ? {...part, line: slide.line} : part)));
	},
	marker: (node, source) => notesParagraph(node, source, 'question-marks') ?? commandMarker(node, {pauses: ['pause'], notes: ['speaker_note']}),
	separator: text => /<!--\s*end_slide\s*-->/.test(text) || isRuleLine(text),
};
