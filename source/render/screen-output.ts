/**
 * The text Ink makes of a planned screen drawn by `ScreenLines`: each row its
 * line as `screenRow` writes it, trailing blanks trimmed (Ink's output trims
 * every row; see the `rowsOnly` patch in scripts/ink-patches.mjs), the rows
 * joined by line breaks. A frame handed to Ink finished must be exactly this,
 * or the render that follows writes the difference.
 */
import type {Line} from '../frame/frame.js';
import {screenRow, type AnsiOptions} from './ansi.js';

export function screenOutput(lines: readonly Line[], ansi: AnsiOptions): string {
	return lines.map(line => screenRow(line, ansi).trimEnd()).join('\n');
}
