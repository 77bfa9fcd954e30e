/**
 * Big emoji: Twemoji pictures as half-block pixel art (see painter.ts), from
 * the compact image set made by scripts/build-emoji.mjs (see asset.ts).
 */
export {createEmojiPainter, emojiPainterFor} from './painter.js';
export {findEmoji, loadEmojiAsset, parseEmojiAsset, readEmojiAsset, emojiAssetCandidates, type EmojiAsset} from './asset.js';
