/**
 * Pictures the terminal draws itself, over Ink's frame. Ink knows nothing of
 * them: layout leaves their cells blank and marks them (Style.graphic), the
 * player tells the layer where the planned screen has them (`show`), and Ink
 * writes through `output`. Each frame Ink writes, between its
 * synchronized-update marks, carries the picture changes in the same update:
 * pictures that left are taken off before the frame's text, new ones drawn
 * after it (screen-pictures.ts). A frame that changes no picture gets nothing
 * added, so a ticking clock never touches a picture. The cells Ink writes are
 * followed (screen-writes.ts): an iTerm2 picture written over is drawn again.
 */
import type {Size} from '../frame/frame.js';
import type {Protocol} from './detect.js';
import type {Passthrough, PixelSize, Placement} from './placement.js';
import {ScreenPictures} from './screen-pictures.js';
import {ScreenWrites} from './screen-writes.js';

export type GraphicsState = {
	/** The protocol pictures are drawn with: 'pending' while the terminal is asked, undefined for half-blocks (then for good: the terminal is asked once). */
	readonly protocol: Protocol | 'pending' | undefined;
	/** A cell's size in pixels, when the terminal said. */
	readonly cell?: PixelSize;
	/** An iTerm2 picture (one escape sequence) is made small enough to be at most this many bytes. */
	readonly itermMaxBytes: number;
};

const bsu = '\u001B[?2026h';
const esu = '\u001B[?2026l';
/** When no frame carries a change (the text stayed the same), it is written on its own after this long: longer than Ink's frame interval. */
const settleMs = 40;

export class GraphicsLayer {
	/** The stream Ink writes to. */
	readonly output: NodeJS.WriteStream;
	private readonly stdout: NodeJS.WriteStream;
	private current: GraphicsState;
	private readonly listeners = new Set<() => void>();
	private readonly pictures: ScreenPictures;
	private readonly writes: ScreenWrites;
	private wanted: readonly Placement[] = [];
	/** False while the terminal is given back (suspended, quit). */
	private active = true;
	private inFrame = false;
	/** Resized, and the player has not said where the pictures go at the new size yet. */
	private stale = false;
	private timer: NodeJS.Timeout | undefined;

	constructor(stdout: NodeJS.WriteStream, state: GraphicsState) {
		this.stdout = stdout;
		this.current = state;
		this.writes = new ScreenWrites(sizeOf(stdout));
		this.pictures = new ScreenPictures({
			write: text => {
				this.raw(text);
			},
			sent: () => {
				this.reconcile();
			},
		});
		this.pictures.protocol = drawnWith(state);
		const write = this.inkWrite.bind(this);
		this.output = new Proxy(stdout, {
			get(target, property) {
				if (property === 'write') return write;
				const value: unknown = Reflect.get(target, property, target);
				return typeof value === 'function' ? (value as (...parameters: unknown[]) => unknown).bind(target) : value;
			},
		});
		stdout.on('resize', this.resized);
	}

	// For the player --------------------------------------------------------------

	get state(): GraphicsState {
		return this.current;
	}

	/** Calls `listener` when `state` changes (for useSyncExternalStore). */
	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	/** What the terminal turned out to support (and, inside tmux, where the pane is); a new protocol takes every picture off first. */
	settle(change: Partial<GraphicsState>, passthrough?: Passthrough): void {
		const before = this.pictures.passthrough;
		if (passthrough && (passthrough.top !== before?.top || passthrough.left !== before.left)) {
			this.pictures.passthrough = passthrough;
			// The pane moved in the outer terminal: its pictures move with it.
			if (before && this.drawing()) {
				this.raw(this.pictures.takeAllOff());
				this.reconcile();
			}
		}

		// Half-blocks are for good: Ink's writes are no longer followed (see `around`), so no picture could be placed among them.
		const next = this.current.protocol === undefined ? {...this.current, ...change, protocol: undefined} : {...this.current, ...change};
		if (next.protocol === this.current.protocol && next.cell?.width === this.current.cell?.width && next.cell?.height === this.current.cell?.height) return;
		if (next.protocol !== this.current.protocol) {
			this.raw(this.pictures.takeAllOff());
			this.pictures.protocol = drawnWith(next);
		}

		this.current = next;
		for (const listener of [...this.listeners]) listener();
	}

	/** The pictures of the screen about to be drawn (see placement.ts). */
	show(placements: readonly Placement[]): void {
		if (placements === this.wanted) return;
		this.wanted = placements;
		this.pictures.want(placements);
		this.stale = false;
		if (!this.drawing()) return;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.reconcile();
		}, settleMs);
		this.timer.unref();
	}

	/** The escape codes that free every picture before the terminal is given back; the layer then rests until `entered`. */
	leave(): string {
		if (!this.active) return '';
		this.active = false;
		clearTimeout(this.timer);
		// Freeing a kitty picture takes its placements too; iTerm2 pictures are cells of the alternate screen, which goes with them.
		return this.pictures.freeAll();
	}

	/** The terminal is lectern's again (after `fg`): a blank screen, the cursor at the top left. */
	entered(): void {
		this.active = true;
		this.writes.home();
		this.pictures.forget();
	}

	// Between Ink and the terminal ---------------------------------------------------

	private inkWrite(
		chunk: string | Uint8Array,
		encoding?: BufferEncoding | ((error?: Error | null) => void),
		callback?: (error?: Error | null) => void,
	): boolean {
		const done = typeof encoding === 'function' ? encoding : callback;
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		return done ? this.stdout.write(this.around(text), done) : this.stdout.write(this.around(text));
	}

	/** Ink's `text` with the picture changes around it. */
	private around(text: string): string {
		// With half-blocks for good, there is nothing to draw over Ink's text: it is not read (some 2 ms of a slide change).
		if (!this.active || this.current.protocol === undefined) return text;
		if (text === bsu) {
			this.inFrame = true;
			return this.drawing() ? bsu + this.pictures.takeOff() : bsu;
		}

		if (text === esu) {
			this.inFrame = false;
			return this.drawing() ? this.drawNew() + esu : esu;
		}

		const writes = this.writes.follow(text);
		if (!this.drawing()) return text;
		this.pictures.noteDamage(writes);
		return this.inFrame ? text : this.pictures.takeOff() + text + this.drawNew();
	}

	private drawing(): boolean {
		return this.active && this.pictures.protocol !== undefined;
	}

	/** Ink draws the old screen at the new size first: its pictures' places are not known yet. */
	private drawNew(): string {
		return this.stale ? '' : this.pictures.drawNew();
	}

	/** Writes the picture changes on their own, when no frame of Ink's carried them. */
	private reconcile(): void {
		clearTimeout(this.timer);
		if (!this.drawing()) return;
		const changes = this.pictures.takeOff() + this.drawNew();
		if (changes !== '') this.raw(bsu + changes + esu);
	}

	private readonly resized = (): void => {
		this.writes.resize(sizeOf(this.stdout));
		if (!this.drawing()) return;
		// Everything moves: take the pictures off now (before Ink draws the new size); the next frame draws them where they go.
		this.raw(this.pictures.takeAllOff());
		this.stale = true;
	};

	private raw(text: string): void {
		if (text === '') return;
		try {
			this.stdout.write(text);
		} catch {
			// A terminal that is gone takes its pictures with it.
		}
	}
}

function drawnWith(state: GraphicsState): Protocol | undefined {
	return state.protocol === 'pending' ? undefined : state.protocol;
}

function sizeOf(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}
