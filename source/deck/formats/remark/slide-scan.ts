/**
 * Where a remark deck's slides are, from one walk of the lexer (lexer.ts
 * `walk`) that keeps no tokens: each slide's separator, whether it is a `--`
 * step, and whether its properties drop it (`exclude: true`) or make it a
 * layout (`layout: true`), which is all the slide count needs; the deck's
 * link definitions; and the tokens of its first slides, as `lex` gives them,
 * for the opening (opening.ts). Pure.
 *
 * A slide's properties are read off its first piece of text (parser.ts):
 * the text up to its first content class, macro or `???`, without its link
 * definitions. Only a slide whose first text may have properties (a `key:`
 * line at its top, a comment, a definition) has that text made and read.
 */
import {TokenList, type LexSink, type LexToken} from './lexer.js';
import {propertiesOf, type LinkDefinition} from './parser.js';

export type ScannedSlide = {
	/** Where the separator before it was matched (the slide before ends there); 0 for the first. */
	readonly cut: number;
	/** The start of its separator's line (0 for the first): the parser's slide line is the one after it. */
	readonly separator: number;
	/** Started by `--`. */
	readonly continued: boolean;
	/** `exclude: true`: not in the deck. */
	readonly excluded: boolean;
	/** `layout: true`: the layout of the slides after it, not shown. */
	readonly layout: boolean;
};

/** Whether tokens are still kept after this slide, told as each slide's properties are known. */
type Keep = (slide: ScannedSlide) => boolean;

/** A property line at the top of a text (parser.ts): `key:` after blank lines. */
const topProperty = /\n*[-\w]+:/y;

export class SlideScan implements LexSink {
	/** The slides whose properties are known, in order. */
	readonly slides: ScannedSlide[] = [];
	readonly links = new Map<string, LinkDefinition>();
	/** The tokens of the slides before `keptEnd`. */
	readonly tokens: TokenList;
	/** Where the kept tokens end: the text's length while all are kept. */
	keptEnd: number;
	/** How many slides (of `slides`) the kept tokens hold. */
	keptSlides = Number.POSITIVE_INFINITY;
	/** Set at the first slide separator after the kept tokens when `stopping`: the walk stops there; `finishPlain` or another walk (`resume`) goes on. */
	stopped = false;
	private keeping = true;
	/** The slide being walked: where its separator was matched, its line's start, where its text starts. */
	private cut = 0;
	private separator = 0;
	private from = 0;
	private continued = false;
	/** Whether its first piece of text goes on. */
	private open = true;
	/** Ranges of that text that are not in it (definitions, the `\` of `\.class[`), as start, end pairs. */
	private holes: number[] = [];
	private definitions = false;
	private tokensBefore = 0;
	/** Where `<!--` is next found (the length when it is not), from the last place searched. */
	private comment = -1;

	/** `stopping`: stop the walk once no more tokens are kept, at the next slide separator (see `stopped`). */
	constructor(
		private readonly source: string,
		private readonly keep: Keep,
		private stopping = false,
	) {
		this.tokens = new TokenList(source);
		this.keptEnd = source.length;
	}

	text(start: number, end: number): void {
		if (this.keeping) this.tokens.text(start, end);
	}

	token(token: LexToken, at: number, end: number, depth: number): void {
		if (depth === 0) {
			switch (token.type) {
				case 'separator': {
					this.close(at);
					this.cut = at;
					this.separator = token.at;
					this.from = end;
					this.continued = token.text === '--';
					this.open = true;
					this.tokensBefore = this.tokens.list.length;
					this.stopped = this.stopping && !this.keeping;
					break;
				}

				case 'content_start':
				case 'macro':
				case 'notes_separator': {
					this.close(at);
					break;
				}

				case 'def': {
					if (this.open) this.holes.push(at, end);
					this.definitions ||= this.open;
					break;
				}

				case 'text': {
					if (this.open && token.text.length < end - at) this.holes.push(at, end - token.text.length);
					break;
				}

				default:
			}
		}

		if (token.type === 'def') this.links.set(token.id, {href: token.href, ...(token.title === undefined ? {} : {title: token.title})});
		if (this.keeping) this.tokens.token(token);
	}

	/** After the walk: the last slide's properties. */
	finish(): void {
		this.close(this.source.length);
	}

	/** Where the slide being walked starts: where a stopped walk goes on. */
	get resumeAt(): number {
		return this.from;
	}

	/** A walk that stopped goes on to the end (`walk` from `resumeAt`). */
	resume(): void {
		this.stopped = false;
		this.stopping = false;
	}

	/** After a stopped walk, when the rest is plain (plain-slides.ts): the slide it stopped in has no properties that count. */
	finishPlain(): void {
		if (this.open) this.record(false, false);
	}

	/** The slide's first piece of text ends at `stop`: its properties are known. */
	private close(stop: number): void {
		if (!this.open) return;
		const properties = this.definitions || this.mayHaveProperties(stop) ? propertiesOf(this.firstText(stop)) : undefined;
		if (this.holes.length > 0) this.holes = [];
		this.definitions = false;
		this.record((properties?.get('exclude') ?? '').toLowerCase() === 'true', properties?.get('layout') === 'true');
	}

	private record(excluded: boolean, layout: boolean): void {
		this.open = false;
		const slide: ScannedSlide = {cut: this.cut, separator: this.separator, continued: this.continued, excluded, layout};
		this.slides.push(slide);
		if (this.keep(slide) || !this.keeping) return;
		this.keeping = false;
		this.tokens.list.length = this.tokensBefore;
		this.keptEnd = this.cut;
		this.keptSlides = this.slides.length - 1;
	}

	/**
	 * Whether the slide's first text, from its start to `stop`, may have
	 * properties: a property line at its top, or a comment in it (one removed
	 * may join the text around it). Its raw text is looked at: a definition
	 * is read either way, and no `\` that is not in the text can make either.
	 */
	private mayHaveProperties(stop: number): boolean {
		topProperty.lastIndex = this.from;
		if (topProperty.test(this.source) && topProperty.lastIndex <= stop) return true;
		if (this.comment < this.from) {
			const at = this.source.indexOf('<!--', this.from);
			this.comment = at === -1 ? this.source.length : at;
		}

		return this.comment + 4 <= stop;
	}

	/** The slide's first piece of text: its raw text to `stop` without the holes. */
	private firstText(stop: number): string {
		let text = '';
		let at = this.from;
		for (let index = 0; index < this.holes.length; index += 2) {
			text += this.source.slice(at, this.holes[index]);
			at = this.holes[index + 1]!;
		}

		return text + this.source.slice(at, stop);
	}
}
