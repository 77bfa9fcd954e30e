/**
 * Big emoji: Twemoji pictures as half-block pixel art (see painter.ts), from
 * the compact image set made by scripts/build-emoji.mjs (see asset.ts).
 */
export {createEmojiPainter, emojiPainterFor, pixelGlyph, alphaThreshold, type EmojiPainterOptions} from './painter.js';
export {findEmoji, loadEmojiAsset, parseEmojiAsset, emojiAssetCandidates, type EmojiAsset, type FoundEmoji} from './asset.js';
export {resize, resizePremultiplied, premultiply, unpremultiply, type RgbaImage, type PremultipliedImage} from '../raster/scale.js';
