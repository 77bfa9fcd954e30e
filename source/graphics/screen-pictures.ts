/**
 * The pictures on the screen, against the pictures the screen should have:
 * the escape codes that take off those that left, draw those that came (or
 * were damaged), and free everything. kitty pictures are placed over their
 * cells once the terminal has them (kitty-pictures.ts sends them); iTerm2
 * pictures are drawn into their cells, and taken off by blanking them.
 * Inside tmux, codes for the outer terminal go through passthrough, placed in
 * its coordinates.
 */
import type {Protocol} from './detect.js';
import {itermImage} from './iterm.js';
import {kittyPlace, kittyUnplace} from './kitty.js';
import {KittyPictures} from './kitty-pictures.js';
import {atCell, tmuxWrap} from './passthrough.js';
import {placementKey, type Passthrough, type Placement} from './placement.js';
import type {Writes} from './screen-writes.js';

type Shown = {readonly placement: Placement; readonly id?: number; readonly placementId?: number};

export type ScreenPicturesOptions = {
	/** Writes escape codes at once (a kitty transmission under way, or ended early). */
	readonly write: (text: string) => void;
	/** A kitty picture has been sent whole: it can be placed now. */
	readonly sent: () => void;
};

export class ScreenPictures {
	protocol: Protocol | undefined;
	passthrough: Passthrough | undefined;
	private wanted: readonly Placement[] = [];
	private readonly shown = new Map<string, Shown>();
	/** Shown pictures to draw again: written over (iTerm2), or the screen was cleared or scrolled. */
	private readonly damaged = new Set<string>();
	private readonly kitty: KittyPictures;
	private nextPlacement = 1;

	constructor(options: ScreenPicturesOptions) {
		this.kitty = new KittyPictures({
			write: codes => {
				options.write(codes.map(code => this.wrap(code)).join(''));
			},
			sent: options.sent,
		});
	}

	/** The pictures the screen should have. */
	want(placements: readonly Placement[]): void {
		this.wanted = placements;
	}

	/** Takes off the pictures the screen no longer has. */
	takeOff(): string {
		const wanted = new Set(this.wanted.map(placement => placementKey(placement)));
		let out = '';
		for (const [key, shown] of this.shown) {
			if (wanted.has(key)) continue;
			out += this.remove(shown);
			this.shown.delete(key);
			this.damaged.delete(key);
		}

		return out;
	}

	/** Draws the pictures the screen has that are not on it yet, or were damaged. */
	drawNew(): string {
		let out = '';
		for (const placement of this.wanted) {
			const key = placementKey(placement);
			const shown = this.shown.get(key);
			if (shown && !this.damaged.has(key)) continue;
			const drawn = this.draw(placement, shown);
			if (!drawn) continue;
			out += drawn.code;
			this.shown.set(key, drawn.shown);
			this.damaged.delete(key);
		}

		if (this.protocol === 'kitty') {
			const keep = new Set(this.wanted.map(placement => placement.graphic.key));
			out += this.kitty
				.trim(keep)
				.map(code => this.wrap(code))
				.join('');
		}

		return out;
	}

	/** Everything off the screen, forgotten. */
	takeAllOff(): string {
		let out = '';
		for (const shown of this.shown.values()) out += this.remove(shown);
		this.forget();
		return out;
	}

	/** Frees every kitty picture (their placements go with them) and forgets what is shown. */
	freeAll(): string {
		const out = this.kitty
			.freeAll()
			.map(code => this.wrap(code))
			.join('');
		this.forget();
		return out;
	}

	/** The screen is new (blank): nothing is on it. */
	forget(): void {
		this.shown.clear();
		this.damaged.clear();
	}

	/** Marks the pictures that `writes` (Ink's text) disturbed. */
	noteDamage(writes: Writes): void {
		for (const [key, {placement}] of this.shown) {
			if (writes.cleared) {
				this.damaged.add(key);
				continue;
			}

			// kitty pictures sit above the text; iTerm2 pictures are the cells' content.
			if (this.protocol !== 'iterm') continue;
			const bottom = placement.row + placement.graphic.rows;
			const right = placement.column + placement.graphic.columns;
			const hit = writes.spans.some(span => span.row >= placement.row && span.row < bottom && span.from < right && span.to > placement.column);
			if (hit) this.damaged.add(key);
		}
	}

	private draw(placement: Placement, shown: Shown | undefined): {code: string; shown: Shown} | undefined {
		const {graphic, row, column} = placement;
		const top = row + (this.passthrough?.top ?? 0);
		const left = column + (this.passthrough?.left ?? 0);
		if (this.protocol === 'iterm') {
			return {code: this.wrap(atCell(top, left, itermImage(graphic.payload, graphic.columns, graphic.rows))), shown: {placement}};
		}

		const id = this.kitty.id(graphic);
		if (id === undefined) return undefined;
		this.beforeKittyCommand();
		// Placed again with the same ids, a placement moves (no flicker).
		const placementId = shown?.placementId ?? this.nextPlacement++;
		return {code: this.wrap(atCell(top, left, kittyPlace(id, placementId, graphic.columns, graphic.rows))), shown: {placement, id, placementId}};
	}

	private remove(shown: Shown): string {
		if (shown.id !== undefined && shown.placementId !== undefined) {
			this.beforeKittyCommand();
			return this.wrap(kittyUnplace(shown.id, shown.placementId));
		}

		// iTerm2: the picture is the cells' content; blank cells take it off (through tmux as any text).
		const {graphic, row, column} = shown.placement;
		let out = '\u001B7\u001B[0m';
		for (let line = row; line < row + graphic.rows; line++) out += `\u001B[${line + 1};${column + 1}H\u001B[${graphic.columns}X`;
		return `${out}\u001B8`;
	}

	/** kitty takes no other graphics command in the middle of a picture's chunks: end a transmission under way first. */
	private beforeKittyCommand(): void {
		if (this.kitty.sending) this.kitty.interrupt(new Set(this.wanted.map(placement => placement.graphic.key)));
	}

	private wrap(code: string): string {
		return this.passthrough ? tmuxWrap(code) : code;
	}
}
