/**
 * Title and draft slides: the heading in big text, fitted to the area, with
 * subtitles and any body below it, all centered.
 */
import type {Block, Inline, Subtitle} from '../deck/model.js';
import {inlineText, splitAtBreaks} from '../deck/inline-tree.js';
import {graphemes} from '../text/graphemes.js';
import type {EmojiPainter} from './big-emoji.js';
import {bigTitleStyle, layoutBigTitle} from './big-text.js';
import type {TitleLine, TitlePiece} from './big-words.js';
import {centerBlock, centerEach} from './compose.js';
import type {Line, Size, Style} from '../frame/frame.js';
import {planBlocks, type BlockOptions} from './plan-blocks.js';
import {pinFootnotes, splitFootnotes} from './footnotes.js';
import {styledSegments} from './styled-text.js';
import {wrapLine} from '../text/wrap.js';
import {append} from '../frame/lists.js';

export type TitleOptions = BlockOptions & {
	readonly emoji?: EmojiPainter;
	/** A mark above the title (the draft badge). */
	readonly badge?: Line;
};

const subtitleStyles: Readonly<Record<number, Style>> = {2: {fg: 'accent', bold: true}, 3: {fg: 'muted'}};

export function planTitle(title: readonly Inline[], subtitles: readonly Subtitle[], body: readonly Block[], box: Size, options: TitleOptions): Line[] {
	const {flow, footnotes} = splitFootnotes(body);
	if (footnotes.length > 0) {
		const pinned = pinFootnotes(footnotes, box, options, rest => planTitle(title, subtitles, flow, rest, options));
		if (pinned) return pinned;
	}

	const below: Line[] = [];
	for (const subtitle of subtitles) {
		const style = subtitleStyles[subtitle.depth] ?? {};
		append(
			below,
			splitAtBreaks(subtitle.content).flatMap(line => wrapLine(styledSegments(line, style, options), box.columns)),
		);
	}

	let bodyLines = planBlocks(body, box.columns, options);
	const badge = options.badge ? [options.badge, []] : [];
	const fixedRows = () => badge.length + below.length + bodyLines.length + (below.length > 0 ? 1 : 0) + (bodyLines.length > 0 ? 1 : 0);
	if (fixedRows() > box.rows - 1) bodyLines = planBlocks(body, box.columns, {...options, compact: true});

	const titleRows = Math.max(1, box.rows - fixedRows());
	const heading = struck(title)
		? splitAtBreaks(title).flatMap(line => wrapLine(styledSegments(line, bigTitleStyle, options), box.columns))
		: layoutBigTitle(titleLines(title), {columns: box.columns, rows: titleRows}, options.emoji ? {emoji: options.emoji} : {}).lines;
	const lines: Line[] = centerEach([...badge, ...heading], box.columns);
	if (below.length > 0) lines.push([], ...centerEach(below, box.columns));
	// The body (a footer logo, a draft's text) reads as a block, left-aligned.
	if (bodyLines.length > 0) lines.push([], ...centerBlock(bodyLines, box.columns));

	return lines;
}

/**
 * Whether part of the title is struck out (`Welcome to ~~PowerPoint~~ the terminal`). FIGlet
 * letters cannot be struck, and without the line the title says the opposite: such a title
 * is drawn as bold text, its styles kept.
 */
export function struck(inlines: readonly Inline[]): boolean {
	return inlines.some(inline => inline.type === 'strike' || ('children' in inline && struck(inline.children)));
}

const emojiPattern = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** Title inline content as lines of text and emoji pieces for big text. */
function titleLines(title: readonly Inline[]): TitleLine[] {
	const lines = splitAtBreaks(title).map(line => titlePieces(line));
	while (lines.length > 0 && lines[0]!.every(piece => piece.type === 'text' && piece.text.trim() === '')) lines.shift();
	while (lines.length > 0 && lines.at(-1)!.every(piece => piece.type === 'text' && piece.text.trim() === '')) lines.pop();
	return lines;
}

function titlePieces(line: readonly Inline[]): TitlePiece[] {
	const pieces: TitlePiece[] = [];
	for (const cluster of graphemes(inlineText(line))) {
		if (emojiPattern.test(cluster)) {
			pieces.push({type: 'emoji', cluster});
			continue;
		}

		const last = pieces.at(-1);
		if (last?.type === 'text') pieces[pieces.length - 1] = {type: 'text', text: last.text + cluster};
		else pieces.push({type: 'text', text: cluster});
	}

	return pieces;
}
