/**
 * Lines of a frame as HTML rows: one `<div class="r">` per row, each run of
 * cells a span exactly as many `ch` wide as it has cells (see cells.ts), so
 * the grid holds whatever font draws it. Styles become classes of a sheet
 * shared by the whole document; links are `<a>`. Pixel cells are drawn by a
 * picture under the text (pixel-layer.ts), or, on slides whose rows change
 * while they type, as backgrounds of their own spans.
 */
import type {Line, Style} from '../../frame/frame.js';
import {cellColours, type Palette} from '../palette.js';
import {lineRuns, scanLineBand, scanLineLevel, type CellRun} from '../cells.js';

/** Every distinct look of the document as one CSS class. */
export class StyleSheet {
	private readonly classes = new Map<string, string>();
	private readonly rules: string[] = [];

	constructor(private readonly palette: Palette) {}

	/** The class of a style ('' for plain text), made on first use. */
	classOf(style: Style | undefined): string {
		if (!style) return '';
		const {fg, bg} = cellColours(style, this.palette);
		const declarations = [
			fg === this.palette.foreground ? '' : `color:${fg}`,
			bg === undefined ? '' : `background:${bg}`,
			style.bold ? 'font-weight:700' : '',
			style.italic ? 'font-style:italic' : '',
			style.underline || style.strike
				? `text-decoration:${[style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean).join(' ')}`
				: '',
		].filter(Boolean);
		if (declarations.length === 0) return '';
		const rule = declarations.join(';');
		let name = this.classes.get(rule);
		if (!name) {
			name = `s${this.classes.size.toString(36)}`;
			this.classes.set(rule, name);
			this.rules.push(`.${name}{${rule}}`);
		}

		return name;
	}

	/** The background a pixel cell's span gets (`pixels: 'spans'`): its quarters in text colour over its background. */
	pixelBackground(mask: number, style: Style | undefined): string | undefined {
		const {fg, bg} = cellColours(style, this.palette);
		const back = bg ?? 'transparent';
		switch (mask) {
			case 0b1111: {
				return fg;
			}

			case 0b1100: {
				return `linear-gradient(${fg} 50%,${back} 50%)`;
			}

			case 0b0011: {
				return `linear-gradient(${back} 50%,${fg} 50%)`;
			}

			case 0b1010: {
				return `linear-gradient(90deg,${fg} 50%,${back} 50%)`;
			}

			case 0b0101: {
				return `linear-gradient(90deg,${back} 50%,${fg} 50%)`;
			}

			default: {
				return undefined;
			}
		}
	}

	/** A scan line drawn as the span's background (the character stays, unseen, for copying). */
	scanLine(level: number, style: Style | undefined): string {
		const {fg} = cellColours(style, this.palette);
		const {top, bottom} = scanLineBand(level);
		const at = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
		return `;color:transparent;background:linear-gradient(transparent ${at(top)},${fg} ${at(top)},${fg} ${at(bottom)},transparent ${at(bottom)})`;
	}

	css(): string {
		return this.rules.join('\n');
	}
}

export type RowOptions = {
	/** Pixel cells left blank for the picture layer under the rows, or drawn as span backgrounds. */
	readonly pixels: 'layer' | 'spans';
};

const escapes: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, character => escapes[character]!);
}

/** A row's inner HTML. */
export function rowHtml(line: Line, sheet: StyleSheet, options: RowOptions): string {
	let html = '';
	let gap = 0;
	for (const run of lineRuns(line)) {
		const drawn = runHtml(run, sheet, options);
		if (typeof drawn === 'number') {
			gap += drawn;
			continue;
		}

		if (gap > 0) html += blank(gap);
		gap = 0;
		html += drawn;
	}

	// Blank cells at the end of a row need nothing at all.
	return html;
}

/** A whole frame's rows. */
export function rowsHtml(lines: readonly Line[], sheet: StyleSheet, options: RowOptions): string {
	return lines.map(line => `<div class="r">${rowHtml(line, sheet, options)}</div>`).join('');
}

/** A run's HTML, or the width of a run of blank cells (joined with its blank neighbours). */
function runHtml(run: CellRun, sheet: StyleSheet, options: RowOptions): string | number {
	switch (run.kind) {
		case 'text': {
			const className = sheet.classOf(run.style);
			// Plain text of the embedded font's ASCII is one cell a character as it is; blank cells need no characters.
			if (className === '' && !run.style?.link && /^[\x20-\x7e]*$/.test(run.text)) return run.text.trim() === '' ? run.width : escapeHtml(run.text);
			return cell(run.style, className, run.width, escapeHtml(run.text));
		}

		case 'cluster': {
			const level = scanLineLevel(run.text);
			if (level !== undefined) return cell(run.style, sheet.classOf(run.style), 1, escapeHtml(run.text), sheet.scanLine(level, run.style));
			return cell(run.style, `${sheet.classOf(run.style)} w`.trim(), run.width, escapeHtml(run.text));
		}

		case 'graphic': {
			return run.width;
		}

		case 'blocks': {
			if (options.pixels === 'layer') return run.style?.link ? cell(run.style, '', run.width, ' '.repeat(run.width)) : run.width;
			return run.masks
				.map(mask => {
					const background = sheet.pixelBackground(mask, run.style);
					// Quarter blocks keep their glyph: a span has one background.
					return background ? `<span style="background:${background}"> </span>` : cell(run.style, sheet.classOf(run.style), 1, escapeHtml(quarterGlyph(mask)));
				})
				.join('');
		}
	}
}

function cell(style: Style | undefined, className: string, width: number, content: string, extra = ''): string {
	const classes = className === '' ? '' : ` class="${className}"`;
	const sized = ` style="width:${width}ch${extra}"`;
	if (style?.link) return `<a href="${escapeHtml(style.link)}"${classes}${sized} rel="noopener noreferrer" target="_blank">${content}</a>`;
	return `<span${classes}${sized}>${content}</span>`;
}

/** Empty cells: a gap of their width. */
function blank(width: number): string {
	return `<span style="width:${width}ch"></span>`;
}

const quarterGlyphs = new Map<number, string>([
	[0b0010, '▖'],
	[0b0001, '▗'],
	[0b1000, '▘'],
	[0b0100, '▝'],
	[0b1011, '▙'],
	[0b1001, '▚'],
	[0b1110, '▛'],
	[0b1101, '▜'],
	[0b0110, '▞'],
	[0b0111, '▟'],
]);

function quarterGlyph(mask: number): string {
	return quarterGlyphs.get(mask) ?? ' ';
}

/**
 * Pictures over their cells (`graphic` runs), each once, where its first row
 * is: an `<img>` positioned in the screen's grid.
 */
export function picturesHtml(lines: readonly Line[]): string {
	const seen = new Set<string>();
	let html = '';
	lines.forEach((line, row) => {
		for (const run of lineRuns(line)) {
			if (run.kind !== 'graphic' || seen.has(run.graphic.key)) continue;
			seen.add(run.graphic.key);
			const {payload} = run.graphic;
			if (payload.format === 'rgba') continue;
			const source = `data:image/${payload.format};base64,${Buffer.from(payload.bytes).toString('base64')}`;
			const place = `left:${run.column}ch;top:calc(${row} * var(--lh));width:${run.width}ch;height:calc(${run.graphic.rows} * var(--lh))`;
			html += `<img class="pic" src="${source}" alt="" style="${place}">`;
		}
	});
	return html;
}
