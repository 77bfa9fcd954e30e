/**
 * Pictures of image slides for an export. Each is fitted by the image store
 * exactly as `print` fits it (the same cells); HTML and PDF then get the
 * picture itself, encoded as a PNG at a few pixels a cell, over those cells,
 * and a recording gets the half-blocks a terminal shows. SVG files are drawn
 * by resvg (loaded only when the deck names one): half-blocks the same way,
 * and for HTML and PDF a PNG resvg draws (a raster copy, so nothing in the SVG
 * can run in the page).
 */
import {encodePicture} from '../images/encode.js';
import {ImageStore, isSvgSource, SvgStore} from '../images/index.js';
import type {Size} from '../frame/frame.js';
import type {Picture, PictureSource} from '../layout/plan-image.js';

export type ExportPictures = {
	/** Resolves once the decoders are loaded; `source` needs it. */
	readonly ready: Promise<void>;
	readonly source: PictureSource;
	readonly close: () => void;
};

/** Pixels a cell gets in an embedded picture (cells are about twice as tall as wide). */
const cellPixels = {width: 12, height: 24};

export function exportPictures(folder: string, options: {readonly graphics: boolean; readonly svg?: boolean}): ExportPictures {
	const store = new ImageStore(folder, {level: 3});
	const svg = options.svg ? new SvgStore(folder, 3) : undefined;
	const made = new Map<string, Picture>();
	const source: PictureSource = (src: string, box: Size) => {
		const key = `${src}\n${box.columns}x${box.rows}`;
		let picture = made.get(key);
		if (!picture) {
			if (svg && isSvgSource(src)) {
				picture = svg.pictureSync(src, box);
				if (options.graphics && picture.state === 'ready') picture = embeddedSvg(svg, src, picture, key);
			} else {
				picture = store.pictureSync(src, box);
				if (options.graphics && picture.state === 'ready') picture = embedded(store, src, picture, key);
			}

			made.set(key, picture);
		}

		return picture;
	};

	// Failing to load resvg, each SVG shows its alt text and the reason.
	const ready = Promise.all([store.loadDecoders(), svg?.load().catch(() => undefined)]).then(() => undefined);
	return {
		ready,
		source,
		close() {
			store.close();
			svg?.close();
		},
	};
}

/** The SVG's half-block cells, covered by a PNG resvg draws at the export's pixels a cell. */
function embeddedSvg(store: SvgStore, src: string, picture: Extract<Picture, {state: 'ready'}>, key: string): Picture {
	const {width: columns, height: rows} = picture.glyph;
	const png = store.pngSync(src, columns * cellPixels.width);
	if (!png) return picture;
	return {state: 'graphic', graphic: {key, columns, rows, payload: {format: 'png', width: png.width, height: png.height, bytes: png.bytes}}};
}

/** The fitted half-block picture's cells, covered by the picture itself. */
function embedded(store: ImageStore, src: string, picture: Extract<Picture, {state: 'ready'}>, key: string): Picture {
	const decoded = store.decoded(src);
	if (decoded.state !== 'ready') return picture;
	const {width: columns, height: rows} = picture.glyph;
	const image = decoded.image;
	// Never larger than the file itself.
	const scale = Math.min(1, image.width / (columns * cellPixels.width), image.height / (rows * cellPixels.height));
	const width = Math.max(1, Math.round(columns * cellPixels.width * scale));
	const height = Math.max(1, Math.round(rows * cellPixels.height * scale));
	const encoded = encodePicture(image, width, height, 'png');
	return {state: 'graphic', graphic: {key, columns, rows, payload: {format: 'png', width, height, bytes: encoded.bytes}}};
}
