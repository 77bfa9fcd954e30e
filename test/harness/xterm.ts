/**
 * An in-memory terminal (xterm.js, headless) for asserting on real cells: what a terminal
 * would show for a stream of bytes, with Unicode 11 widths (emoji are two cells wide).
 *
 * Feed it Ink's raw output (ink-testing-library frames, a child process's stdout, or
 * `TmuxScreen.ansi()`), then read rows, cells, colours, the cursor and the active buffer.
 */
import xterm from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import {paletteHex} from '../../source/render/ansi.js';

const {Terminal} = xterm;
const {Unicode11Addon} = unicode11;

type XTerminal = InstanceType<typeof Terminal>;

/**
 * A colour as a test wants to compare it: `#rrggbb` for 24-bit colours, the palette index
 * (0-255) for 16/256-colour SGR (`31` is 1, `91` is 9, `38;5;196` is 196), `undefined`
 * for the terminal's default colour.
 */
export type CellColour = string | number | undefined;

export interface Cell {
	/** The character(s) in the cell; `''` for the right half of a wide character (and for never-written cells). */
	char: string;
	/** 1 for most cells, 2 for a wide character, 0 for the cell right of a wide character. */
	width: number;
	fg: CellColour;
	bg: CellColour;
	bold: boolean;
	dim: boolean;
	italic: boolean;
	underline: boolean;
	blink: boolean;
	inverse: boolean;
	invisible: boolean;
	strikethrough: boolean;
	overline: boolean;
}

export interface VirtualScreenOptions {
	/** Translate a `\n` that is not preceded by `\r` into `\r\n`, as a pty's output processing would. Default false. */
	convertEol?: boolean;
	/** Scrollback lines kept above the screen (default 1000). */
	scrollback?: number;
}

export interface WriteOptions {
	/** Overrides the screen's `convertEol` for this write. */
	convertEol?: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

function convertEol(data: string | Uint8Array): string | Uint8Array {
	if (typeof data === 'string') return data.replace(/(?<!\r)\n/g, '\r\n');
	let extra = 0;
	for (let i = 0; i < data.length; i++) if (data[i] === LF && data[i - 1] !== CR) extra++;
	if (extra === 0) return data;
	// 0x0a never occurs inside a multi-byte UTF-8 sequence, so byte-wise insertion is safe.
	const out = new Uint8Array(data.length + extra);
	let j = 0;
	for (let i = 0; i < data.length; i++) {
		const byte = data[i]!;
		if (byte === LF && data[i - 1] !== CR) out[j++] = CR;
		out[j++] = byte;
	}
	return out;
}

function hex(rgb: number): string {
	return `#${rgb.toString(16).padStart(6, '0')}`;
}

/**
 * The colour a cell is drawn in: an entry of the xterm palette from 16 up
 * (the colour cube and the grey ramp, which lectern writes for the theme
 * colours that are exactly such an entry) as its `#rrggbb`; the 16 basic
 * colours, which every terminal theme sets its own way, stay numbers.
 */
export function drawnColour(colour: CellColour): CellColour {
	return typeof colour === 'number' && colour >= 16 ? paletteHex(colour) : colour;
}

export class VirtualScreen {
	readonly terminal: XTerminal;
	private readonly convertEol: boolean;
	private cursorHiddenByHook = false;

	constructor(columns: number, rows: number, options: VirtualScreenOptions = {}) {
		this.terminal = new Terminal({
			cols: columns,
			rows,
			allowProposedApi: true,
			scrollback: options.scrollback ?? 1000,
		});
		this.terminal.loadAddon(new Unicode11Addon());
		this.terminal.unicode.activeVersion = '11';
		this.convertEol = options.convertEol ?? false;
		// Fallback for cursorVisible() if xterm's internals move: track DECTCEM ourselves
		// (the handlers return false so xterm's own handling still runs).
		const track = (visible: boolean) => (params: (number | number[])[]) => {
			if (params.includes(25)) this.cursorHiddenByHook = !visible;
			return false;
		};
		this.terminal.parser.registerCsiHandler({prefix: '?', final: 'h'}, track(true));
		this.terminal.parser.registerCsiHandler({prefix: '?', final: 'l'}, track(false));
	}

	get columns(): number {
		return this.terminal.cols;
	}

	get rows(): number {
		return this.terminal.rows;
	}

	/** Writes bytes or a string; resolves once the terminal has parsed them. */
	write(data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
		const converted = (options.convertEol ?? this.convertEol) ? convertEol(data) : data;
		return new Promise(resolve => {
			this.terminal.write(converted, resolve);
		});
	}

	/** The visible rows of the active buffer (normal or alternate), trailing spaces trimmed. */
	text(): string[] {
		const buffer = this.terminal.buffer.active;
		const rows: string[] = [];
		for (let y = 0; y < this.terminal.rows; y++) {
			rows.push((buffer.getLine(buffer.baseY + y)?.translateToString(false) ?? '').replace(/ +$/, ''));
		}
		return rows;
	}

	/** The cell at column x, row y (0-based, y relative to the top of the visible screen). */
	cell(x: number, y: number): Cell {
		if (x < 0 || x >= this.terminal.cols || y < 0 || y >= this.terminal.rows) {
			throw new RangeError(`cell (${x}, ${y}) is outside the ${this.terminal.cols}x${this.terminal.rows} screen`);
		}
		const buffer = this.terminal.buffer.active;
		const cell = buffer.getLine(buffer.baseY + y)?.getCell(x);
		if (!cell) throw new RangeError(`no cell at (${x}, ${y})`);
		const fg: CellColour = cell.isFgRGB() ? hex(cell.getFgColor()) : cell.isFgPalette() ? cell.getFgColor() : undefined;
		const bg: CellColour = cell.isBgRGB() ? hex(cell.getBgColor()) : cell.isBgPalette() ? cell.getBgColor() : undefined;
		return {
			char: cell.getChars(),
			width: cell.getWidth(),
			fg,
			bg,
			bold: cell.isBold() !== 0,
			dim: cell.isDim() !== 0,
			italic: cell.isItalic() !== 0,
			underline: cell.isUnderline() !== 0,
			blink: cell.isBlink() !== 0,
			inverse: cell.isInverse() !== 0,
			invisible: cell.isInvisible() !== 0,
			strikethrough: cell.isStrikethrough() !== 0,
			overline: cell.isOverline() !== 0,
		};
	}

	/** All cells of row y. */
	cells(y: number): Cell[] {
		return Array.from({length: this.terminal.cols}, (_, x) => this.cell(x, y));
	}

	/**
	 * The column and row where `text` starts on the screen (columns count cells, so wide
	 * characters before it count twice), or undefined. Matches within one row only.
	 */
	find(text: string): {x: number; y: number} | undefined {
		for (let y = 0; y < this.terminal.rows; y++) {
			const cells = this.cells(y).filter(cell => cell.width > 0);
			const xs: number[] = [];
			let line = '';
			let x = 0;
			for (const cell of cells) {
				const char = cell.char === '' ? ' ' : cell.char;
				for (let i = 0; i < char.length; i++) xs.push(x);
				line += char;
				x += cell.width;
			}
			const index = line.indexOf(text);
			if (index !== -1) return {x: xs[index]!, y};
		}
		return undefined;
	}

	/** Cursor position, 0-based, relative to the top of the visible screen. */
	cursor(): {x: number; y: number} {
		const buffer = this.terminal.buffer.active;
		return {x: buffer.cursorX, y: buffer.cursorY};
	}

	/** Whether the cursor is shown (DECTCEM, `ESC[?25h` / `ESC[?25l`). */
	cursorVisible(): boolean {
		const core = (this.terminal as unknown as {_core?: {coreService?: {isCursorHidden?: unknown}}})._core;
		const hidden = core?.coreService?.isCursorHidden;
		return typeof hidden === 'boolean' ? !hidden : !this.cursorHiddenByHook;
	}

	isAlternate(): boolean {
		return this.terminal.buffer.active.type === 'alternate';
	}

	resize(columns: number, rows: number): void {
		this.terminal.resize(columns, rows);
	}

	dispose(): void {
		this.terminal.dispose();
	}
}
