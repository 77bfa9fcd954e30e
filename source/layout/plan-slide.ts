/**
 * The one layout entry point: (deck, slide, size) -> frame. The player and
 * `print` both draw what this returns.
 */
import type {CodeOutput} from './plan-code.js';
import {assertNever, type Block, type Slide} from '../deck/model.js';
import type {EmojiPainter} from './big-emoji.js';
import {centerBlock, contentBox, fitRows, placeInArea} from './compose.js';
import {lineWidth} from '../text/wrap.js';
import {largest} from '../frame/lists.js';
import type {Frame, Line, Size} from '../frame/frame.js';
import {isCut, planBlocks, slideLineCap, type BlockOptions} from './plan-blocks.js';
import {planEmoji} from './plan-emoji.js';
import {planImage, type PictureSource} from './plan-image.js';
import {inlinePictureRows} from './plan-inline-image.js';
import {planTerminal, type TerminalView} from './plan-terminal.js';
import {planTitle} from './plan-title.js';
import {pinFootnotes, splitFootnotes} from './footnotes.js';

export type LayoutOptions = {
	/** Show link URLs as text (no clickable hyperlinks, or `print`). */
	readonly showUrls: boolean;
	/** With `showUrls`: a caption's link as its host or a short URL, dimmed (the player's screen). */
	readonly shortCaptionUrls?: boolean;
	/** Draws emoji big; without it emoji slides show the emoji themselves. */
	readonly emoji?: EmojiPainter;
	/** The state of a terminal slide's animation; absent means its final state. */
	readonly terminal?: TerminalView;
	/** Draws image slides' pictures (an ImageStore's `picture`, or `pictureSync` for print); without it images show as alt text. */
	readonly pictures?: PictureSource;
	/** What live code blocks printed, by the block's source line (see source/code/run-code.ts). */
	readonly codeOutput?: CodeOutput;
};

const draftBadge: Line = [{text: ' DRAFT ', style: {fg: 'draft', inverse: true, bold: true}}];

/**
 * Frames laid out before, per deck (a reloaded deck is a new array): going back
 * to a slide, or to one laid out ahead of time while the presenter talks, costs
 * a lookup instead of a layout. Slides with pictures are not kept (their
 * pictures arrive later).
 */
const laidOut = new WeakMap<readonly Slide[], Map<string, Frame>>();
const laidOutLimit = 64;

export function planSlide(slides: readonly Slide[], index: number, size: Size, options: LayoutOptions): Frame {
	const slide = slides[index];
	const key = slide && !hasPictures(slide) ? frameKey(slide, size, options) : undefined;
	if (key === undefined) return layOut(slides, index, size, options);
	let frames = laidOut.get(slides);
	if (!frames) {
		frames = new Map();
		laidOut.set(slides, frames);
	}

	let frame = frames.get(key);
	if (frame) {
		// Most recently used last, so the oldest is the one dropped.
		frames.delete(key);
	} else {
		frame = layOut(slides, index, size, options);
		if (frames.size >= laidOutLimit) frames.delete(frames.keys().next().value!);
	}

	frames.set(key, frame);
	return frame;
}

/** Image slides and slides with a picture among their blocks: their pictures arrive later, so their frames are not kept. */
export function hasPictures(slide: Slide): boolean {
	if (slide.kind === 'image') return true;
	const body = slide.kind === 'title' || slide.kind === 'draft' || slide.kind === 'text' ? slide.body : slide.kind === 'terminal' ? (slide.before ?? []) : [];
	return body.some(block => block.type === 'image');
}

const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;
const idOf = (value: object | undefined) => {
	if (value === undefined) return 0;
	let id = objectIds.get(value);
	if (id === undefined) {
		id = ++lastObjectId;
		objectIds.set(value, id);
	}

	return id;
};

/** Everything a slide's frame depends on besides the slide: its size and every layout option. */
function frameKey(slide: Slide, size: Size, options: LayoutOptions): string {
	const {showUrls, shortCaptionUrls, emoji, terminal, pictures, codeOutput, ...rest} = options;
	rest satisfies Record<string, never>; // A new layout option must be added to the key.
	const view = slide.kind === 'terminal' && terminal ? `${terminal.cursorOn}:${terminal.visibleLines ?? ''}:${terminal.partialChars ?? ''}` : '';
	return `${slide.index}|${size.columns}x${size.rows}|${showUrls}${shortCaptionUrls === true ? ':short' : ''}|${idOf(emoji)}|${idOf(pictures)}|${idOf(codeOutput)}|${view}`;
}

function layOut(slides: readonly Slide[], index: number, size: Size, options: LayoutOptions): Frame {
	const slide = slides[index];
	const box = contentBox(size);
	const content = slide ? planContent(slides, slide, box, options) : [];
	const overflow = Math.max(0, content.length - box.rows);
	const lines = placeInArea(fitRows(content, box.rows, box.columns), size, box);
	return {width: size.columns, height: size.rows, lines, ...(overflow > 0 ? {overflow: overflow + 1} : {}), ...(isCut(content) ? {cut: slideLineCap} : {})};
}

function planContent(slides: readonly Slide[], slide: Slide, box: Size, layout: LayoutOptions): Line[] {
	const options = {...layout, inlineImageRows: inlinePictureRows(box.rows)};
	switch (slide.kind) {
		case 'title': {
			return planTitle(slide.title, slide.subtitles, slide.body, box, options);
		}

		case 'draft': {
			return planTitle(slide.title, [], slide.body, box, {...options, badge: draftBadge});
		}

		case 'emoji': {
			return planEmoji(slide.rows, box, options.emoji);
		}

		case 'image': {
			return planImage(slide.image, slide.body, box, options, slide.before);
		}

		case 'terminal': {
			return planTerminal(slides, slide.index, box, layout.terminal ?? {cursorOn: true});
		}

		case 'text': {
			const last = lastStep(slides, slide);
			return planText(slide.body, box, options, last?.kind === 'text' ? last.body : undefined);
		}

		case 'blank': {
			return [];
		}

		default: {
			return assertNever(slide);
		}
	}
}

/**
 * A text slide's lines. `last`: the body of the last step when the slide is an earlier
 * step of an incremental slide; the step is laid out in that step's frame (its width and
 * height), so what shows does not move as the later parts come in.
 */
function planText(body: readonly Block[], box: Size, options: BlockOptions, last?: readonly Block[]): Line[] {
	const {flow, footnotes} = splitFootnotes(body);
	if (footnotes.length > 0) {
		const lastFlow = last && splitFootnotes(last).flow;
		const pinned = pinFootnotes(footnotes, box, options, rest => planFlow(flow, rest, options, lastFlow));
		if (pinned) return pinned;
	}

	return planFlow(body, box, options, last);
}

function planFlow(body: readonly Block[], box: Size, options: BlockOptions, last?: readonly Block[]): Line[] {
	const full = last ? planBlocks(last, box.columns, options) : undefined;
	const compact = (full ?? planBlocks(body, box.columns, options)).length > box.rows;
	const blockOptions = compact ? {...options, compact: true} : options;
	const lines = planBlocks(body, box.columns, blockOptions);
	if (!last) return centerBlock(lines, box.columns);
	const frame = compact ? planBlocks(last, box.columns, blockOptions) : full!;
	const width = Math.max(blockWidth(lines), blockWidth(frame));
	return [...centerBlock(lines, box.columns, width), ...Array.from({length: Math.max(0, frame.length - lines.length)}, (): Line => [])];
}

function blockWidth(lines: readonly Line[]): number {
	return largest(
		lines.map(line => lineWidth(line)),
		0,
	);
}

/** The last step of the incremental slide `slide` is an earlier step of; undefined for any other slide. */
function lastStep(slides: readonly Slide[], slide: Slide): Slide | undefined {
	if (!slide.step || slide.step.index >= slide.step.of) return undefined;
	const last = slides[slide.index + slide.step.of - slide.step.index];
	return last?.step?.index === slide.step.of && last.step.of === slide.step.of ? last : undefined;
}
