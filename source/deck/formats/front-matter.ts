/**
 * The header of a deck: YAML front matter between `---` lines (presenterm,
 * patat, lookatme, slides, xaringan's R Markdown), read by a real YAML parser
 * (`yaml.ts`, loaded only for decks that have it); mdp's `%title:` lines; and
 * pandoc's `%` title block (patat). `metaOf` picks what a title slide shows.
 */
import type {Diagnostic} from '../model.js';
import type {Line} from './blocks.js';
import {readYaml} from './yaml.js';

export type FrontMatter = {
	/** Line of the opening `---`. */
	readonly line: number;
	/** Line of the closing `---` or `...`. */
	readonly end: number;
	readonly data: Readonly<Record<string, unknown>>;
};

const opening = /^---[ \t]*$/;
const closing = /^(?:---|\.\.\.)[ \t]*$/;
const keyLine = /^[A-Za-z_][\w-]*[ \t]*:/;
/** Front matter longer than this is not looked for (a deck that starts with a `---` separator). */
const maxLines = 500;

/** The index of the line that closes front matter opened on the first line, or -1. */
function closingIndex(lines: readonly string[]): number {
	if (lines.length === 0 || !opening.test(lines[0]!)) return -1;
	const limit = Math.min(lines.length, maxLines + 2);
	for (let index = 1; index < limit; index++) if (closing.test(lines[index]!)) return index;
	return -1;
}

/**
 * True when the text may start with YAML front matter (a `---` line, a
 * `key:` line, a closing line): whether the YAML library must be loaded.
 */
export function hasFrontMatter(text: string): boolean {
	const head = text
		.slice(0, 64 * 1024)
		.replace(/^\uFEFF/, '')
		.split(/\r?\n|\r/, maxLines + 2);
	const end = closingIndex(head);
	return end > 0 && head.slice(1, end).some(line => keyLine.test(line));
}

/**
 * Splits YAML front matter off the top of a deck. What is not a YAML mapping
 * is not front matter (a deck may start with a `---` separator); invalid YAML
 * is reported and read as the deck's text, as pandoc does.
 */
export function splitFrontMatter(lines: readonly Line[], diagnostics: Diagnostic[]): {front?: FrontMatter; body: Line[]} {
	const end = closingIndex(lines.map(line => line.text));
	if (end <= 0 || !lines.slice(1, end).some(line => keyLine.test(line.text))) return {body: [...lines]};
	const first = lines[0]!;
	const result = readYaml(
		lines
			.slice(1, end)
			.map(line => line.text)
			.join('\n'),
	);
	if (!result.ok) {
		diagnostics.push({
			severity: 'warning',
			line: first.line + (result.line ?? 1),
			code: 'front-matter-yaml',
			message: `the front matter is not valid YAML (${result.error}); it is shown as the deck's text`,
		});
		return {body: [...lines]};
	}

	const {value} = result;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return {body: [...lines]};
	return {front: {line: first.line, end: lines[end]!.line, data: value as Record<string, unknown>}, body: lines.slice(end + 1)};
}

const mdpLine = /^%([A-Za-z_][\w-]*)[ \t]*:(.*)$/;

/** mdp's header: `%title: ...`, `%author: ...`, `%date: ...` lines at the very top. */
export function splitMdpHeader(lines: readonly Line[]): {front?: FrontMatter; body: Line[]} {
	let end = 0;
	while (end < lines.length && mdpLine.test(lines[end]!.text)) end++;
	if (end === 0) return {body: [...lines]};
	const data: Record<string, string> = {};
	for (const line of lines.slice(0, end)) {
		const match = mdpLine.exec(line.text)!;
		data[match[1]!.toLowerCase()] = match[2]!.trim();
	}

	return {front: {line: lines[0]!.line, end: lines[end - 1]!.line, data}, body: lines.slice(end)};
}

/**
 * pandoc's title block: up to three `%` lines at the top (title, authors
 * separated by `;`, date); a line indented under one continues it.
 */
export function splitPandocTitle(lines: readonly Line[]): {front?: FrontMatter; body: Line[]} {
	const fields: string[] = [];
	let end = 0;
	while (end < lines.length && fields.length < 3) {
		const text = lines[end]!.text;
		if (!text.startsWith('%')) break;
		let value = text.slice(1).trim();
		end++;
		while (end < lines.length && /^[ \t]+\S/.test(lines[end]!.text)) value += ` ${lines[end++]!.text.trim()}`;
		fields.push(value);
	}

	if (fields.length === 0) return {body: [...lines]};
	const [title = '', authors = '', date = ''] = fields;
	const data = {
		title,
		author: authors
			.split(';')
			.map(author => author.trim())
			.filter(Boolean),
		date,
	};
	return {front: {line: lines[0]!.line, end: lines[end - 1]!.line, data}, body: lines.slice(end)};
}

/** What a title slide made from a header shows. */
export type DeckMeta = {
	readonly title?: string;
	readonly subtitle?: string;
	readonly authors: readonly string[];
	readonly date?: string;
	/** Where and at what the talk is given (presenterm's `event`, `location`; xaringan's `institute`). */
	readonly place: readonly string[];
};

export function metaOf(data: Readonly<Record<string, unknown>>): DeckMeta {
	const pick = (...keys: string[]) => keys.map(key => text(data[key])).find(value => value !== '');
	const title = pick('title');
	const subtitle = pick('sub_title', 'subtitle');
	const date = pick('date');
	const authors = [...list(data['authors']), ...list(data['author'])];
	const place = ['institute', 'event', 'location'].map(key => text(data[key])).filter(value => value !== '');
	return {...(title ? {title} : {}), ...(subtitle ? {subtitle} : {}), ...(date ? {date} : {}), authors: [...new Set(authors)], place};
}

/** A scalar as one line of text; a list's items joined; a person's `name`. */
function text(value: unknown): string {
	if (typeof value === 'string') return value.replace(/\s*\n\s*/g, ' ').trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
	if (Array.isArray(value)) return list(value).join(', ');
	if (typeof value === 'object' && value !== null && 'name' in value) return text((value as {name: unknown}).name);
	return '';
}

function list(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(item => text(item)).filter(item => item !== '');
	const one = text(value);
	return one === '' ? [] : [one];
}

/** A nested setting (`options.implicit_slide_ends`, `patat.incrementalLists`) when it is there. */
export function setting(data: Readonly<Record<string, unknown>> | undefined, ...path: string[]): unknown {
	let value: unknown = data;
	for (const key of path) {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}

	return value;
}
