/**
 * remark.js decks: the Markdown in a remark HTML page (`<textarea
 * id="source">`, its HTML entities decoded) or the `.md` file a page loads.
 *
 * - `---` separates slides, `--` continues one: each part is a step slide
 *   that repeats what came before it.
 * - `???` starts a part's notes; a step without notes of its own keeps the
 *   notes of the step before it.
 * - Properties at the top of a slide: `name:`, `class:` (`title` makes a
 *   title slide, `image` an image slide), `layout: true` (the slide is a
 *   template for the slides after it, not shown itself; `layout: false` ends
 *   that), `template: NAME` (the named slide's content and properties come
 *   first, or around the slide where it says `{{content}}`), `exclude: true`,
 *   `count: false`, `background-image: url(...)` (an image slide when the
 *   slide has no other content).
 * - The shell-wrap HTML idiom is a terminal slide (see `remark-shell.ts`).
 *
 * Pure and total: never throws.
 */
import {decodeHTML} from 'entities';
import type {Block, Deck, Diagnostic, Inline, Notes, SlideBody} from '../model.js';
import {neutralize} from '../neutralize.js';
import {bodyOf, capSteps, fenceTracker, minOf, notesText, numberLines, numberSlides, planKind, trimBlankLines, type Line, type SlideDraft} from './blocks.js';
import {remarkBlocks} from './remark-blocks.js';
import {hasShellWrap, parseShellWrap} from './remark-shell.js';

const slideSeparator = /^---[ \t]*$/;
const stepSeparator = /^--[ \t]*$/;
const notesSeparator = /^\?\?\?[ \t]*$/;
const property = /^([A-Za-z][\w-]*)[ \t]*:(.*)$/;
const contentSlot = /\{\{\s*content\s*\}\}/;

const knownProperties: ReadonlySet<string> = new Set([
	'name',
	'class',
	'layout',
	'template',
	'count',
	'exclude',
	'continued',
	'background-image',
	'background-position',
	'background-repeat',
	'background-size',
	'background-color',
]);

type Part = {readonly content: readonly Line[]; readonly notes?: readonly Line[]};
type RawSlide = {readonly properties: ReadonlyMap<string, string>; readonly parts: readonly Part[]; readonly line: number};
type Template = {
	readonly content: readonly Line[];
	readonly properties: ReadonlyMap<string, string>;
	/** How many templates this one is built on (itself included). */
	readonly depth: number;
};

/** Templates built on more templates than this are not used (each one adds its content: n² for a chain). */
const maxTemplateDepth = 16;

/** Parses a remark deck: an HTML page with the Markdown in a textarea, or the Markdown itself. */
export function parseRemark(text: string): Deck {
	const diagnostics: Diagnostic[] = [];
	const source = remarkSource(text);
	if ('sourceUrl' in source) return sourceUrlDeck(source.sourceUrl, source.line);
	if ('missing' in source) {
		diagnostics.push({severity: 'error', line: 1, code: 'no-remark-source', message: 'this HTML page has no remark slides (no <textarea id="source">)'});
		return {format: 'remark', slides: numberSlides([]), diagnostics};
	}

	const lines = dedent(numberLines(source.text, source.line));
	const named = new Map<string, Template>();
	let layout: Template | undefined;
	const drafts: SlideDraft[] = [];
	for (const slide of splitSlides(lines, diagnostics)) {
		const {properties} = slide;
		if (properties.get('layout') === 'true') {
			layout = {content: joinParts(slide.parts), properties, depth: 1};
			const name = properties.get('name');
			if (name) named.set(name, layout);
			continue;
		}

		if (properties.get('layout') === 'false') layout = undefined;
		const templateName = properties.get('template');
		let base = layout;
		if (templateName !== undefined) {
			base = named.get(templateName);
			if (!base) {
				diagnostics.push({
					severity: 'warning',
					line: slide.line,
					code: 'unknown-template',
					message: `template "${neutralize(templateName)}" is not the name of an earlier slide; the slide is shown without it`,
				});
			}
		}

		if (base && base.depth >= maxTemplateDepth) {
			diagnostics.push({
				severity: 'warning',
				line: slide.line,
				code: 'template-too-deep',
				message: `templates built on more than ${maxTemplateDepth} templates are not used; the slide is shown without it`,
			});
			base = undefined;
		}

		const merged = mergeProperties(base?.properties, properties);
		const parts = capSteps(slide.parts.map(part => [part]), slide.line, diagnostics).map(group => mergeParts(group));
		const steps = parts.map((_, index) => expand(base, joinParts(parts.slice(0, index + 1))));
		const name = properties.get('name');
		if (name) named.set(name, {content: steps.at(-1) ?? [], properties: merged, depth: (base?.depth ?? 0) + 1});
		if (merged.get('exclude') === 'true') continue;
		drafts.push(...slideDrafts({...slide, parts}, steps, merged, diagnostics));
	}

	return {format: 'remark', slides: numberSlides(drafts), diagnostics: unique(diagnostics)};
}

// ---------------------------------------------------------------------------
// Source

type Source = {text: string; line: number} | {sourceUrl: string; line: number} | {missing: true};

/**
 * The Markdown of a remark deck: the content of `<textarea id="source">` (or
 * the first textarea) with HTML entities decoded, as the browser hands it to
 * remark; a page without one that loads a `sourceUrl`; or the text itself.
 */
export function remarkSource(text: string): Source {
	const textareas = [...text.matchAll(/<textarea\b([^<>]{0,2000})>([\s\S]*?)(?:<\/textarea\s*>|$)/gi)];
	const chosen = textareas.find(match => /\bid\s*=\s*["']?source\b/i.test(match[1]!)) ?? textareas[0];
	if (chosen) {
		const start = chosen.index + chosen[0].indexOf('>') + 1;
		return {text: decodeHTML(chosen[2]!), line: lineAt(text, start)};
	}

	const url = /\bsourceUrl\s*:\s*(["'`])([^"'`\n]*)\1/.exec(text);
	if (url) return {sourceUrl: url[2]!, line: lineAt(text, url.index)};
	if (/^\s*(?:<!doctype\s+html|<html\b)/i.test(text)) return {missing: true};
	return {text, line: 1};
}

function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
	return line;
}

function sourceUrlDeck(url: string, line: number): Deck {
	const shown = neutralize(url);
	const text = (value: string): Inline[] => [{type: 'text', text: value}];
	const body: Block[] = [
		{type: 'paragraph', lines: [text(`This remark page loads its slides from "${shown}".`), text('Play that file with lectern instead.')], line},
	];
	return {
		format: 'remark',
		slides: numberSlides([{body: {kind: 'text', body}, line}]),
		diagnostics: [{severity: 'error', line, code: 'remark-source-url', message: `the slides are in "${shown}" (sourceUrl); play that file instead`}],
	};
}

/** Removes the indentation all non-blank lines share (a textarea indented with the page). */
function dedent(lines: Line[]): Line[] {
	const indents = lines.filter(line => line.text.trim() !== '').map(line => /^[ \t]*/.exec(line.text)![0].length);
	const common = minOf(indents, 0);
	return common === 0 ? lines : lines.map(line => ({text: line.text.slice(Math.min(common, /^[ \t]*/.exec(line.text)![0].length)), line: line.line}));
}

// ---------------------------------------------------------------------------
// Slides, parts, properties, notes

function splitSlides(lines: readonly Line[], diagnostics: Diagnostic[]): RawSlide[] {
	const slides: Line[][][] = [[[]]];
	const inFence = fenceTracker();
	for (const line of lines) {
		const fenced = inFence(line.text);
		if (!fenced && slideSeparator.test(line.text)) slides.push([[]]);
		else if (!fenced && stepSeparator.test(line.text)) slides.at(-1)!.push([]);
		else slides.at(-1)!.at(-1)!.push(line);
	}

	// A trailing newline does not make the last slide longer.
	const last = slides.at(-1)!.at(-1)!;
	if (last.length > 0 && last.at(-1)!.text === '') last.pop();
	return slides.map(parts => rawSlide(parts, diagnostics));
}

function rawSlide(parts: readonly (readonly Line[])[], diagnostics: Diagnostic[]): RawSlide {
	const first = parts[0] ?? [];
	const properties = new Map<string, string>();
	let index = 0;
	for (; index < first.length; index++) {
		const {text, line} = first[index]!;
		if (text.trim() === '') continue;
		const match = property.exec(text);
		if (!match) break;
		const key = match[1]!.toLowerCase();
		properties.set(key, match[2]!.trim());
		if (!knownProperties.has(key)) {
			diagnostics.push({
				severity: 'notice',
				line,
				code: 'unknown-property',
				message: `slide property "${neutralize(key)}" has no meaning here; the line is not shown (as in remark)`,
			});
		}
	}

	const line = trimBlankLines(first)[0]?.line ?? parts.flat()[0]?.line ?? 1;
	return {properties, parts: parts.map((part, at) => splitNotes(at === 0 ? part.slice(index) : part)), line};
}

function splitNotes(lines: readonly Line[]): Part {
	const inFence = fenceTracker();
	const at = lines.findIndex(line => !inFence(line.text) && notesSeparator.test(line.text));
	if (at === -1) return {content: lines};
	return {content: lines.slice(0, at), notes: lines.slice(at + 1)};
}

/** Parts shown as one step: their contents in order, the notes of the last one that has notes. */
function mergeParts(parts: readonly Part[]): Part {
	const notes = parts.findLast(part => part.notes)?.notes;
	return {content: joinParts(parts), ...(notes ? {notes} : {})};
}

function joinParts(parts: readonly Part[]): Line[] {
	return parts.flatMap(part => part.content);
}

/** The slide's content in its template or layout: at `{{content}}`, or after the template's content. */
function expand(template: Template | undefined, content: readonly Line[]): Line[] {
	if (!template) return [...content];
	const at = template.content.findIndex(line => contentSlot.test(line.text));
	if (at === -1) return [...template.content, ...content];
	const slot = template.content[at]!;
	const match = contentSlot.exec(slot.text)!;
	const before = slot.text.slice(0, match.index);
	const after = slot.text.slice(match.index + match[0].length);
	const inner = trimBlankLines(content);
	let middle: Line[];
	if (inner.length === 0) middle = [{text: before + after, line: slot.line}];
	else if (inner.length === 1) middle = [{text: before + inner[0]!.text + after, line: inner[0]!.line}];
	else {
		middle = [{text: before + inner[0]!.text, line: inner[0]!.line}, ...inner.slice(1, -1), {text: inner.at(-1)!.text + after, line: inner.at(-1)!.line}];
	}

	return [...template.content.slice(0, at), ...middle, ...template.content.slice(at + 1)];
}

/** A template's properties under the slide's own; classes add up. */
function mergeProperties(base: ReadonlyMap<string, string> | undefined, own: ReadonlyMap<string, string>): Map<string, string> {
	const merged = new Map<string, string>();
	for (const [key, value] of base ?? []) if (key !== 'name' && key !== 'layout' && key !== 'template') merged.set(key, value);
	for (const [key, value] of own) merged.set(key, value);
	const classes = [...classList(base?.get('class')), ...classList(own.get('class'))];
	if (classes.length > 0) merged.set('class', [...new Set(classes)].join(', '));
	return merged;
}

function classList(value: string | undefined): string[] {
	return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

// ---------------------------------------------------------------------------
// Slide bodies

function slideDrafts(slide: RawSlide, steps: readonly (readonly Line[])[], properties: ReadonlyMap<string, string>, diagnostics: Diagnostic[]): SlideDraft[] {
	const classes = classList(properties.get('class'));
	const hints = {title: classes.includes('title'), image: classes.includes('image')};
	const terminal = steps.some(lines => hasShellWrap(lines));
	const blocks = terminal ? [] : steps.map(lines => titleHint(remarkBlocks(lines, diagnostics), hints.title));
	const final = blocks.at(-1) ?? [];
	const kind = planKind(final, hints);
	const background = backgroundImage(properties.get('background-image'));
	const drafts: SlideDraft[] = [];
	let notes: Notes | undefined;
	for (const [index, lines] of steps.entries()) {
		const part = slide.parts[index];
		if (part?.notes) notes = notesOf(part.notes, diagnostics) ?? notes;
		let body: SlideBody;
		if (terminal) {
			const shell = parseShellWrap(lines, diagnostics);
			body = shell ? {kind: 'terminal', title: shell.title, lines: shell.lines} : bodyOf(remarkBlocks(lines, diagnostics), kind);
		} else if (kind === 'blank' && background) {
			body = {kind: 'image', image: {src: background, mode: 'full', line: slide.line}, body: []};
		} else {
			body = bodyOf(blocks[index] ?? [], kind);
		}

		drafts.push({
			body,
			line: slide.line,
			...(notes ? {notes} : {}),
			...(steps.length > 1 ? {step: {index: index + 1, of: steps.length}} : {}),
		});
	}

	return drafts;
}

/** `class: title` on a slide that starts with a paragraph: its lines are the title. */
function titleHint(blocks: Block[], title: boolean): Block[] {
	const first = blocks[0];
	if (!title || first?.type !== 'paragraph') return blocks;
	const content = first.lines.flatMap((line, index): Inline[] => (index === 0 ? [...line] : [{type: 'break'}, ...line]));
	return [{type: 'heading', depth: 1, content, line: first.line}, ...blocks.slice(1)];
}

function backgroundImage(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const match = /^url\(\s*(["']?)(.*?)\1\s*\)$/i.exec(value.trim());
	const src = (match ? match[2]! : value).trim();
	return src === '' ? undefined : neutralize(src);
}

function notesOf(lines: readonly Line[], diagnostics: Diagnostic[]): Notes | undefined {
	const trimmed = trimBlankLines(lines);
	if (trimmed.length === 0) return undefined;
	return {text: notesText(trimmed), blocks: remarkBlocks(trimmed, diagnostics), line: trimmed[0]!.line};
}

/**
 * Each diagnostic once: steps repeat their content and templates repeat
 * theirs, so the same problem is found again on the same line. remark decks
 * style with their own CSS classes, so an unknown span class is a notice.
 */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
	const seen = new Set<string>();
	const out: Diagnostic[] = [];
	for (const diagnostic of diagnostics) {
		const key = `${diagnostic.line}\n${diagnostic.code}\n${diagnostic.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(diagnostic.code === 'unknown-class' ? {...diagnostic, severity: 'notice'} : diagnostic);
	}

	return out;
}
