/**
 * markdown-it's inline parser state, made cheaply. markdown-it 15 sets every
 * field of its state and of every token through a helper (`_defineProperty`)
 * that took half the time of parsing a short line, and a deck parses tens of
 * thousands of lines. This class has the same fields, set plainly; `push` and
 * `pushPending` are markdown-it's own, making tokens by plain assignment;
 * `scanDelims` (CommonMark's flanking rules) is markdown-it's, unchanged.
 */
import MarkdownIt from 'markdown-it';
import type {Delimiter, Env, StateInline, Token} from 'markdown-it';

const {StateInline: MarkdownState, Token: MarkdownToken} = MarkdownIt;

type Nesting = -1 | 0 | 1;

export class LineState implements StateInline {
	pos = 0;
	posMax: number;
	level = 0;
	pending = '';
	pendingLevel = 0;
	cache: Record<number, number> = {};
	backticks: Record<number, number> = {};
	backticksScanned = false;
	skipHtmlSpecial = false;
	linkLevel = 0;
	delimiters: Delimiter[] = [];
	_prev_delimiters: Delimiter[][] = [];
	tokens_meta: StateInline['tokens_meta'];
	Token = MarkdownToken;

	constructor(
		public src: string,
		public md: StateInline['md'],
		public env: Env,
		public tokens: Token[],
	) {
		this.tokens_meta = Array.from({length: tokens.length});
		this.posMax = src.length;
	}

	pushPending(): Token {
		const token = newToken('text', '', 0);
		token.content = this.pending;
		token.level = this.pendingLevel;
		this.tokens.push(token);
		this.pending = '';
		return token;
	}

	push(type: string, tag: string, nesting: Nesting): Token {
		if (this.pending) this.pushPending();
		const token = newToken(type, tag, nesting);
		let meta: {delimiters: Delimiter[]} | undefined;
		if (nesting < 0) {
			this.level--;
			this.delimiters = this._prev_delimiters.pop() ?? [];
		}

		token.level = this.level;
		if (nesting > 0) {
			this.level++;
			this._prev_delimiters.push(this.delimiters);
			this.delimiters = [];
			meta = {delimiters: this.delimiters};
		}

		this.pendingLevel = this.level;
		this.tokens.push(token);
		this.tokens_meta.push(meta);
		return token;
	}

	scanDelims(start: number, canSplitWord: boolean): ReturnType<StateInline['scanDelims']> {
		return MarkdownState.prototype.scanDelims.call(this, start, canSplitWord);
	}
}

/** A `text` token. */
export function textToken(content: string): Token {
	const token = newToken('text', '', 0);
	token.content = content;
	return token;
}

/** A markdown-it `Token` (its methods included), its fields set plainly. */
function newToken(type: string, tag: string, nesting: Nesting): Token {
	const token = Object.create(MarkdownToken.prototype) as Token;
	token.type = type;
	token.tag = tag;
	token.attrs = null;
	token.map = null;
	token.nesting = nesting;
	token.level = 0;
	token.children = null;
	token.content = '';
	token.markup = '';
	token.info = '';
	token.meta = null;
	token.block = false;
	token.hidden = false;
	return token;
}
