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
	| 'statusFg';

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
};

export type Size = {readonly columns: number; readonly rows: number};
