/**
 * `lectern export DECK --to html|pdf|cast`: the deck as it looked, drawn from
 * the player's own frames (see source/export/pages.ts) by one renderer per
 * format (source/render/html/, pdf/, cast/), written all at once or not at all
 * (source/export/write-output.ts), with progress on standard error. The PDF
 * library is loaded only for a PDF.
 */
import {readFileSync} from 'node:fs';
import {basename, extname} from 'node:path';
import type {Deck} from '../deck/model.js';
import {slideTitle} from '../deck/slide-title.js';
import {neutralize} from '../deck/neutralize.js';
import {createEmojiPainter} from '../emoji/index.js';
import {emojiPixels} from '../export/emoji-pixels.js';
import {readFace, type Face} from '../export/fonts.js';
import {woffToSfnt} from '../export/woff.js';
import {exportPictures} from '../export/pictures.js';
import {isSvgSource} from '../images/index.js';
import {deckImages} from './check.js';
import {notesLines, pageOf, shownSlides, typingOf, type PageOptions} from '../export/pages.js';
import {castScreens, castTimeline, type SlideHold} from '../export/cast-timeline.js';
import {createProgress, type Progress} from '../export/progress.js';
import {writeOutput, OutputError, type Chunks} from '../export/write-output.js';
import {slideArea} from '../layout/plan-screen.js';
import type {Size} from '../frame/frame.js';
import type {ImagesMode} from '../render/colour-level.js';
import {asciicast} from '../render/cast/asciicast.js';
import {htmlDocument, type HtmlSlide} from '../render/html/html-document.js';
import {DeckError} from '../read-deck.js';
import type {Palette} from '../render/palette.js';
import type {AnsiOptions} from '../render/ansi.js';
import {readReport} from '../rehearsal/rehearsal.js';
import {FileRefused, readRegularFileSync} from '../files/read-regular.js';
import {maxReportBytes, reportPath} from './rehearse.js';

export {paletteOf} from '../theme/themes.js';

export type ExportFormat = 'html' | 'pdf' | 'cast';
export const exportFormats: readonly ExportFormat[] = ['html', 'pdf', 'cast'];

export type ExportOptions = {
	/** The deck file (`-` for standard input). */
	readonly file: string;
	readonly to: ExportFormat;
	/** Where to write (`-` for standard output); by default the deck's name with the format's extension, in the working folder. */
	readonly output: string | undefined;
	/** The player's screen the slides are laid out for. */
	readonly size: Size;
	readonly palette: Palette;
	readonly notes: boolean;
	/** PDF: a page per step of incremental slides (HTML and recordings always play every step). */
	readonly steps: boolean;
	/** Typing animations (HTML, cast) and their speed. */
	readonly motion: {readonly animate: boolean; readonly charactersPerSecond: number};
	/** cast: how long each slide stays (`3`, `2.5s`, `1m`), or `rehearsal` for the last rehearsal's times. */
	readonly pause: string | undefined;
	readonly images: ImagesMode;
	readonly stderr: NodeJS.WritableStream & {readonly isTTY?: boolean; readonly columns?: number};
	readonly stdout: NodeJS.WritableStream;
	/** Folder image paths are relative to. */
	readonly folder: string;
};

/** Notes are laid out this wide: in a PDF handout (under the slide), and in the HTML presenter view (beside it). */
const notesColumns = 80;
const htmlNotesColumns = 48;
const defaultPauseMs = 4000;

/** `talk.txt` exports to `talk.html`, `talk.pdf` or `talk.cast` in the working folder. */
export function defaultOutput(file: string, to: ExportFormat): string {
	if (file === '-') throw new DeckError('the deck comes from standard input: name the output with -o FILE (or -o - for standard output)');
	const name = basename(file);
	const extension = extname(name);
	return `${extension === '' ? name : name.slice(0, -extension.length)}.${to}`;
}

export async function exportDeck(deck: Deck, options: ExportOptions): Promise<number> {
	const output = options.output ?? defaultOutput(options.file, options.to);
	const started = Date.now();
	const holds = options.to === 'cast' ? slideHolds(deck, options) : undefined;
	const slides = options.to === 'pdf' ? shownSlides(deck.slides, options.steps) : [...deck.slides];
	const label = `${options.to.toUpperCase()} ${basename(output)}`;
	const progress = createProgress(options.stderr, label, slides.length);
	const pictures =
		options.images === 'alt'
			? undefined
			: exportPictures(options.folder, {graphics: options.to !== 'cast', svg: deckImages(deck).some(image => isSvgSource(image.src))});
	try {
		await pictures?.ready;
		const pageOptions: PageOptions = {
			size: options.size,
			steps: options.steps,
			notes: options.notes,
			// Links are followed where they can be (HTML, PDF); a recording's player shows them as text.
			showUrls: options.to === 'cast',
			emoji: createEmojiPainter({level: 3}),
			...(pictures ? {pictures: pictures.source} : {}),
		};
		const chunks = await render(deck, slides, pageOptions, options, progress, holds);
		const bytes = output === '-' ? await writeStream(options.stdout, chunks) : await writeOutput(output, chunks);
		const unit = options.to === 'pdf' ? 'pages' : 'slides';
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		if (output === '-') progress.clear();
		else progress.finish(`Wrote ${neutralize(output)}: ${slides.length} ${unit}, ${formatBytes(bytes)} in ${seconds} s`);
		return 0;
	} catch (error) {
		progress.clear();
		if (error instanceof OutputError) throw new DeckError(error.message);
		throw error;
	} finally {
		pictures?.close();
	}
}

async function render(
	deck: Deck,
	slides: readonly Deck['slides'][number][],
	pageOptions: PageOptions,
	options: ExportOptions,
	progress: Progress,
	holds: readonly SlideHold[] | undefined,
): Promise<Chunks> {
	const title = deckTitle(deck, options.file);
	let done = 0;
	const tick = () => {
		progress.update(++done);
	};

	switch (options.to) {
		case 'html': {
			const area = slideArea(options.size);
			const htmlSlides = function* (): Generator<HtmlSlide> {
				for (const slide of slides) {
					const page = pageOf(deck, slide, pageOptions);
					const typing = options.motion.animate ? typingOf(deck, slide.index, pageOptions, options.motion) : undefined;
					yield {
						number: slide.index + 1,
						title: page.title,
						lines: page.frame.lines,
						status: page.status,
						notes: options.notes ? notesLines(slide, htmlNotesColumns) : [],
						...(typing ? {typing} : {}),
					};
					tick();
				}
			};

			const html = htmlDocument(
				{
					title,
					count: deck.slides.length,
					columns: area.columns,
					rows: area.rows,
					notesColumns: htmlNotesColumns,
					palette: options.palette,
					font: readFace('regular'),
					generator: creator(),
				},
				htmlSlides(),
			);
			return [html];
		}

		case 'pdf': {
			const {pdfDocument} = await import('../render/pdf/pdf-document.js');
			const area = slideArea(options.size);
			const pages = function* () {
				for (const slide of slides) {
					const page = pageOf(deck, slide, pageOptions);
					yield {lines: page.frame.lines, notes: options.notes ? notesLines(slide, notesColumns) : []};
					tick();
				}
			};

			const face = (name: Face) => woffToSfnt(readFace(name));
			const fonts = {regular: face('regular'), bold: face('bold'), italic: face('italic'), boldItalic: face('boldItalic')};
			const pdf = await pdfDocument(
				{
					title,
					columns: area.columns,
					rows: area.rows,
					palette: options.palette,
					fonts,
					notesColumns,
					handout: options.notes,
					emoji: cluster => emojiPixels(cluster),
					creator: creator(),
				},
				pages(),
			);
			return [pdf];
		}

		case 'cast': {
			const timeline = castTimeline(deck, holds!, pageOptions, options.motion);
			const screens = castScreens(timeline, tick);
			const colours = {foreground: options.palette.foreground, background: options.palette.background};
			const table = Object.fromEntries(Object.entries(options.palette.colours).map(([role, rgb]) => [role, {rgb, basic: 0}])) as AnsiOptions['theme'];
			return asciicast({size: options.size, title, colours}, screens, timeline.end, {level: 3, hyperlinks: false, ...(table ? {theme: table} : {})});
		}
	}
}

/** How long each slide of a recording stays after its typing: the pause asked for, or the last rehearsal's time on it. */
function slideHolds(deck: Deck, options: ExportOptions): SlideHold[] {
	const pause = options.pause ?? String(defaultPauseMs / 1000);
	if (pause !== 'rehearsal') {
		const ms = pauseMs(pause);
		if (ms === undefined) throw new DeckError(`--pause ${neutralize(pause)}: not a length of time (try 3, 2.5s, 1m or rehearsal)`);
		return deck.slides.map(() => ({kind: 'pause', ms}));
	}

	const path = reportPath(options.file);
	if (!path) throw new DeckError('--pause rehearsal: a deck from standard input has no rehearsal report');
	let text: string;
	try {
		text = readRegularFileSync(path, maxReportBytes).toString('utf8');
	} catch (error) {
		if (error instanceof FileRefused && error.code !== 'missing') throw new DeckError(`--pause rehearsal: ${neutralize(path)} ${error.message}`);
		throw new DeckError(`--pause rehearsal: no rehearsal report ${neutralize(path)} (make one with: lectern rehearse DECK)`);
	}

	const report = readReport(text);
	if (!report) throw new DeckError(`--pause rehearsal: ${neutralize(path)} is not a rehearsal report`);
	const bySlide = new Map(report.slides.map(row => [row.slide, row.ms]));
	if (report.slides.length !== deck.slides.length) {
		options.stderr.write(
			`lectern: ${neutralize(path)} has ${report.slides.length} slides and the deck ${deck.slides.length}; slides it lacks stay ${defaultPauseMs / 1000} s\n`,
		);
	}

	return deck.slides.map(slide => {
		const ms = bySlide.get(slide.index + 1);
		return ms === undefined ? {kind: 'pause', ms: defaultPauseMs} : {kind: 'total', ms};
	});
}

/** `3` and `2.5` are seconds; `2.5s`, `1m`, `1m30s` and `0:05` are read as written. */
export function pauseMs(text: string): number | undefined {
	const trimmed = text.trim();
	if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
	const clock = /^(\d+):(\d{2})$/.exec(trimmed);
	if (clock) return (Number(clock[1]) * 60 + Number(clock[2])) * 1000;
	const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
	if (parts.length === 0 || parts.map(part => part[0]).join('') !== trimmed) return undefined;
	const unit = {ms: 1, s: 1000, m: 60_000, h: 3_600_000} as const;
	return parts.reduce((total, part) => total + Number(part[1]) * unit[part[2] as keyof typeof unit], 0);
}

function deckTitle(deck: Deck, file: string): string {
	const first = deck.slides[0];
	const title = first ? slideTitle(first) : '';
	return title !== '' ? title : file === '-' ? 'lectern deck' : basename(file);
}

/** `lectern 0.1.0`, from the package.json above the running file (one folder up from dist/, two from build/source/). */
function creator(): string {
	for (const place of ['../package.json', '../../package.json', '../../../package.json']) {
		try {
			const found = JSON.parse(readFileSync(new URL(place, import.meta.url), 'utf8')) as {name?: string; version?: string};
			if (found.name === 'lectern' && typeof found.version === 'string') return `lectern ${found.version}`;
		} catch {
			// Not here: try one folder up.
		}
	}

	return 'lectern';
}

function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function writeStream(stream: NodeJS.WritableStream, chunks: Chunks): Promise<number> {
	let written = 0;
	for await (const chunk of chunks) {
		written += chunk.length;
		await new Promise<void>((resolve, reject) => {
			stream.write(chunk, error => {
				if (error) reject(error);
				else resolve();
			});
		});
	}

	return written;
}
