/**
 * The screen of a `+pty` block: a program's bytes through a headless xterm
 * of the block's size, read back as slide lines with the program's colours.
 */
import xterm from '@xterm/headless';
import type {Colour, Line, Segment, Style} from '../frame/frame.js';
import {neutralize} from '../deck/neutralize.js';

const {Terminal} = xterm;

type BufferCell = import('@xterm/headless').IBufferCell;

/** The xterm palette's first 16 colours, for programs that use the basic ones. */
const basic = [
	'#000000',
	'#cd0000',
	'#00cd00',
	'#cdcd00',
	'#0000ee',
	'#cd00cd',
	'#00cdcd',
	'#e5e5e5',
	'#7f7f7f',
	'#ff0000',
	'#00ff00',
	'#ffff00',
	'#5c5cff',
	'#ff00ff',
	'#00ffff',
	'#ffffff',
];
const cube = [0, 95, 135, 175, 215, 255];

function paletteColour(index: number): Colour {
	if (index < 16) return basic[index] as Colour;
	if (index >= 232) {
		const grey = (8 + (index - 232) * 10).toString(16).padStart(2, '0');
		return `#${grey}${grey}${grey}`;
	}

	const value = index - 16;
	const channel = (n: number) => cube[n]!.toString(16).padStart(2, '0');
	return `#${channel(Math.floor(value / 36))}${channel(Math.floor(value / 6) % 6)}${channel(value % 6)}`;
}

function cellColour(cell: BufferCell, layer: 'fg' | 'bg'): Colour | undefined {
	const [isDefault, isRgb, isPalette, value] =
		layer === 'fg'
			? [cell.isFgDefault(), cell.isFgRGB(), cell.isFgPalette(), cell.getFgColor()]
			: [cell.isBgDefault(), cell.isBgRGB(), cell.isBgPalette(), cell.getBgColor()];
	if (isDefault) return undefined;
	if (isRgb) return `#${value.toString(16).padStart(6, '0')}`;
	return isPalette ? paletteColour(value) : undefined;
}

function cellStyle(cell: BufferCell): Style {
	const fg = cellColour(cell, 'fg');
	const bg = cellColour(cell, 'bg');
	return {
		...(fg ? {fg} : {}),
		...(bg ? {bg} : {}),
		...(cell.isBold() ? {bold: true} : {}),
		...(cell.isItalic() ? {italic: true} : {}),
		...(cell.isUnderline() ? {underline: true} : {}),
		...(cell.isInverse() ? {inverse: true} : {}),
		...(cell.isDim() ? {dim: true} : {}),
	};
}

export function ptyScreen(columns: number, rows: number): {write: (bytes: Uint8Array, drawn: (lines: Line[]) => void) => void} {
	const terminal = new Terminal({cols: columns, rows, allowProposedApi: true, scrollback: 0});
	const lines = (): Line[] => {
		const buffer = terminal.buffer.active;
		const out: Line[] = [];
		for (let row = 0; row < rows; row++) {
			const line = buffer.getLine(buffer.viewportY + row);
			const segments: Segment[] = [];
			for (let x = 0; line && x < columns; x++) {
				const cell = line.getCell(x);
				if (!cell || cell.getWidth() === 0) continue;
				const text = neutralize(cell.getChars() || ' ');
				const style = cellStyle(cell);
				const last = segments.at(-1);
				if (last && JSON.stringify(last.style ?? {}) === JSON.stringify(style))
					segments[segments.length - 1] = {text: last.text + text, ...(last.style ? {style: last.style} : {})};
				else segments.push(Object.keys(style).length > 0 ? {text, style} : {text});
			}

			// Spaces at the end of a row that show nothing are left out (the panel is as wide as what was written).
			const last = segments.at(-1);
			if (last && !last.style?.bg && !last.style?.inverse) {
				const text = last.text.trimEnd();
				if (text === '') segments.pop();
				else segments[segments.length - 1] = {...last, text};
			}

			out.push(segments);
		}

		// Rows below the last written one are left out.
		while (out.length > 0 && out.at(-1)!.every(segment => segment.text.trim() === '' && !segment.style?.bg)) out.pop();
		return out;
	};

	return {
		write(bytes, drawn) {
			terminal.write(bytes, () => drawn(lines()));
		},
	};
}
