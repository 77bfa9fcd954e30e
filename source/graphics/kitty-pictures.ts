/**
 * The pictures lectern has in a kitty terminal: each sent once under an id,
 * in chunks spread over turns of the event loop (a large picture never holds
 * up a keypress), kept within a budget (the least recently shown are freed
 * first), and all freed when lectern leaves.
 *
 * The protocol wants a picture's chunks to end before any other graphics
 * command: `interrupt` ends a transmission early (the terminal drops that
 * picture, which is sent again when it is still wanted) so that placements
 * can change at once.
 */
import type {Graphic} from '../frame/frame.js';
import {kittyAbort, kittyFree, kittyTransmit} from './kitty.js';

type Picture = {
	readonly id: number;
	/** What it takes in the terminal: RGBA pixels. */
	readonly cost: number;
	/** The escape codes still to write; undefined once the terminal has it all. */
	chunks: string[] | undefined;
	next: number;
};

/** Bytes of escape codes written per turn of the event loop. */
const bytesPerTurn = 64 * 1024;

export type KittyPicturesOptions = {
	/** Writes escape codes to the terminal (the caller wraps each for tmux where needed). */
	readonly write: (codes: readonly string[]) => void;
	/** A picture has been sent whole. */
	readonly sent: () => void;
	/** Pixels' worth of pictures (4 bytes each) kept in the terminal. Default 128 MB. */
	readonly budget?: number;
	/** The first id (ids are per terminal window: start somewhere other programs are unlikely to be). */
	readonly firstId?: number;
};

export class KittyPictures {
	private readonly options: KittyPicturesOptions;
	private readonly budget: number;
	/** By graphic key, least recently used first. */
	private readonly pictures = new Map<string, Picture>();
	/** Keys waiting to be sent, in order; the first is being sent. */
	private queue: string[] = [];
	private turn: NodeJS.Immediate | undefined;
	private nextId: number;

	constructor(options: KittyPicturesOptions) {
		this.options = options;
		this.budget = options.budget ?? 128 * 1024 * 1024;
		this.nextId = options.firstId ?? 0x10_0000 + Math.floor(Math.random() * 0xe0_0000);
	}

	/** The id of `graphic`'s picture when the terminal has it whole; otherwise it is sent (once) and undefined comes back. */
	id(graphic: Graphic): number | undefined {
		const picture = this.pictures.get(graphic.key);
		if (picture) {
			this.pictures.delete(graphic.key);
			this.pictures.set(graphic.key, picture);
			return picture.chunks ? undefined : picture.id;
		}

		const id = this.nextId++;
		const payload = graphic.payload;
		this.pictures.set(graphic.key, {id, cost: payload.width * payload.height * 4, chunks: kittyTransmit(id, payload), next: 0});
		this.queue.push(graphic.key);
		this.pump();
		return undefined;
	}

	/** A picture is being sent right now. */
	get sending(): boolean {
		const first = this.queue[0];
		return first !== undefined && (this.pictures.get(first)?.next ?? 0) > 0;
	}

	/**
	 * Ends a transmission under way (the terminal drops that picture) and
	 * forgets pictures waiting to be sent that are not in `wanted`; a dropped
	 * picture still wanted is sent again.
	 */
	interrupt(wanted: ReadonlySet<string>): void {
		const first = this.queue[0];
		const current = first === undefined ? undefined : this.pictures.get(first);
		if (current && current.next > 0 && current.chunks) {
			this.options.write([kittyAbort]);
			current.next = 0;
		}

		for (const key of this.queue) if (!wanted.has(key)) this.pictures.delete(key);
		this.queue = this.queue.filter(key => wanted.has(key));
		if (this.queue.length > 0) this.pump();
	}

	/** Frees pictures the terminal has beyond the budget, least recently used first, keeping `keep` (graphic keys). */
	trim(keep: ReadonlySet<string>): string[] {
		let cost = 0;
		for (const picture of this.pictures.values()) if (!picture.chunks) cost += picture.cost;
		const codes: string[] = [];
		for (const [key, picture] of this.pictures) {
			if (cost <= this.budget) break;
			if (picture.chunks || keep.has(key)) continue;
			codes.push(kittyFree(picture.id));
			cost -= picture.cost;
			this.pictures.delete(key);
		}

		return codes;
	}

	/** Ends any transmission and frees every picture; returns the escape codes (the caller writes them, wrapped as needed). */
	freeAll(): string[] {
		clearImmediate(this.turn);
		this.turn = undefined;
		const codes: string[] = [];
		const first = this.queue[0];
		if (first !== undefined && (this.pictures.get(first)?.next ?? 0) > 0) codes.push(kittyAbort);
		for (const picture of this.pictures.values()) if (!picture.chunks) codes.push(kittyFree(picture.id));
		this.pictures.clear();
		this.queue = [];
		return codes;
	}

	private pump(): void {
		this.turn ??= setImmediate(() => {
			this.turn = undefined;
			const key = this.queue[0];
			const picture = key === undefined ? undefined : this.pictures.get(key);
			if (!picture?.chunks) {
				this.queue.shift();
				if (this.queue.length > 0) this.pump();
				return;
			}

			let written = 0;
			const codes: string[] = [];
			while (picture.next < picture.chunks.length && written < bytesPerTurn) {
				const chunk = picture.chunks[picture.next++]!;
				codes.push(chunk);
				written += chunk.length;
			}

			this.options.write(codes);
			if (picture.next >= picture.chunks.length) {
				picture.chunks = undefined;
				this.queue.shift();
				this.options.sent();
			}

			if (this.queue.length > 0) this.pump();
		});
	}
}
