/**
 * An exported deck as a PDF: one page per slide, drawn from the player's
 * frames cell by cell, in vector text of an embedded monospace font (subset
 * to the characters used), backgrounds and pixel cells as filled rectangles,
 * links as link annotations. With notes, each page is a handout: the slide,
 * and under it the notes in dark text on white, continued on further pages
 * when they are long.
 *
 * The only file that imports the PDF library; loaded only by `export --to pdf`.
 */
import PDFDocument from 'pdfkit';
import {create as openFont, type Font} from 'fontkit';
import type {Line, Style} from '../../frame/frame.js';
import {lineRuns, scanLineBand, scanLineLevel, type CellRun} from '../cells.js';
import {cellColours, type Palette} from '../palette.js';
import {gridRects, pixelRows, type PixelGrid} from './pixel-rows.js';

type PdfFonts = {
	readonly regular: Uint8Array;
	readonly bold: Uint8Array;
	readonly italic: Uint8Array;
	readonly boldItalic: Uint8Array;
};

export type PdfInput = {
	readonly title: string;
	readonly columns: number;
	readonly rows: number;
	readonly palette: Palette;
	readonly fonts: PdfFonts;
	/** Columns the notes are laid out at (with notes). */
	readonly notesColumns: number;
	/** Handout pages with the notes under each slide. */
	readonly handout: boolean;
	/** An emoji's picture, for emoji the font has no glyph for (drawn as pixels). */
	readonly emoji?: (cluster: string) => PixelGrid | undefined;
	readonly creator: string;
};

export type PdfPage = {
	readonly lines: readonly Line[];
	readonly notes: readonly Line[];
};

/** DejaVu Sans Mono: advance 1233, ascent 1901, descent 483 units of 2048. */
const advance = 1233 / 2048;
const lineHeight = 2384 / 2048;
/** A slide page: the slide at 10 pt with a margin of the screen's background. */
const slideFontSize = 10;
const slideMargin = 18;
/** A handout page is A4 portrait. */
const a4 = {width: 595.28, height: 841.89};
const handoutMargin = 36;
const paper = {text: '#1a1a1a', muted: '#666666', link: '#1a4fa0', background: '#ffffff'};
/** Rectangles overlap by this much so that no hairline shows between pixels. */
const seam = 0.03;

type Geometry = {readonly x: number; readonly y: number; readonly size: number};

export async function pdfDocument(input: PdfInput, pages: Iterable<PdfPage>): Promise<Uint8Array> {
	const fonts = {
		regular: Buffer.from(input.fonts.regular),
		bold: Buffer.from(input.fonts.bold),
		italic: Buffer.from(input.fonts.italic),
		boldItalic: Buffer.from(input.fonts.boldItalic),
	};
	// No default font: the library's Helvetica needs metrics files that are not bundled (and a font
	// given here would be opened again on every switch to it by name).
	const options = {
		autoFirstPage: false,
		margin: 0,
		compress: true,
		font: null,
		info: {Title: input.title, Creator: input.creator, Producer: input.creator},
		displayTitle: true,
		lang: 'en',
	};
	const doc = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = new Promise<void>((resolve, reject) => {
		doc.on('end', resolve);
		doc.on('error', reject);
	});
	for (const [name, bytes] of Object.entries(fonts)) doc.registerFont(name, bytes);
	const coverage = openFont(fonts.regular);
	const drawer = new CellDrawer(doc, input, coverage);

	const slideWidth = input.columns * advance;
	const slideHeight = input.rows * lineHeight;
	for (const page of pages) {
		if (!input.handout) {
			const size = slideFontSize;
			doc.addPage({size: [slideWidth * size + 2 * slideMargin, slideHeight * size + 2 * slideMargin], margin: 0});
			doc.rect(0, 0, doc.page.width, doc.page.height).fill(input.palette.background);
			drawer.frame(page.lines, {x: slideMargin, y: slideMargin, size}, input.palette);
			continue;
		}

		const width = a4.width - 2 * handoutMargin;
		const size = width / slideWidth;
		doc.addPage({size: [a4.width, a4.height], margin: 0});
		const pad = 6;
		doc.rect(handoutMargin - pad, handoutMargin - pad, width + 2 * pad, slideHeight * size + 2 * pad).fill(input.palette.background);
		drawer.frame(page.lines, {x: handoutMargin, y: handoutMargin, size}, input.palette);
		const notesSize = width / (input.notesColumns * advance);
		let top = handoutMargin + slideHeight * size + 2 * pad + notesSize * 2;
		const perPage = (from: number) => Math.floor((a4.height - handoutMargin - from) / (notesSize * lineHeight));
		let rest = page.notes;
		while (rest.length > 0) {
			const count = Math.max(1, perPage(top));
			drawer.paperLines(rest.slice(0, count), {x: handoutMargin, y: top, size: notesSize});
			rest = rest.slice(count);
			if (rest.length === 0) break;
			doc.addPage({size: [a4.width, a4.height], margin: 0});
			top = handoutMargin;
		}
	}

	doc.end();
	await ended;
	return Buffer.concat(chunks);
}

/** Draws lines of cells on the current page. */
class CellDrawer {
	constructor(
		private readonly doc: PDFKit.PDFDocument,
		private readonly input: PdfInput,
		private readonly coverage: Font,
	) {}

	/** A slide's lines in the palette's colours: backgrounds, then pixels, then text. */
	frame(lines: readonly Line[], at: Geometry, palette: Palette): void {
		const cell = {width: at.size * advance, height: at.size * lineHeight};
		const runs = lines.map(line => lineRuns(line));
		runs.forEach((row, index) => {
			const y = at.y + index * cell.height;
			for (const run of row) {
				if (run.kind === 'blocks') continue;
				const {bg} = cellColours(run.style, palette);
				if (bg) this.fill(at.x + run.column * cell.width, y, run.width * cell.width, cell.height, bg);
			}

			for (const rect of pixelRows(row, palette)) {
				this.fill(at.x + rect.x * cell.width, y + rect.y * cell.height, rect.width * cell.width, rect.height * cell.height, rect.colour);
			}
		});
		const pictures = new Set<string>();
		runs.forEach((row, index) => {
			const y = at.y + index * cell.height;
			for (const run of row) {
				// A picture covers its cells from its first row on: drawn once.
				if (run.kind === 'graphic' && pictures.has(run.graphic.key)) continue;
				if (run.kind === 'graphic') pictures.add(run.graphic.key);
				this.run(run, at.x + run.column * cell.width, y, cell, at.size, cellColours(run.style, palette).fg);
			}
		});
	}

	/** Notes on paper: dark text, links in blue, bold and italics kept, no backgrounds. */
	paperLines(lines: readonly Line[], at: Geometry): void {
		const cell = {width: at.size * advance, height: at.size * lineHeight};
		lines.forEach((line, index) => {
			const y = at.y + index * cell.height;
			for (const run of lineRuns(line)) {
				const colour = run.style?.link ? paper.link : run.style?.fg === 'muted' || run.style?.dim ? paper.muted : paper.text;
				this.run(run, at.x + run.column * cell.width, y, cell, at.size, colour);
			}
		});
	}

	private run(run: CellRun, x: number, y: number, cell: {width: number; height: number}, size: number, colour: string): void {
		const width = run.width * cell.width;
		if (run.kind === 'text') {
			this.text(run.text, x, y, size, colour, run.style);
		} else if (run.kind === 'cluster' && scanLineLevel(run.text) !== undefined) {
			const band = scanLineBand(scanLineLevel(run.text)!);
			this.fill(x, y + band.top * cell.height, width, (band.bottom - band.top) * cell.height, colour);
		} else if (run.kind === 'cluster') {
			const image = this.coveredByFont(run.text) ? undefined : this.input.emoji?.(run.text);
			if (image) this.emoji(image, x, y, width, cell.height);
			else this.text(run.text, x + (width - [...run.text].length * cell.width) / 2, y, size, colour, run.style);
		} else if (run.kind === 'graphic') {
			const payload = run.graphic.payload;
			if (payload.format !== 'rgba') this.doc.image(Buffer.from(payload.bytes), x, y, {width, height: run.graphic.rows * cell.height});
		}

		if (run.style?.link) this.doc.link(x, y, width, cell.height, run.style.link);
	}

	private text(text: string, x: number, y: number, size: number, colour: string, style: Style | undefined): void {
		const font = style?.bold ? (style.italic ? 'boldItalic' : 'bold') : style?.italic ? 'italic' : 'regular';
		this.doc.font(font).fontSize(size).fillColor(colour);
		this.doc.text(text, x, y, {lineBreak: false, underline: Boolean(style?.underline || style?.link), strike: Boolean(style?.strike)});
	}

	/** An emoji the font lacks, as its picture's pixels, each row's runs of one colour as one rectangle. */
	private emoji(grid: PixelGrid, x: number, y: number, width: number, height: number): void {
		const side = Math.min(width, height);
		const step = side / grid.side;
		const left = x + (width - side) / 2;
		const top = y + (height - side) / 2;
		for (const rect of gridRects(grid)) this.fill(left + rect.x * step, top + rect.y * step, rect.width * step, step, rect.colour);
	}

	private coveredByFont(cluster: string): boolean {
		const points = [...cluster].map(character => character.codePointAt(0)!);
		// Emoji presentation (U+FE0F) asks for the picture even where the font has a text glyph.
		if (points.includes(0xfe0f) || points.length > 1) return false;
		return this.coverage.hasGlyphForCodePoint(points[0]!);
	}

	private fill(x: number, y: number, width: number, height: number, colour: string): void {
		this.doc.rect(x - seam, y - seam, width + 2 * seam, height + 2 * seam).fill(colour);
	}
}
