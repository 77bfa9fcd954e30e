/**
 * `lectern print`: every slide's final state as it would look on a screen of
 * the given size, drawn by the same layout code as the player.
 */
import type {Deck} from '../deck/model.js';
import type {Size} from '../frame/frame.js';
import {planBlocks} from '../layout/plan-blocks.js';
import {emojiPainterFor} from '../emoji/index.js';
import type {PictureSource} from '../layout/plan-image.js';
import {slideArea} from '../layout/plan-screen.js';
import {planSlide} from '../layout/plan-slide.js';
import {clipLine, trimLineEnd} from '../text/wrap.js';
import {renderLine, type AnsiOptions} from '../render/ansi.js';

export type PrintOptions = {
	readonly size: Size;
	readonly notes: boolean;
	readonly ansi: AnsiOptions;
	/** Pictures for image slides; without it, images are alt text. */
	readonly pictures?: PictureSource;
};

export function* printDeck(deck: Deck, options: PrintOptions): Generator<string> {
	const area = slideArea(options.size);
	const total = deck.slides.length;
	const emoji = emojiPainterFor(options.ansi.level);
	const layout = {
		showUrls: true,
		...(emoji ? {emoji} : {}),
		...(options.pictures ? {pictures: options.pictures} : {}),
	};
	for (const slide of deck.slides) {
		yield `-- slide ${slide.index + 1}/${total} --`;
		const frame = planSlide(deck.slides, slide.index, area, layout);
		const lines = frame.lines.map(line => renderLine(trimLineEnd(line, options.ansi.level === 0), options.ansi));
		while (lines.length > 0 && lines.at(-1) === '') lines.pop();
		yield* lines;
		if (options.notes && slide.notes) {
			yield '';
			yield renderLine([{text: 'Notes:', style: {fg: 'muted', bold: true}}], options.ansi);
			for (const line of planBlocks(slide.notes.blocks, area.columns, {showUrls: true})) {
				yield renderLine(trimLineEnd(clipLine(line, area.columns), options.ansi.level === 0), options.ansi);
			}
		}
	}
}
