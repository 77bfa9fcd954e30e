/**
 * Pictures of image slides for an export. Each is fitted by the image store
 * exactly as `print` fits it (the same cells); HTML and PDF then get the
 * picture itself, encoded as a PNG at a few pixels a cell, over those cells,
 * and a recording gets the half-blocks a terminal shows.
 */
import {encodePicture} from '../images/encode.js';
import {ImageStore} from '../images/index.js';
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

export function exportPictures(folder: string, options: {readonly graphics: boolean}): ExportPictures {
	const store = new ImageStore(folder, {level: 3});
	const made = new Map<string, Picture>();
	const source: PictureSource = (src: string, box: Size) => {
		const key = `${src}\n${box.columns}x${box.rows}`;
		let picture = made.get(key);
		if (!picture) {
			picture = store.pictureSync(src, box);
			if (options.graphics && picture.state === 'ready') picture = embedded(store, src, picture, key);
			made.set(key, picture);
		}

		return picture;
	};

	return {ready: store.loadDecoders(), source, close: () => store.close()};
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
