/**
 * The pictures serve draws for its viewers: image slides and inline pictures
 * as half-blocks at each viewer's colour depth, decoded in the serve thread
 * (no worker of its own); SVG files by resvg, loaded only for a deck that
 * names one.
 */
import type {Slide} from '../deck/model.js';
import type {ImageStore, SvgStore} from '../images/index.js';
import {pictureColours} from '../render/colour-level.js';
import type {FrameSource} from './frames.js';
import type {ServeConfig} from './serve-messages.js';

/** Pictures for image slides, drawn as half-blocks at each viewer's colour depth; SVG files by resvg, loaded only for a deck that names one. */
export class ViewerPictures {
	private readonly stores = new Map<2 | 3, ImageStore>();
	private readonly svgStores = new Map<2 | 3, SvgStore>();

	constructor(private readonly config: Pick<ServeConfig, 'images' | 'deckFolder'>) {}

	/** The deck's picture source, once the decoders are loaded; undefined when it shows none. */
	async forDeck(slides: readonly Slide[]): Promise<FrameSource['pictures']> {
		const images = slides.flatMap(slide =>
			slide.kind === 'image' ? [slide.image] : 'body' in slide ? slide.body.flatMap(block => (block.type === 'image' ? [block.image] : [])) : [],
		);
		if (this.config.images === 'alt' || images.length === 0) return undefined;
		const {ImageStore, isSvgSource, SvgStore} = await import('../images/index.js');
		const svg = images.some(image => isSvgSource(image.src));
		for (const level of [2, 3] as const) {
			if (pictureColours(this.config.images, level) === undefined) continue;
			if (!this.stores.has(level)) {
				const store = new ImageStore(this.config.deckFolder, {level, worker: false});
				await store.loadDecoders();
				this.stores.set(level, store);
			}

			if (svg && !this.svgStores.has(level)) {
				const store = new SvgStore(this.config.deckFolder, level);
				await store.load().catch(() => undefined); // Failing, each SVG shows its alt text and the reason.
				this.svgStores.set(level, store);
			}
		}

		return level => {
			const store = this.stores.get(level);
			const svgStore = this.svgStores.get(level);
			if (!store) return undefined;
			return (src, box) => (svgStore && isSvgSource(src) ? svgStore.pictureSync(src, box) : store.pictureSync(src, box));
		};
	}

	close(): void {
		for (const store of this.stores.values()) store.close();
		for (const store of this.svgStores.values()) store.close();
	}
}
