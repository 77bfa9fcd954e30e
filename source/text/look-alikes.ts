/**
 * Look-alike characters that decks use as visible ASCII (`⎽⎽init⎽⎽.py`: an
 * underscore Markdown cannot eat) and that the usual terminal fonts do not
 * have: DejaVu Sans Mono (most Linux terminals), Liberation Mono and Noto
 * Sans Mono draw them as an empty box. In terminal windows, where a command
 * or a file name must read right, each is drawn as the ASCII character it
 * stands for. The table is documented in the readme; `check` names the ones a
 * deck uses.
 */

export type LookAlike = {
	/** The ASCII character drawn instead. */
	readonly ascii: string;
	/** The Unicode name, for `check`. */
	readonly name: string;
};

export const lookAlikes: ReadonlyMap<string, LookAlike> = new Map([
	['\u23BA', {ascii: '-', name: 'HORIZONTAL SCAN LINE-1'}],
	['\u23BB', {ascii: '-', name: 'HORIZONTAL SCAN LINE-3'}],
	['\u23BC', {ascii: '-', name: 'HORIZONTAL SCAN LINE-7'}],
	['\u23BD', {ascii: '_', name: 'HORIZONTAL SCAN LINE-9'}],
	['\u23B5', {ascii: '_', name: 'BOTTOM SQUARE BRACKET'}],
	['\uFF3F', {ascii: '_', name: 'FULLWIDTH LOW LINE'}],
	['\uFE4D', {ascii: '_', name: 'DASHED LOW LINE'}],
	['\uFE4E', {ascii: '_', name: 'CENTRELINE LOW LINE'}],
	['\uFE4F', {ascii: '_', name: 'WAVY LOW LINE'}],
	['\u2043', {ascii: '-', name: 'HYPHEN BULLET'}],
	['\uFE58', {ascii: '-', name: 'SMALL EM DASH'}],
	['\u2044', {ascii: '/', name: 'FRACTION SLASH'}],
	['\u29F8', {ascii: '/', name: 'BIG SOLIDUS'}],
	['\uFF0F', {ascii: '/', name: 'FULLWIDTH SOLIDUS'}],
	['\u2024', {ascii: '.', name: 'ONE DOT LEADER'}],
	['\uFF0E', {ascii: '.', name: 'FULLWIDTH FULL STOP'}],
]);

const anyLookAlike = new RegExp(`[${[...lookAlikes.keys()].join('')}]`, 'gu');

/** The text with every look-alike drawn as its ASCII meaning. */
export function asciiLookAlikes(text: string): string {
	return text.replace(anyLookAlike, character => lookAlikes.get(character)?.ascii ?? character);
}

/** The look-alikes in `text`, each once, in order of appearance. */
export function lookAlikesIn(text: string): string[] {
	return [...new Set(text.match(anyLookAlike) ?? [])];
}
