/**
 * Pictures for image slides: an image store that decodes PNG, JPEG and GIF
 * files off the player's thread and fits them as half-block glyphs, and a
 * cheap header check for `lectern check`. The decoders themselves are a
 * separate chunk (decoders.ts), loaded on first use; SVG files are drawn by
 * resvg (svg-store.ts, its WebAssembly a chunk of its own too).
 */
export {ImageStore, type DecodedPicture, type ImageStoreOptions, type Picture} from './image-store.js';
export {resolveImageSource} from './image-source.js';
export {GraphicStore, type GraphicStoreOptions} from './graphic-store.js';
export {checkImage, inspectImage, type ImageInspection} from './inspect-image.js';
export {fitPicture} from './fit.js';
export {isSvgSource, SvgStore} from './svg-store.js';
export {maxFileBytes, maxPixels, maxSide, type ImageFormat} from './header.js';
export type {ImageProblemCode} from './image-problem.js';
