/**
 * The one layout entry point: (deck, slide, size) -> frame. The player and
 * `print` both draw what this returns.
 */
import {assertNever, type Slide} from '../deck/model.js';
import type {EmojiPainter} from './big-text.js';
import {centerBlock, contentBox, fitRows, placeInArea} from './compose.js';
import type {Frame, Line, Size} from './frame.js';
import {planBlocks} from './plan-blocks.js';
import {planEmoji} from './plan-emoji.js';
import {planImage, type PictureSource} from './plan-image.js';
import {planTerminal, type TerminalView} from './plan-terminal.js';
import {planTitle} from './plan-title.js';

export type LayoutOptions = {
	/** Show link URLs as text (no clickable hyperlinks, or `print`). */
	readonly showUrls: boolean;
	/** Draws emoji big; without it emoji slides show the emoji themselves. */
	readonly emoji?: EmojiPainter;
	/** The state of a terminal slide's animation; absent means its final state. */
	readonly terminal?: TerminalView;
	/** Draws image slides' pictures (an ImageStore's `picture`, or `pictureSync` for print); without it images show as alt text. */
	readonly pictures?: PictureSource;
};

const draftBadge: Line = [{text: ' DRAFT ', style: {fg: 'draft', inverse: true, bold: true}}];

export function planSlide(slides: readonly Slide[], index: number, size: Size, options: LayoutOptions): Frame {
	const slide = slides[index];
	const box = contentBox(size);
	const content = slide ? planContent(slides, slide, box, options) : [];
	const overflow = Math.max(0, content.length - box.rows);
	const lines = placeInArea(fitRows(content, box.rows, box.columns), size, box);
	return {width: size.columns, height: size.rows, lines, ...(overflow > 0 ? {overflow: overflow + 1} : {})};
}

function planContent(slides: readonly Slide[], slide: Slide, box: Size, options: LayoutOptions): Line[] {
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
			return planImage(slide.image, slide.body, box, options);
		}

		case 'terminal': {
			return planTerminal(slides, slide.index, box, options.terminal ?? {cursorOn: true});
		}

		case 'text': {
			let lines = planBlocks(slide.body, box.columns, options);
			if (lines.length > box.rows) lines = planBlocks(slide.body, box.columns, {...options, compact: true});
			return centerBlock(lines, box.columns);
		}

		case 'blank': {
			return [];
		}

		default: {
			return assertNever(slide);
		}
	}
}
