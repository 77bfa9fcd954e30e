/**
 * Which format a deck is written in, from its text alone.
 *
 * 1. remark.js: an HTML page (`<textarea`), `???` notes lines, a `--` step
 *    line, or remark slide properties (`class:`, `layout:`, `name:`,
 *    `template:`) at the top of the file or of a slide.
 * 2. lectern's shorthand: `#=`, `#todo`, `$$terminal` (or another `$$`
 *    directive), image lines (`@= FILE`, `~@ FILE`, `@ pic.png`) or a `vv [`
 *    caption.
 * 3. Markdown: YAML front matter, mdp's `%title:` header, or a comment
 *    command (`<!-- end_slide -->`, `<!-- pause -->`, `<!-- speaker_note -->`).
 * 4. The shorthand when a line starts with `Note:`; otherwise Markdown.
 *
 * `Note:` comes after the Markdown signs because Markdown decks (reveal-md)
 * write `Note:` sections too; the shorthand's own signs come first.
 */
import type {DeckFormat} from './model.js';
import {fenceTracker} from './formats/blocks.js';
import {splitHeader} from './formats/front-matter.js';

export type {DeckFormat} from './model.js';

const remarkProperty = /^(?:(?:class|name|template)[ \t]*:[ \t]*\S|layout[ \t]*:[ \t]*(?:true|false)[ \t]*$)/;
const slideSeparator = /^---[ \t]*$/;
const anyProperty = /^[\w-]+[ \t]*:[ \t]*\S/;
/** `#=`, `#todo`, a `$$directive`, an image line (`@= FILE`, `~@ FILE`, `@ pic.png`), a caption (`vv [`). */
const shorthandSign = /^(?:#=(?:[ \t]|$)|#todo\b|\$\$[A-Za-z]|(?:@=|~@)[ \t]+\S|@[ \t]+\S+\.[A-Za-z\d]{2,5}[ \t]*$|vv[ \t]+\[)/i;
const markdownComment = /^[ \t]*<!--[ \t]*(?:end_slide|pause|stop|speaker_note\b|notes?\b)/;
const noteLine = /^Note:/;

export function detectFormat(text: string): DeckFormat {
	if (/<textarea\b/i.test(text) || /\bremark\.create\s*\(/.test(text)) return 'remark';
	const lines = text.split('\n').map((line, index) => ({text: line.replace(/\r$/, ''), line: index + 1}));
	const {meta, body} = splitHeader(lines);
	const inFence = fenceTracker();
	let slideTop = true;
	let shorthand = false;
	let markdown = meta !== undefined;
	let notes = false;
	for (const {text: line} of body) {
		if (inFence(line)) {
			markdown = true;
			slideTop = false;
			continue;
		}

		if (/^\?\?\?[ \t]*$/.test(line) || /^--[ \t]*$/.test(line)) return 'remark';
		if (slideSeparator.test(line)) {
			slideTop = true;
			continue;
		}

		if (slideTop && line.trim() !== '') {
			if (remarkProperty.test(line)) return 'remark';
			// remark's properties come in a run of `key: value` lines (`count: false` then `class: ...`).
			slideTop = anyProperty.test(line);
		}

		if (shorthandSign.test(line)) shorthand = true;
		else if (markdownComment.test(line)) markdown = true;
		else if (noteLine.test(line)) notes = true;
	}

	if (shorthand) return 'shorthand';
	if (markdown) return 'markdown';
	return notes ? 'shorthand' : 'markdown';
}
