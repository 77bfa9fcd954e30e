/**
 * remark.js decks (and xaringan's R Markdown, and backslide's Markdown), read
 * as remark.js reads them: the Markdown found (`source.ts`), lexed
 * (`lexer.ts`), grouped into slides (`parser.ts`), built on their templates
 * (`slideshow.ts`), each slide's Markdown then read by the one block reader.
 *
 * - Every `--` step is a slide of its own that repeats what came before it;
 *   a step without notes of its own keeps the notes of the step before it
 *   (remark shows none; the presenter loses nothing).
 * - `class: title` makes a title slide, `class: image` an image slide;
 *   `background-image: url(...)` on an empty slide is an image slide.
 * - The shell-wrap HTML idiom is a terminal slide (see `shell.ts`).
 * - xaringan's title slide is made from the R Markdown header (`seal`).
 *
 * Pure and total: never throws.
 */
import type {Block, Deck, Diagnostic, Inline, Notes, SlideBody} from '../../model.js';
import {remarkInline} from '../../inline-markdown.js';
import {neutralize} from '../../neutralize.js';
import {bodyOf, capSteps, notesText, numberLines, numberSlides, planKind, trimBlankLines, type KindHints, type Line, type SlideDraft} from '../blocks.js';
import {hasFrontMatter, metaOf, setting, splitFrontMatter} from '../front-matter.js';
import {readBlocks, type ReadOptions} from '../markdown/read-blocks.js';
import {isKnownClass} from './classes.js';
import {classesUsed, htmlLines, markdownLines} from './convert.js';
import {lex} from './lexer.js';
import {parseTokens, type Item, type LinkDefinition, type ParsedSlide} from './parser.js';
import {hasShellWrap, parseShellWrap} from './shell.js';
import {buildSlides, type BuiltSlide} from './slideshow.js';
import {slideMarkdown} from './slide-markdown.js';
import {dedent, remarkSource} from './source.js';
import {LineIndex} from './sourced.js';
import {append} from '../../../frame/lists.js';

/** Slide properties remark and its themes read; any other is a front matter key. */
const slideProperties = new Set(['name', 'class', 'layout', 'template', 'count', 'exclude', 'continued', 'seal']);

/** Properties remark.js reads (the background ones become CSS). */
const knownProperties = new Set([
	'name',
	'class',
	'layout',
	'template',
	'count',
	'exclude',
	'background-image',
	'background-position',
	'background-repeat',
	'background-size',
	'background-color',
]);

/**
 * A line at the top of a slide that reads `word: text` is a property to
 * remark.js, not shown; one remark gives no meaning is reported, since it is
 * often a sentence (`Then: drink.`). It may still fill `{{word}}`.
 */
function reportProperties(slides: readonly ParsedSlide[], variables: ReadonlySet<string>, diagnostics: Diagnostic[]): void {
	for (const slide of slides) {
		for (const [key, line] of slide.propertyLines) {
			if (knownProperties.has(key) || variables.has(key)) continue;
			diagnostics.push({
				severity: 'notice',
				line,
				code: 'unknown-property',
				message: `"${neutralize(key)}: ..." at the top of a slide is a slide property to remark.js, so it is not shown; to show it, write it another way (**${neutralize(key)}:**)`,
			});
		}
	}
}

export function parseRemark(text: string): Deck {
	const read = readGroups(text);
	if ('deck' in read) return read.deck;
	const {drafts, groups, options, slides, classes} = read;
	const {diagnostics} = options;
	for (const group of groups) append(drafts, groupDrafts(group, options));
	reportClasses(slides, classes, diagnostics);
	return {format: 'remark', slides: numberSlides(drafts), diagnostics: unique(diagnostics)};
}

/** A remark deck's Markdown: where it starts, what comes before its slides (xaringan's title). */
export type RemarkMarkdown = {
	readonly markdown: string;
	/** The deck line of the Markdown's first line. */
	readonly firstLine: number;
	/** The slides before the Markdown's (xaringan's title). */
	readonly drafts: SlideDraft[];
	/** The classes the page's own styles define. */
	readonly classes: ReadonlySet<string>;
};

/**
 * The Markdown of a remark deck, as remark.js gets it: the page's, without
 * the R Markdown header, dedented; or a deck already (a page that loads its
 * slides, or has none). Reads no more than the head of a Markdown deck
 * besides looking for what a page has.
 */
export function remarkMarkdown(text: string, diagnostics: Diagnostic[]): RemarkMarkdown | {deck: Deck} {
	const source = remarkSource(text);
	if (source.kind === 'loads') return {deck: loaderDeck(source)};
	if (source.kind === 'missing') {
		diagnostics.push({
			severity: 'error',
			line: 1,
			code: 'no-remark-source',
			message: 'this HTML page has no remark slides (no <textarea id="source">, no file it loads)',
		});
		return {deck: {format: 'remark', slides: numberSlides([]), diagnostics}};
	}

	const drafts: SlideDraft[] = [];
	let body = source.text;
	let firstLine = source.line;
	if (hasFrontMatter(source.text)) {
		// Front matter is closed within its first lines (front-matter.ts): only those are numbered.
		const cut = nthNewline(source.text, frontMatterLines + 1);
		const head = numberLines(cut === -1 ? source.text : source.text.slice(0, cut), source.line);
		const {front} = splitFrontMatter(head, diagnostics);
		if (front && Object.keys(front.data).some(key => !slideProperties.has(key))) {
			const closing = front.end - source.line;
			const after = nthNewline(source.text, closing + 1);
			body = after === -1 ? '' : source.text.slice(after + 1);
			firstLine = after === -1 ? 1 : front.end + 1;
			const seal = setting(front.data, 'output', 'xaringan::moon_reader', 'seal');
			const title = metaOf(front.data);
			if (seal !== false && title.title) drafts.push(xaringanTitle(title, front.line, diagnostics));
		}
	}

	return {markdown: dedent(body), firstLine, drafts, classes: source.classes};
}

/** Lines of front matter at most, with its closing line (front-matter.ts reads no more). */
const frontMatterLines = 502;

/** The offset of the `count`th newline of `text` (from 1), or -1. */
function nthNewline(text: string, count: number): number {
	let at = -1;
	for (let seen = 0; seen < count; seen++) {
		at = text.indexOf('\n', at + 1);
		if (at === -1) return -1;
	}

	return at;
}

/** How markdown-it reads a remark deck's slides, with the deck's link definitions. */
export function readOptions(links: ReadonlyMap<string, LinkDefinition>, diagnostics: Diagnostic[]): ReadOptions {
	return {
		profile: remarkInline,
		inline: {softBreak: 'space', spanClass: () => undefined},
		diagnostics,
		env: {references: references(links)},
		markedLines: true,
	};
}

type Groups = {
	/** The slides before the groups (xaringan's title). */
	readonly drafts: SlideDraft[];
	readonly groups: readonly BuiltSlide[][];
	readonly options: ReadOptions;
	readonly slides: readonly BuiltSlide[];
	readonly classes: ReadonlySet<string>;
};

/** The deck's slides grouped into their steps, not yet read by markdown-it; or a deck already (a page that loads its slides, or has none). */
function readGroups(text: string): Groups | {deck: Deck} {
	const diagnostics: Diagnostic[] = [];
	const read = remarkMarkdown(text, diagnostics);
	if ('deck' in read) return read;
	const {markdown, firstLine, drafts, classes} = read;
	const index = new LineIndex(markdown, firstLine);
	const parsed = parseTokens(lex(markdown), index);
	reportProperties(parsed.slides, new Set([...markdown.matchAll(/\{\{([^}\n]+)\}\}/g)].map(match => match[1]!.trim())), diagnostics);
	const slides = buildSlides(parsed.slides, diagnostics);
	return {drafts, groups: stepGroups(slides), options: readOptions(parsed.links, diagnostics), slides, classes};
}

/** markdown-it's link references, from remark's definitions. */
function references(links: ReadonlyMap<string, LinkDefinition>): Record<string, {href: string; title: string}> {
	const out: Record<string, {href: string; title: string}> = {};
	for (const [id, link] of links) out[id.trim().replace(/\s+/g, ' ').toUpperCase()] = {href: link.href, title: link.title ?? ''};
	return out;
}

/** Each slide with the `--` slides that continue it: the steps of one slide. */
export function stepGroups(slides: readonly BuiltSlide[]): BuiltSlide[][] {
	const groups: BuiltSlide[][] = [];
	for (const slide of slides) {
		if (slide.continued && groups.length > 0) groups.at(-1)!.push(slide);
		else groups.push([slide]);
	}

	return groups;
}

/** The slides of one group of steps, read by markdown-it. */
export function groupDrafts(group: readonly BuiltSlide[], options: ReadOptions): SlideDraft[] {
	const {diagnostics} = options;
	const capped = capSteps(
		group.map(slide => [slide]),
		group[0]!.line,
		diagnostics,
	).map(steps => steps.at(-1)!);
	const last = capped.at(-1)!;
	const classes = classList(last.properties.get('class'));
	const hints: KindHints = {title: classes.includes('title') || classes.includes('title-slide'), image: classes.includes('image')};
	const terminal = capped.some(slide => hasShellWrap(htmlLines(slide.content)));
	const blocks = terminal ? [] : capped.map(slide => titleHint(slideBlocks(slide.content, options), hints.title === true));
	const kind = planKind(blocks.at(-1) ?? [], hints);
	const background = backgroundImage(last.properties.get('background-image'));
	const line = group[0]!.line;
	const drafts: SlideDraft[] = [];
	let notes: Notes | undefined;
	for (const [index, slide] of capped.entries()) {
		if (slide.notes) notes = notesOf(slide.notes, options) ?? notes;
		let body: SlideBody;
		if (terminal) {
			const html = htmlLines(slide.content);
			const shell = parseShellWrap(html, diagnostics);
			const before = shell ? readBlocks(slideMarkdown(html.slice(0, shell.before), diagnostics), options) : [];
			body = shell
				? {kind: 'terminal', title: shell.title, lines: shell.lines, ...(before.length > 0 ? {before} : {})}
				: bodyOf(slideBlocks(slide.content, options), kind);
		} else if (kind === 'blank' && background) {
			body = {kind: 'image', image: {src: background, mode: 'full', line}, body: []};
		} else {
			body = bodyOf(blocks[index] ?? [], kind);
		}

		drafts.push({body, line, ...(notes ? {notes} : {}), ...(capped.length > 1 ? {step: {index: index + 1, of: capped.length}} : {})});
	}

	return drafts;
}

function slideBlocks(items: readonly Item[], options: ReadOptions): Block[] {
	return readBlocks(slideMarkdown(markdownLines(items), options.diagnostics), options);
}

function notesOf(items: readonly Item[], options: ReadOptions): Notes | undefined {
	const lines = trimBlankLines(markdownLines(items));
	if (lines.length === 0) return undefined;
	return {text: notesText(lines), blocks: slideBlocks(items, options), line: lines[0]!.line};
}

function classList(value: string | undefined): string[] {
	return (value ?? '').split(/[\s,]+/).filter(Boolean);
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

/** xaringan's title slide (`seal: true`, the default): title, subtitle, author, institute, date. */
function xaringanTitle(meta: ReturnType<typeof metaOf>, line: number, diagnostics: Diagnostic[]): SlideDraft {
	const lines: Line[] = [
		`# ${meta.title}`,
		...(meta.subtitle ? [`## ${meta.subtitle}`] : []),
		...[...meta.authors, ...meta.place, ...(meta.date ? [meta.date] : [])].map(text => `### ${text}`),
	].map(text => ({text, line}));
	const blocks = readBlocks(lines, {profile: remarkInline, inline: {softBreak: 'space'}, diagnostics, env: {}, markedLines: true});
	return {body: bodyOf(blocks, 'title'), line};
}

function loaderDeck(source: {readonly src: string; readonly line: number; readonly how: string}): Deck {
	const shown = neutralize(source.src);
	const text = (value: string): Inline[] => [{type: 'text', text: value}];
	const body: Block[] = [
		{
			type: 'paragraph',
			lines: [text(`This remark page loads its slides from "${shown}" (${source.how}).`), text('Play that file with lectern instead.')],
			line: source.line,
		},
	];
	return {
		format: 'remark',
		slides: numberSlides([{body: {kind: 'text', body}, line: source.line}]),
		diagnostics: [
			{severity: 'error', line: source.line, code: 'remark-loads-file', message: `the slides are in "${shown}", which this page loads (${source.how})`},
		],
		loads: {src: source.src, line: source.line, how: source.how},
	};
}

/**
 * One notice for each class the deck uses that neither remark.js (and its
 * themes) nor the page's own styles define, nor lectern draws: its content
 * shows unstyled. Built-in and page classes are the deck's look, not news.
 */
function reportClasses(slides: readonly BuiltSlide[], pageClasses: ReadonlySet<string>, diagnostics: Diagnostic[]): void {
	const used = new Map<string, number>();
	for (const slide of slides) {
		classesUsed(slide.content, used);
		if (slide.notes) classesUsed(slide.notes, used);
	}

	for (const [name, line] of used) {
		if (isKnownClass(name) || pageClasses.has(name)) continue;
		diagnostics.push({
			severity: 'notice',
			line,
			code: 'unknown-class',
			message: `class ".${neutralize(name)}" is styled by the deck's own CSS, which lectern does not read; its content shows unstyled`,
		});
	}
}

/** Each diagnostic once: steps repeat their content and templates repeat theirs. */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
	const seen = new Set<string>();
	return diagnostics.filter(diagnostic => {
		const key = `${diagnostic.line}\n${diagnostic.code}\n${diagnostic.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
