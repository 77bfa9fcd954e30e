/**
 * The stylesheet of an exported HTML deck. Every slide is a grid of
 * `columns` x `rows` cells: a cell is 1ch wide and as tall as the font's own
 * line (ascent plus descent), so box drawing joins up as in a terminal. The
 * font size is worked out by CSS alone from the window (or the page, when
 * printing), for each view: one slide, presenter, overview, no script.
 */
import type {Palette} from '../palette.js';

/** DejaVu Sans Mono's advance width and line height, in em (1233 and 1901 + 483 of 2048 units). */
const cellWidthEm = 1233 / 2048;
const cellHeightEm = 2384 / 2048;

export type StyleInput = {
	readonly palette: Palette;
	/** The slide area's size in cells (the status bar is one more row). */
	readonly columns: number;
	readonly rows: number;
	/** Columns the notes are laid out at. */
	readonly notesColumns: number;
	/** The embedded font (WOFF), if any. */
	readonly font?: Uint8Array;
};

/** A printed page (A4 landscape less 10 mm margins), in millimetres. */
const printable = {width: 277, height: 190};

export function documentCss({palette, columns, rows, notesColumns, font}: StyleInput): string {
	const fit = (width: string, height: string, cols = columns, lines = rows + 1) =>
		`min(calc(${width} / ${(cols * cellWidthEm).toFixed(4)}), calc(${height} / ${(lines * cellHeightEm).toFixed(4)}))`;
	const printSize = Math.min(printable.width / (columns * cellWidthEm), printable.height / ((rows + 1) * cellHeightEm));
	return [
		font
			? `@font-face{font-family:"Lectern Mono";src:url(data:font/woff;base64,${Buffer.from(font).toString('base64')}) format("woff");font-weight:400;font-style:normal}`
			: '',
		`:root{--bg:${palette.background};--fg:${palette.foreground};--muted:${palette.colours.muted};--accent:${palette.colours.accent};--lh:${cellHeightEm.toFixed(5)}em;color-scheme:dark}`,
		'*{box-sizing:border-box}',
		'html,body{margin:0;padding:0;background:var(--bg);color:var(--fg)}',
		'body{font-family:"Lectern Mono","DejaVu Sans Mono",Menlo,Consolas,"Liberation Mono",monospace;font-variant-ligatures:none;-webkit-text-size-adjust:none;text-size-adjust:none}',
		`.screen{position:relative;width:${columns}ch;height:calc(${rows} * var(--lh));background-size:100% 100%;background-repeat:no-repeat;image-rendering:pixelated;image-rendering:crisp-edges;overflow:hidden}`,
		'.r{height:var(--lh);line-height:var(--lh);white-space:pre}',
		'.r>*{display:inline-block;vertical-align:top;height:100%;overflow:visible}',
		'.w{text-align:center}',
		'.pic{position:absolute;display:block;image-rendering:auto}',
		'.r a{color:inherit;text-decoration:underline;text-underline-offset:.15em}',
		'.r a:focus-visible{outline:2px solid var(--accent)}',
		`.status{width:${columns}ch}`,
		`.notes{width:${notesColumns}ch;margin-top:1em}`,
		'.notes:empty{display:none}',
		'.notes h2{margin:0 0 .3em;font:inherit;color:var(--muted)}',
		'#deck{margin:0 auto}',
		// Without the script: every slide, one under the other, as wide as the window.
		`.nojs #deck{font-size:calc(96vw / ${(columns * cellWidthEm).toFixed(4)})}`,
		'.nojs .slide{margin:2vw auto;width:max-content}',
		'.nojs .notes{font-size:.8em}',
		'.nojs .overlay{display:none}',
		// One slide at a time, as large as the window takes it.
		'.js body{overflow:hidden}',
		`.js #deck{position:fixed;inset:0;display:flex;align-items:center;justify-content:center;font-size:${fit('100vw', '100vh')}}`,
		'.js .slide{display:none}',
		'.js .slide.current{display:block}',
		'.js .notes,.js .slide>.label{display:none}',
		'.typing{cursor:progress}',
		// Presenter: the slide on the left; the next one, the notes and the clocks on the right.
		`.presenter #deck{display:grid;grid-template-columns:60vw 36vw;grid-template-rows:auto auto 1fr;gap:2vh 2vw;align-items:start;align-content:start;justify-content:center;padding:3vh 1vw;font-size:${fit('60vw', '90vh')}}`,
		'.presenter .slide.current{display:contents}',
		'.presenter .slide.current>.frame{grid-column:1;grid-row:1 / span 3}',
		'.presenter .screen{outline:1px solid var(--muted)}',
		`.presenter .slide.next{display:block;grid-column:2;grid-row:1;font-size:${fit('36vw', '36vh')};opacity:.75}`,
		'.presenter .slide.next>.label{display:block;color:var(--muted);font-size:max(12px,1.8vh);margin-bottom:.5vh}',
		'.presenter .slide.next>.notes,.presenter .slide.next>.frame>.status{display:none}',
		'#timer{display:none}',
		'.presenter #timer{display:block;grid-column:2;grid-row:2;color:var(--accent);font-size:max(14px,2.6vh)}',
		`.presenter .slide.current>.notes{display:block;grid-column:2;grid-row:3;overflow:auto;max-height:52vh;margin:0;font-size:${fit('36vw', '1000vh', notesColumns)}}`,
		// Overview: every slide small, in a grid; a click opens one.
		'.overview body{overflow:auto}',
		`.overview #deck{position:static;display:grid;grid-template-columns:repeat(auto-fill,minmax(23vw,1fr));gap:1vw;padding:1vw;font-size:calc(22vw / ${(columns * cellWidthEm).toFixed(4)})}`,
		'.overview .slide,.overview .slide.next{display:block;cursor:pointer;opacity:1;outline:1px solid var(--muted)}',
		'.overview .slide.current{outline:3px solid var(--accent)}',
		'.overview .slide>.label{display:block;color:var(--muted);font-size:1.4vw}',
		'.overview .notes{display:none}',
		'.overlay{position:fixed;z-index:2}',
		'.overlay[hidden]{display:none}',
		'#blackout{inset:0;background:#000;cursor:none}',
		'#help{inset:10vh 15vw auto;background:var(--bg);border:1px solid var(--muted);padding:1.5em 2em;font-size:max(14px,1.8vh);max-height:80vh;overflow:auto}',
		'#help table{border-collapse:collapse}#help td{padding:.2em 1em .2em 0;vertical-align:top}#help td:first-child{color:var(--accent);white-space:nowrap}',
		'#jump{right:2vw;top:1vh;color:var(--accent);font-size:3vh}',
		'@media (prefers-reduced-motion: reduce){.typing{cursor:auto}}',
		// Printing: one slide a page, in its colours.
		`@media print{@page{size:A4 landscape;margin:10mm}html,body{-webkit-print-color-adjust:exact;print-color-adjust:exact;overflow:visible!important}#deck,.js #deck,.presenter #deck,.overview #deck{position:static;display:block;padding:0;font-size:${printSize.toFixed(3)}mm}.slide,.js .slide,.presenter .slide.current,.overview .slide{display:block!important;break-after:page;margin:0 auto;width:max-content;outline:none;opacity:1}.slide:last-child{break-after:auto}.notes,.label,.overlay,#timer{display:none!important}}`,
	]
		.filter(Boolean)
		.join('\n');
}
