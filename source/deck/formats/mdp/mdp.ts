/**
 * mdp decks, as mdp reads them: the `%title:`, `%author:`, `%date:` lines at
 * the top are the header; a rule (`---`, `***`, `- - -`, at least three, with
 * spaces and nothing else) after an empty line starts a new slide (right
 * under text it underlines a heading); `-> text <-` is centred (lectern
 * centres every text slide: the marks are dropped); a line `^` or `<br>`
 * stops the slide there (a step). Every source line is a line.
 */
import type {Line} from '../blocks.js';
import {splitMdpHeader} from '../front-matter.js';
import {notesParagraph, type Dialect, type Settings} from '../markdown/dialect.js';
import {commandMarker} from '../markdown/split.js';
import {cutAt} from '../slides/slides.js';

const rule = /^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,})$/;
const stop = /^[ \t]{0,3}(?:\^|<br>|<BR>)/;
const centred = /^([ \t]*)->[ \t](.*?)(?:[ \t]<-)?[ \t]*$/;

export const mdp: Dialect<Settings> = {
	format: 'mdp',
	header: splitMdpHeader,
	settings: () => ({softBreak: 'line', incrementalLists: false}),
	prepare: lines => lines.map(line => prepareLine(line)),
	cutLines: lines => cutAt(lines, (text, previous) => rule.test(text) && (previous === undefined || previous.trim() === '')),
	split: (nodes, _settings, source) => [{nodes, line: source.lineOf(1)}],
	marker: (node, source) => notesParagraph(node, source, 'both') ?? commandMarker(node, {pauses: ['pause'], notes: []}),
	separator: text => rule.test(text),
};

/** A stop line as a pause comment; a centred line without its marks. */
function prepareLine(line: Line): Line {
	if (stop.test(line.text)) return {text: '<!-- pause -->', line: line.line};
	const centre = centred.exec(line.text);
	return centre ? {text: centre[1]! + centre[2]!, line: line.line} : line;
}
