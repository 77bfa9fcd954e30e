/**
 * remark.js's parser (gnab/remark `src/remark/parser.js`): the lexer's tokens
 * grouped into slides. `---` starts a slide, `--` a slide that continues the
 * one before it, `???` the notes of the slide; `.class[...]` makes a content
 * class; link definitions are gathered for the whole deck; properties
 * (`name: value` lines at the very top of a slide, and `<!-- name: value -->`
 * comments anywhere before its first content class) come off the content;
 * `exclude: true` slides are dropped.
 */
import type {LexToken} from './lexer.js';
import {at, concat, join, newlines, slice, type LineIndex, type Sourced} from './sourced.js';
import {append} from '../../../frame/lists.js';

export type Item =
	| {readonly kind: 'text'; readonly value: Sourced}
	| {readonly kind: 'class'; readonly classes: readonly string[]; readonly block: boolean; readonly items: readonly Item[]; readonly line: number}
	/** `![:name args](obj)`: a remark macro, which lectern cannot run. */
	| {readonly kind: 'macro'; readonly name: string; readonly args: readonly string[]; readonly obj?: string; readonly line: number};

export type ParsedSlide = {
	readonly properties: Map<string, string>;
	/** The deck line of each property. */
	readonly propertyLines: ReadonlyMap<string, number>;
	readonly content: readonly Item[];
	readonly notes?: readonly Item[];
	/** Started by `--`: continues the slide before it. */
	readonly continued: boolean;
	/** The line of the slide's first line that is not blank (or the one after its separator). */
	readonly line: number;
};

export type LinkDefinition = {readonly href: string; readonly title?: string};

export type ParsedDeck = {
	readonly slides: readonly ParsedSlide[];
	readonly links: ReadonlyMap<string, LinkDefinition>;
};

/** A slide's properties past this many are left in its text (each takes a search of it). */
const maxProperties = 256;

/** Items while they are gathered: text as parts, joined once at the end. */
type Draft = {readonly kind: 'text'; readonly parts: Sourced[]} | Exclude<Item, {kind: 'text'}> | {readonly kind: 'open'; readonly open: Open};
type Open = {items: Draft[]; readonly classes: readonly string[]; readonly block: boolean; readonly line: number};
type Building = {content: Draft[]; notes?: Draft[]; continued: boolean; line: number};

export function parseTokens(tokens: readonly LexToken[], index: LineIndex): ParsedDeck {
	const slides: Building[] = [];
	const links = new Map<string, LinkDefinition>();
	let slide: Building = {content: [], continued: false, line: index.lineAt(0)};
	let stack: Array<{items: Draft[]}> = [{items: slide.content}];
	const append = (item: Draft) => appendTo(stack.at(-1)!.items, item);

	for (const token of tokens) {
		switch (token.type) {
			case 'text':
			case 'code':
			case 'fences': {
				append({kind: 'text', parts: [index.sourced(token.text, token.at)]});
				break;
			}

			case 'def': {
				links.set(token.id, {href: token.href, ...(token.title === undefined ? {} : {title: token.title})});
				break;
			}

			case 'macro': {
				append({kind: 'macro', name: token.name, args: token.args, ...(token.obj === undefined ? {} : {obj: token.obj}), line: index.lineAt(token.at)});
				break;
			}

			case 'content_start': {
				const open: Open = {items: [], classes: token.classes, block: token.block, line: index.lineAt(token.at)};
				append({kind: 'open', open});
				stack.push(open);
				break;
			}

			case 'content_end': {
				if (stack.length > 1) stack.pop();
				break;
			}

			case 'separator': {
				slides.push(slide);
				// The slide starts on the line after its separator.
				slide = {content: [], continued: token.text === '--', line: index.lineAt(token.at) + 1};
				stack = [{items: slide.content}];
				break;
			}

			case 'notes_separator': {
				slide.notes = [];
				stack = [{items: slide.notes}];
				break;
			}
		}
	}

	slides.push(slide);
	const parsed: ParsedSlide[] = [];
	for (const each of slides) {
		const properties = new Map<string, string>();
		const propertyLines = new Map<string, number>();
		const items = finish(each.content);
		const line = firstLine(items) ?? each.line;
		const content = extractProperties(items, properties, propertyLines);
		if ((properties.get('exclude') ?? '').toLowerCase() === 'true') continue;
		parsed.push({properties, propertyLines, content, ...(each.notes ? {notes: finish(each.notes)} : {}), continued: each.continued, line});
	}

	return {slides: parsed, links};
}

/** The line of the first thing written in the items (properties included). */
function firstLine(items: readonly Item[]): number | undefined {
	const first = items[0];
	if (first?.kind !== 'text') return first?.line;
	const index = first.value.text.split('\n').findIndex(text => text.trim() !== '');
	return index === -1 ? (items[1] ? firstLine(items.slice(1)) : undefined) : first.value.lines[index];
}

/** Appends, joining text to the text before it (as remark concatenates strings). */
function appendTo(items: Draft[], item: Draft): void {
	const last = items.at(-1);
	if (item.kind === 'text' && last?.kind === 'text') append(last.parts, item.parts);
	else items.push(item);
}

/** Drafts to items, without recursion (classes nest as deep as the lexer allows). */
function finish(drafts: readonly Draft[]): Item[] {
	return drafts.map((draft): Item => {
		if (draft.kind === 'text') return {kind: 'text', value: concat(draft.parts)};
		if (draft.kind === 'open') {
			const {open} = draft;
			return {kind: 'class', classes: open.classes, block: open.block, items: finish(open.items), line: open.line};
		}

		return draft;
	});
}

const property = /^\n*([-\w]+):([^$\n]*)|\n*<!--\s*([-\w]+):([^$\n]*?)\s*-->/i;

/** The properties of a slide whose first piece of text is `text`, as `parseTokens` reads them. */
export function propertiesOf(text: string): Map<string, string> {
	const properties = new Map<string, string>();
	extractProperties([{kind: 'text', value: at(text, 1)}], properties, new Map());
	return properties;
}

/** remark's `extractProperties`: properties come off the slide's first piece of text. */
function extractProperties(content: readonly Item[], properties: Map<string, string>, lines: Map<string, number>): Item[] {
	const [first, ...rest] = content;
	if (first?.kind !== 'text') return [...content];
	let value = first.value;
	for (let count = 0; count < maxProperties; count++) {
		const match = property.exec(value.text);
		if (!match) break;
		const key = (match[1] ?? match[3]!).trim();
		lines.set(key, value.lines[newlines(value.text.slice(0, match.index + match[0].search(/\S/)))] ?? 1);
		properties.set(key, (match[1] === undefined ? match[4]! : match[2]!).trim());
		value = join(slice(value, 0, match.index), slice(value, match.index + match[0].length));
	}

	return [{kind: 'text', value}, ...rest];
}
