/**
 * What makes one Markdown deck tool's reading its own: its header, how it
 * cuts slides, and what its comments and marker lines mean. Each tool is one
 * `Dialect` (`formats/<tool>/`); `read-markdown.ts` runs any of them.
 */
import type {DeckFormat, Diagnostic} from '../../model.js';
import type {Line} from '../blocks.js';
import type {FrontMatter} from '../front-matter.js';
import type {MdNode} from './tree.js';

export type Settings = {
	/** What a line end inside a paragraph is (see `InlineOptions`). */
	readonly softBreak: 'line' | 'space';
	/** Every list shows item by item. */
	readonly incrementalLists: boolean;
	/**
	 * An incremental list starts and ends with a pause of its own
	 * (presenterm's `pause_before/after_incremental_lists`); without, its first
	 * item shows with what comes before it (patat).
	 */
	readonly pausesAroundLists?: boolean;
	/** A list alone in a blockquote is that list, shown the other way round (incremental or not): patat's rule. */
	readonly quotedListsFlip?: boolean;
};

/** What a top-level block is to the dialect, besides content. */
export type Marker =
	| {readonly kind: 'pause'}
	/** A comment that holds speaker notes. */
	| {readonly kind: 'notes'; readonly text: string}
	/** A paragraph that starts the notes (`???`, `Note:`): it and the rest of the slide, `marker` cut off its first line. */
	| {readonly kind: 'notes-rest'; readonly marker: RegExp}
	| {readonly kind: 'skip-slide'}
	| {readonly kind: 'incremental-lists'; readonly on: boolean}
	/** Not shown, and nothing to say (a layout command, a comment). */
	| {readonly kind: 'hidden'}
	/** Not shown, and worth a notice. */
	| {readonly kind: 'notice'; readonly code: string; readonly message: string};

/** The lines of the text being read, by the parser's 1-based line numbers. */
export type SourceView = {
	readonly text: (line: number) => string;
	/** The numbered lines from parser line `from` to `to` (inclusive). */
	readonly lines: (from: number, to: number) => Line[];
	readonly lineOf: (line: number) => number;
};

export type SlideNodes = {readonly nodes: readonly MdNode[]; /** The slide's first deck line when it has no nodes. */ readonly line: number};

export type Dialect<S extends Settings = Settings> = {
	readonly format: DeckFormat;
	/** Splits the header (front matter, `%` lines) off the top. */
	readonly header: (lines: readonly Line[], diagnostics: Diagnostic[]) => {front?: FrontMatter; body: Line[]};
	readonly settings: (front: FrontMatter | undefined) => S;
	/** Line by line, what CommonMark would misread (mdp's centring marks and stops, pandoc's tables). */
	readonly prepare?: (lines: readonly Line[], diagnostics: Diagnostic[]) => Line[];
	/** Cuts the lines into slides before they are parsed (tools that split raw lines); else the body is parsed whole and `split` cuts it. */
	readonly cutLines?: (lines: readonly Line[]) => Line[][];
	/** Cuts a document's top-level blocks into slides. */
	readonly split: (nodes: readonly MdNode[], settings: S, source: SourceView) => SlideNodes[];
	readonly marker: (node: MdNode, source: SourceView, settings: S) => Marker | undefined;
	/** Empty slides are dropped (patat never makes one). */
	readonly dropEmpty?: boolean;
	/** Lines that separate slides in this dialect: an unclosed code fence that holds one swallows slides. */
	readonly separator: (text: string) => boolean;
};

/** `???` alone on a line: remark's notes separator, which Markdown decks carry over; never content. */
const questionMarks = /^\?\?\?[ \t]*(?:\n|$)/;
/** A trailing `Note:` / `Notes:` section (reveal-md's notes, and lectern's own). */
const noteSection = /^[ \t]*Notes?:[ \t]*/;

/** The `???` and `Note:` paragraphs that start notes in dialects without notes of their own. */
export function notesParagraph(node: MdNode, source: SourceView, notes: 'both' | 'question-marks'): Marker | undefined {
	if (node.type !== 'paragraph') return undefined;
	const first = source.text(node.line);
	if (questionMarks.test(first)) return {kind: 'notes-rest', marker: questionMarks};
	if (notes === 'both' && noteSection.test(first)) return {kind: 'notes-rest', marker: noteSection};
	return undefined;
}
