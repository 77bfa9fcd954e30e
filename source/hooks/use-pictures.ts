import {dirname, resolve} from 'node:path';
import {useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import type {GraphicsLayer, GraphicsState} from '../graphics/layer.js';
import {GraphicStore, ImageStore, isSvgSource, SvgStore} from '../images/index.js';
import type {PictureSource} from '../layout/plan-image.js';

const noSubscription = () => () => undefined;

/**
 * The deck's pictures, decoded off the keypress path; `picturesVersion` changes
 * whenever one becomes ready, so the slide is drawn again with it. Without a
 * colour level (`--images alt`, or too few colours), images are alt text.
 * With a graphics layer, pictures are drawn by the terminal once it is known
 * to draw them ('loading…' while it is asked), else as half-blocks.
 */
export function usePictures(file: string | undefined, level: 2 | 3 | undefined, graphics?: GraphicsLayer): {pictures?: PictureSource; picturesVersion: number} {
	const folder = file && file !== '-' ? dirname(resolve(file)) : process.cwd();
	const store = useMemo(() => (level ? new ImageStore(folder, {level}) : undefined), [folder, level]);
	// SVG files are drawn by resvg, as half-blocks (its WebAssembly is loaded only when a deck shows one).
	const svgStore = useMemo(() => (level ? new SvgStore(folder, level) : undefined), [folder, level]);
	const graphicStore = useMemo(
		() => (store && graphics ? new GraphicStore(store, {itermMaxBytes: graphics.state.itermMaxBytes}) : undefined),
		[store, graphics],
	);
	const state: GraphicsState | undefined = useSyncExternalStore(graphics?.subscribe ?? noSubscription, () => graphics?.state);
	const [picturesVersion, setPicturesVersion] = useState(0);
	useEffect(() => {
		if (!store) return;
		const ready = () => {
			setPicturesVersion(version => version + 1);
		};

		const stop = graphicStore ? graphicStore.onReady(ready) : store.onReady(ready);
		const stopSvg = svgStore?.onReady(ready);
		return () => {
			stop();
			stopSvg?.();
			svgStore?.close();
			graphicStore?.close();
			store.close();
		};
	}, [store, graphicStore, svgStore]);
	const pictures = useMemo((): PictureSource | undefined => {
		if (!store) return undefined;
		const protocol = state?.protocol;
		if (protocol === 'pending') return () => ({state: 'pending'});
		const others: PictureSource = protocol && graphicStore ? (src, box) => graphicStore.picture(src, box, protocol, state?.cell) : store.picture.bind(store);
		return svgStore ? (src, box) => (isSvgSource(src) ? svgStore.picture(src, box) : others(src, box)) : others;
	}, [store, graphicStore, svgStore, state]);
	return pictures ? {pictures, picturesVersion} : {picturesVersion};
}
