/**
 * The slide separators of the rest of a remark deck, found without the lexer
 * where its text is plain: nothing in it can make a slide separator of
 * something else, hide one, drop a slide or make it a layout. No fence
 * (```` ``` ````, `~~~`), content class (`.class[`, `\.class[`), macro
 * (`![:`), link definition (`]:`), comment (`<!-- break -->`, a property in
 * a comment), inline code that ends where a separator would start
 * (`` `-- ``), and no `layout` or `exclude` property. The lexer's
 * separators there are exactly the lines `---` and `--`: inline code ends
 * on its line or the next (that line has its closing `` ` ``, so it is no
 * separator), indented code ends before a line at the left edge, `???`
 * takes its own line only, and a separator line is one wherever the lexer
 * reaches its start (after a line end or a token that ends there). A remark
 * deck of 10,000 plain slides is scanned so in a few milliseconds, where the
 * lexer (run once, before the engine optimises it) takes some tens. Pure.
 */

/**
 * A `layout` or `exclude` key among the properties at the top of a slide
 * (parser.ts): `key: value` lines after blank lines, each value to its line
 * end (or a `$`, where the properties end). Sticky: at the top of the slide
 * the walk stopped in; in `plainScan`, after each separator.
 */
const countingProperties = /(?:\n*[-\w]+:[^$\n]*(?![^$\n]))*?\n*(?:layout|exclude):/y;

/** What makes a text not plain but those properties (a run of class names is looked at from its first `.` only, see source-tables.ts `ruleStart`). */
const notPlain = /```|~~~|!\[:|\]:|<!--|`--|(?<!\.[A-Za-z_-][\w-]*)\.[A-Za-z_-][\w-]*(?:\.[A-Za-z_-][\w-]*)*\[/;

/**
 * What makes a text not plain, or a separator line after a line end (`---`
 * or `--`, then a line end or the end of the text): one search finds both.
 */
const plainScan = new RegExp(`${notPlain.source}|\\n(?:---|--)${countingProperties.source}|\\n(?:---|--)(?=\\n|$)`, 'g');

/** The separators found: where each one's line starts, whether it is a `--` step. */
export type PlainSeparators = {readonly lines: number[]; readonly continued: boolean[]};

/**
 * The slide separators of the text from `from` (the end of a token, as where
 * a walk of the lexer stopped), in order; undefined when that text is not
 * plain.
 */
export function plainSeparators(text: string, from: number): PlainSeparators | undefined {
	countingProperties.lastIndex = from;
	if (countingProperties.test(text)) return undefined;
	const found: PlainSeparators = {lines: [], continued: []};
	// At the end of a token a separator line may start right there; after a line end the search finds it.
	const first = from > 0 && text.charCodeAt(from - 1) === 0x0a ? 0 : dashesAt(text, from);
	if (first > 0) {
		found.lines.push(from);
		found.continued.push(first === 2);
	}

	plainScan.lastIndex = first > 0 ? from + first : from > 0 && text.charCodeAt(from - 1) === 0x0a ? from - 1 : from;
	while (plainScan.test(text)) {
		const end = plainScan.lastIndex;
		const dashes = text.charCodeAt(end - 3) === 0x0a ? 2 : text.charCodeAt(end - 4) === 0x0a && text.charCodeAt(end - 3) === 0x2d ? 3 : 0;
		// Anything else found makes the text not plain.
		if (dashes === 0 || text.charCodeAt(end - 1) !== 0x2d) return undefined;
		found.lines.push(end - dashes);
		found.continued.push(dashes === 2);
	}

	return found;
}

/** The dashes of a separator line starting at `at` (3 or 2), or 0. */
function dashesAt(text: string, at: number): number {
	if (text.charCodeAt(at) !== 0x2d || text.charCodeAt(at + 1) !== 0x2d) return 0;
	const after = text.charCodeAt(at + 2);
	if (Number.isNaN(after) || after === 0x0a) return 2;
	if (after !== 0x2d) return 0;
	const end = text.charCodeAt(at + 3);
	return Number.isNaN(end) || end === 0x0a ? 3 : 0;
}
