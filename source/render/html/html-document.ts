/**
 * An exported deck as one self-contained HTML file: the slides drawn from the
 * player's frames (html-lines.ts), each with its status bar and notes, the
 * styles (html-style.ts), the script (html-client.ts) and the typing
 * animations as data. Nothing is loaded from anywhere: the font and pixel
 * pictures are `data:` URLs. Pure: the caller writes the text out.
 */
import type {Line} from '../../frame/frame.js';
import {keymap, type Command} from '../../navigation/keymap.js';
import type {Palette} from '../palette.js';
import {clientScript} from './html-client.js';
import {escapeHtml, picturesHtml, rowHtml, rowsHtml, StyleSheet} from './html-lines.js';
import {documentCss} from './html-style.js';
import {pixelLayer} from './pixel-layer.js';

export type HtmlSlide = {
	/** 1-based, as the player counts (`#slide-N`). */
	readonly number: number;
	readonly title: string;
	/** The slide area's lines, final state. */
	readonly lines: readonly Line[];
	readonly status: Line;
	readonly notes: readonly Line[];
	/** Views of the slide area while it types (see `typingOf`), if it does. */
	readonly typing?: {readonly frames: ReadonlyArray<{readonly at: number; readonly lines: readonly Line[]}>; readonly duration: number};
};

export type HtmlInput = {
	readonly title: string;
	/** How many slides the deck has. */
	readonly count: number;
	readonly columns: number;
	readonly rows: number;
	readonly notesColumns: number;
	readonly palette: Palette;
	/** The monospace font (a WOFF file), embedded. */
	readonly font?: Uint8Array;
	readonly generator: string;
};

/** The commands a web page answers to (searching is the browser's own), with what they do there. */
const pageCommands: ReadonlyArray<readonly [Command, string | undefined]> = [
	['next', 'next slide (finishes the typing first); also a click or tap on the right, or a swipe left'],
	['previous', 'previous slide; also a click or tap on the left third, or a swipe right'],
	['first', undefined],
	['last', undefined],
	['overview', 'overview of all slides: click one to open it'],
	['blackout', 'black screen (any key returns)'],
	['presenter', 'presenter view: notes, next slide, timers'],
	['resetTimer', 'restart the talk timer'],
	['help', undefined],
	['quit', 'close the help, the overview or the black screen'],
];

/** Key names of the keymap a page can be sent (no Ctrl-C or q: a page cannot quit). */
function pageKeys(): Record<string, readonly string[]> {
	const keys: Record<string, readonly string[]> = {};
	for (const [command] of pageCommands) {
		const binding = keymap.find(candidate => candidate.command === command);
		if (binding) keys[command] = binding.keys.filter(key => key !== 'ctrl+c' && !(command === 'quit' && key === 'q'));
	}

	return keys;
}

function helpHtml(): string {
	const shown = (key: string) =>
		({
			right: '→',
			left: '←',
			up: '↑',
			down: '↓',
			space: 'Space',
			pagedown: 'PgDn',
			pageup: 'PgUp',
			enter: 'Enter',
			backspace: 'Backspace',
			home: 'Home',
			end: 'End',
			escape: 'Esc',
		})[key] ?? key;
	const rows = pageCommands.map(([command, description]) => {
		const binding = keymap.find(candidate => candidate.command === command)!;
		const commandKeys = pageKeys()[command]!;
		const keys = commandKeys.map(key => shown(key)).join(' ');
		return `<tr><td>${escapeHtml(keys)}</td><td>${escapeHtml(description ?? binding.description)}</td></tr>`;
	});
	rows.push('<tr><td>12 Enter</td><td>go to slide 12</td></tr>');
	return `<h2>Keys</h2><table>${rows.join('')}</table><p>Links to a slide: add <code>#slide-12</code> to the address.</p>`;
}

/** JSON that is safe inside a `<script>` element. */
function scriptJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/** The document; `slides` may be made lazily (a long deck reports progress as they come). */
export function htmlDocument(input: HtmlInput, slides: Iterable<HtmlSlide>): string {
	const sheet = new StyleSheet(input.palette);
	const body: string[] = [];
	const typing: Record<string, unknown> = {};
	let position = 0;
	for (const slide of slides) {
		// Rows that change while the slide types are drawn with their pixels in spans, not in the picture under them.
		const pixels = slide.typing ? 'spans' : 'layer';
		const layer = pixels === 'layer' ? pixelLayer(slide.lines, input.columns, input.palette) : undefined;
		const screenStyle = layer ? ` style="background-image:url(${layer})"` : '';
		const label = `${slide.number}/${input.count}${slide.title ? ` ${slide.title}` : ''}`;
		const notes =
			slide.notes.length > 0 ? `<aside class="notes" aria-label="Notes"><h2>Notes</h2>${rowsHtml(slide.notes, sheet, {pixels: 'spans'})}</aside>` : '';
		body.push(
			`<section class="slide" id="slide-${slide.number}" data-number="${slide.number}" aria-label="Slide ${escapeHtml(label)}">` +
				`<div class="label">${escapeHtml(label)}</div>` +
				`<div class="frame"><div class="screen"${screenStyle}>${rowsHtml(slide.lines, sheet, {pixels})}${picturesHtml(slide.lines)}</div>` +
				`<div class="status r">${rowHtml(slide.status, sheet, {pixels: 'spans'})}</div></div>${notes}</section>\n`,
		);
		if (slide.typing) typing[String(position)] = typingData(slide.lines, slide.typing, sheet);
		position++;
	}

	const data = {title: input.title, count: input.count, keys: pageKeys(), typing};
	const head = `<!DOCTYPE html>
<html lang="en" class="nojs">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(input.generator)}">
<title>${escapeHtml(input.title)}</title>
<style>
${documentCss({palette: input.palette, columns: input.columns, rows: input.rows, notesColumns: input.notesColumns, ...(input.font ? {font: input.font} : {})})}
${sheet.css()}
</style>
</head>
<body>
<main id="deck">
`;
	const tail = `<div id="timer" aria-live="off"></div>
</main>
<div id="help" class="overlay" role="dialog" aria-label="Keys" hidden>${helpHtml()}</div>
<div id="blackout" class="overlay" hidden></div>
<div id="jump" class="overlay" aria-live="polite" hidden></div>
<script type="application/json" id="lectern-data">${scriptJson(data)}</script>
<script>${clientScript}</script>
</body>
</html>
`;
	return head + body.join('') + tail;
}

/**
 * A typing animation as row changes: the first step from the final frame
 * (what the page holds), each later one from the step before.
 */
function typingData(final: readonly Line[], typing: NonNullable<HtmlSlide['typing']>, sheet: StyleSheet) {
	const render = (lines: readonly Line[]) => lines.map(line => rowHtml(line, sheet, {pixels: 'spans'}));
	let previous = render(final);
	const steps = typing.frames.map(frame => {
		const rows = render(frame.lines);
		const changed: Array<[number, string]> = [];
		rows.forEach((row, index) => {
			if (row !== previous[index]) changed.push([index, row]);
		});
		previous = rows;
		return {at: frame.at, rows: changed};
	});
	return {duration: typing.duration, steps};
}
