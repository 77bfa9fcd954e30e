/**
 * A frame is what layout produces and what every output path draws: the Ink
 * player, `print`, and the tests. Lines of styled segments, each line at most
 * the frame's width in terminal cells.
 */

/** A semantic colour from the theme, or a literal 24-bit colour `#rrggbb`. */
export type Colour = ThemeColour | `#${string}`;

export type ThemeColour =
	| 'accent'
	| 'heading'
	| 'highlight'
	| 'prompt'
	| 'muted'
	| 'code'
	| 'link'
	| 'draft'
	| 'frame'
	| 'dotRed'
	| 'dotYellow'
	| 'dotGreen'
	| 'statusBg'
	| 'statusFg'
	/** A code block's panel, and its marked lines (remark's `*`). */
	| 'codeBg'
	| 'codeMark'
	| 'lineNumber';

export type Style = {
	readonly fg?: Colour;
	readonly bg?: Colour;
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly strike?: boolean;
	readonly inverse?: boolean;
	/** A hyperlink target (already validated: http, https, mailto, file). */
	readonly link?: string;
	/**
	 * These cells are blank in the text and hold a picture the terminal draws
	 * itself (kitty or iTerm2 protocol): each of the graphic's rows is one
	 * segment of `columns` spaces carrying the same `Graphic`.
	 */
	readonly graphic?: Graphic;
};

/**
 * A picture for the terminal's own image protocol, fitted to `columns` x
 * `rows` cells. Layout only places it; source/graphics/ draws it over the frame.
 */
export type Graphic = {
	/** Which encoded picture this is (file, size, encoding): the same key is the same bytes. */
	readonly key: string;
	readonly columns: number;
	readonly rows: number;
	readonly payload: GraphicPayload;
};

/** The bytes a terminal is sent: an image file (PNG or JPEG), or RGBA pixels compressed with zlib. */
export type GraphicPayload = {
	readonly format: 'png' | 'jpeg' | 'rgba';
	/** The picture's size in pixels. */
	readonly width: number;
	readonly height: number;
	readonly bytes: Uint8Array;
};

export type Segment = {
	readonly text: string;
	readonly style?: Style;
};

export type Line = readonly Segment[];

export type Frame = {
	readonly width: number;
	readonly height: number;
	/** Exactly `height` lines, none wider than `width`. */
	readonly lines: readonly Line[];
	/** Content lines that did not fit and were left out (a "… more" line says so). */
	readonly overflow?: number;
	/** The content was laid out only to this many lines (a slide of more: see `slideLineCap`). */
	readonly cut?: number;
};

export type Size = {readonly columns: number; readonly rows: number};

/** A rectangular picture in cells: `lines.length === height`, every line exactly `width` cells wide (padded with spaces). */
export type Glyph = {width: number; height: number; lines: Line[]};
