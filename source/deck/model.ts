/**
 * The deck model: what a deck means, independent of how it is drawn.
 *
 * Every node carries the 1-based source line it came from so that diagnostics
 * can point at it. All text in the model has already been through text hygiene:
 * no control characters or escape sequences from the deck survive parsing.
 */

/** Inline content: the leaves and containers of a line of text. */
export type Inline =
	| {readonly type: 'text'; readonly text: string}
	| {readonly type: 'break'}
	| {readonly type: 'code'; readonly text: string}
	| {readonly type: 'strong'; readonly children: readonly Inline[]}
	| {readonly type: 'emphasis'; readonly children: readonly Inline[]}
	| {readonly type: 'strike'; readonly children: readonly Inline[]}
	| {readonly type: 'link'; readonly url: string; readonly children: readonly Inline[]}
	| {readonly type: 'span'; readonly className: string; readonly children: readonly Inline[]};

export type ImageMode =
	/** `@= FILE`: fills the slide area. */
	| 'full'
	/** `~@ FILE`: full-bleed, 16:9. */
	| 'wide'
	/** `@ FILE`: in the flow of the slide, one line. */
	| 'inline';

export type Image = {
	readonly src: string;
	readonly mode: ImageMode;
	readonly line: number;
	/** The author's description (`![Dashboard overview](x.png)`, `alt="..."`): what shows when the picture cannot. */
	readonly alt?: string;
};

/** Block content of text slides, draft bodies, image slides and notes. */
export type Block =
	| {readonly type: 'heading'; readonly depth: number; readonly content: readonly Inline[]; readonly line: number}
	/** One paragraph; each entry of `lines` is one source line (a line break on the slide). */
	| {readonly type: 'paragraph'; readonly lines: readonly (readonly Inline[])[]; readonly line: number}
	| {
			readonly type: 'list';
			readonly ordered: boolean;
			readonly start: number;
			readonly items: readonly (readonly Inline[])[];
			readonly line: number;
	  }
	| {readonly type: 'image'; readonly image: Image; readonly line: number}
	/** A fenced or indented code block, each line as written (tabs expanded, hygiene applied). */
	| {readonly type: 'code'; readonly code: CodeBlock; readonly line: number}
	/** `vv [TEXT](URL) REST`: the caption of the image above it. */
	| {readonly type: 'caption'; readonly content: readonly Inline[]; readonly line: number};

/**
 * The content of a code block. `language` is the first word of the fence's
 * info string, lower-cased (`''` when none); `attributes` is the rest of it
 * (presenterm's `+line_numbers {1-4|all}`, say), for the code layout to read.
 */
type CodeBlock = {
	readonly language: string;
	readonly attributes: string;
	readonly lines: readonly string[];
	/** 0-based lines the author marked (remark's leading `*`, `highlightLines`): drawn on a marked background. */
	readonly marked?: readonly number[];
	/** The lines coloured by the highlighter (source/code/), one list of tokens per line; absent until then or for a language it does not know. */
	readonly tokens?: readonly (readonly CodeToken[])[];
	/** The step's lines of a stepped block (`{1-4|6-10|all}`), 0-based; the others are dimmed. Absent: all lines. */
	readonly focus?: readonly number[];
};

/** A piece of a highlighted line: its text and the highlighter theme's colour and font style for it. */
export type CodeToken = {
	readonly text: string;
	readonly colour?: `#${string}`;
	readonly bold?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
};

/** A subtitle of a title slide (`##` is depth 2, `###` depth 3). */
export type Subtitle = {readonly depth: number; readonly content: readonly Inline[]; readonly line: number};

/** One piece of a terminal line. `typed` text is what `$$w TEXT` types out. */
export type TerminalSegment = {
	readonly content: readonly Inline[];
	readonly typed: boolean;
};

/** One line of a terminal session as it shows on screen. */
export type TerminalLine = {
	/** The directory of a `$$prompt DIR` line; absent for output lines. */
	readonly prompt?: string;
	readonly segments: readonly TerminalSegment[];
	/** True when the `$$w` cursor sits at the end of this line. */
	readonly cursor: boolean;
	readonly line: number;
};

export type SlideBody =
	| {readonly kind: 'title'; readonly title: readonly Inline[]; readonly subtitles: readonly Subtitle[]; readonly body: readonly Block[]}
	/** Rows of emoji, each row a list of grapheme clusters. */
	| {readonly kind: 'emoji'; readonly rows: readonly (readonly string[])[]}
	| {readonly kind: 'draft'; readonly title: readonly Inline[]; readonly body: readonly Block[]}
	/** The picture with the slide's other blocks around it, in their order: `before` it (a heading, say), `body` after it. */
	| {readonly kind: 'image'; readonly image: Image; readonly body: readonly Block[]; readonly before?: readonly Block[]}
	/** A terminal window titled `title`; `before` is what the slide shows above the window (a heading). */
	| {readonly kind: 'terminal'; readonly title: string; readonly lines: readonly TerminalLine[]; readonly before?: readonly Block[]}
	| {readonly kind: 'text'; readonly body: readonly Block[]}
	| {readonly kind: 'blank'};

export type SlideKind = SlideBody['kind'];

export type Notes = {
	/** The notes as written (after hygiene), for search and plain output. */
	readonly text: string;
	readonly blocks: readonly Block[];
	readonly line: number;
};

/**
 * One step of an incremental slide (remark's `--`, a Markdown `<!-- pause -->`):
 * step `index` (1-based) of `of`. Each step is a slide of its own that repeats
 * the content of the step before it and adds the next part.
 */
type Step = {
	readonly index: number;
	readonly of: number;
};

export type Slide = SlideBody & {
	/** 0-based position in the deck. */
	readonly index: number;
	/** Source line of the slide's first line. */
	readonly line: number;
	readonly notes?: Notes;
	/** Set on the slides that are steps of one incremental slide; absent otherwise. */
	readonly step?: Step;
};

type Severity = 'notice' | 'warning' | 'error';

export type Diagnostic = {
	readonly severity: Severity;
	readonly line: number;
	readonly message: string;
	/** A stable code, e.g. `mojibake-repaired`, `unknown-class`. */
	readonly code: string;
	/** The file the line is in, when it is not the deck file itself (the Markdown a remark page loads). */
	readonly file?: string;
};

export type Repair = {
	/** The encoding the text had been mis-decoded as. */
	readonly encoding: 'macintosh' | 'windows-1252';
	/** How many multi-byte characters were restored. */
	readonly characters: number;
};

/**
 * The formats lectern reads: its own shorthand, remark.js decks (xaringan and
 * backslide too), the Markdown dialects of presenterm, patat (pandoc), mdp,
 * lookatme and slides, and plain Markdown (CommonMark slides split at
 * thematic breaks, or at headings when there are none).
 */
export const deckFormats = ['shorthand', 'remark', 'presenterm', 'patat', 'mdp', 'lookatme', 'slides', 'markdown'] as const;

export type DeckFormat = (typeof deckFormats)[number];

/** One sign of a format in a deck's text, file name or front matter. */
export type Evidence = {
	readonly format: DeckFormat;
	/** What was seen, e.g. "`$$terminal`", "front matter `patat:`". */
	readonly what: string;
	readonly line: number;
	/** How much it says: 1 a hint, 3 a sign, 10 proof. */
	readonly weight: number;
};

/** Why a deck was read in its format. */
export type Detection = {
	/** `option` when `--format` said so; `page` for the Markdown a remark page loads; else the format with the most evidence. */
	readonly by: 'option' | 'page' | 'evidence' | 'default';
	readonly evidence: readonly Evidence[];
	/** A second format with strong evidence too: the deck mixes conventions. */
	readonly mixed?: DeckFormat;
};

export type Deck = {
	/** The format the deck was read as. */
	readonly format: DeckFormat;
	readonly slides: readonly Slide[];
	readonly diagnostics: readonly Diagnostic[];
	readonly repair?: Repair;
	readonly detection?: Detection;
	/** An HTML page that loads its slides from another file (remark's `sourceUrl`, an XHR): that file, relative to the page. */
	readonly loads?: {readonly src: string; readonly line: number; readonly how: string};
};

export function assertNever(value: never): never {
	throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
