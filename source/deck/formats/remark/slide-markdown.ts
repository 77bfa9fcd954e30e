/**
 * The Markdown of one remark slide, made to read in markdown-it as marked
 * (remark's Markdown, in its `pedantic` mode) and the browser read it:
 *
 * - `#Title` is a heading;
 * - a code fence that is not closed in the slide is text (marked's fences
 *   need their closing line);
 * - an HTML comment that is never closed hides the rest of the slide, as in
 *   the browser, and is reported.
 */
import type {Diagnostic} from '../../model.js';
import type {Line} from '../blocks.js';

const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const tightHeading = /^( {0,3})(#{1,6})(?=[^#\s])/;

export function slideMarkdown(lines: readonly Line[], diagnostics: Diagnostic[]): Line[] {
	const out: Line[] = [];
	const lastClose = lines.findLastIndex(each => each.text.includes('-->'));
	let inPre = false;
	for (let index = 0; index < lines.length; index++) {
		const {text, line} = lines[index]!;
		// Inside `<pre>`, the browser shows the text as it is: no fences there.
		const pre: boolean = inPre || /<pre\b/i.test(text);
		inPre = pre && !/<\/pre\s*>/i.test(text);
		const fence = pre ? null : fenceOpen.exec(text);
		if (fence && !(fence[2]!.startsWith('`') && fence[3]!.includes('`'))) {
			const close = closingLine(lines, index + 1, fence[2]!);
			if (close === -1) {
				diagnostics.push({
					severity: 'warning',
					line,
					code: 'unclosed-fence',
					message: `the code fence "${fence[2]}" is not closed in its slide; it shows as text (as in remark.js)`,
				});
				// An entity for the first mark: text in a paragraph and in HTML alike.
				out.push({text: `${fence[1]}${fence[2]![0] === '`' ? '&#96;' : '&#126;'}${text.slice(fence[1]!.length + 1)}`, line});
				continue;
			}

			for (let at = index; at <= close; at++) out.push(lines[at]!);
			index = close;
			continue;
		}

		const comment = index >= lastClose ? unclosedComment(text) : -1;
		if (comment !== -1) {
			diagnostics.push({
				severity: 'warning',
				line,
				code: 'unclosed-comment',
				message: 'an HTML comment "<!--" is never closed: it hides the rest of the slide (as in a browser)',
			});
			out.push({text: text.slice(0, comment), line});
			break;
		}

		out.push(tightHeading.test(text) ? {text: text.replace(tightHeading, '$1$2 '), line} : lines[index]!);
	}

	return out;
}

/** The index of the line that closes a fence opened with `fence`, or -1. */
function closingLine(lines: readonly Line[], from: number, fence: string): number {
	const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
	for (let index = from; index < lines.length; index++) if (close.test(lines[index]!.text)) return index;
	return -1;
}

/** Where on a line (after which nothing closes a comment) a comment starts that is not closed, or -1. */
function unclosedComment(text: string): number {
	const open = text.lastIndexOf('<!--');
	if (open === -1 || text.includes('-->', open + 4)) return -1;
	// An opening inside a code span is code.
	const ticks = (text.slice(0, open).match(/`/g) ?? []).length;
	return ticks % 2 === 1 ? -1 : open;
}
