/**
 * The keyboard as Ink reads it, with the terminal's answers taken out (see
 * replies.ts): a readable stream over the real input that passes every key
 * on, in order, as soon as it arrives, and reports the answers as 'reply'
 * events. It reads from the moment it is made, so keys typed while the
 * player starts wait here for Ink. Raw mode, ref and unref go to the real
 * input.
 */
import {Readable} from 'node:stream';
import {ReplySplitter, type Reply} from './replies.js';

/** How long the start of a possible answer is held before it goes on as keys (Meta-P, a lone Esc). */
const holdMs = 50;

type Source = NodeJS.ReadStream & {setRawMode?: (mode: boolean) => unknown};

export class FilteredInput extends Readable {
	readonly isTTY = true;
	isRaw = false;
	private readonly source: Source;
	private readonly splitter = new ReplySplitter();
	private readonly replyListeners = new Set<(reply: Reply) => void>();
	private expecting = 0;
	private timer: NodeJS.Timeout | undefined;

	constructor(source: NodeJS.ReadStream) {
		super();
		this.source = source as Source;
		this.source.on('data', this.received);
	}

	override _read(): void {
		// Pushed as it arrives.
	}

	setRawMode(mode: boolean): this {
		this.source.setRawMode?.(mode);
		this.isRaw = mode;
		return this;
	}

	ref(): this {
		this.source.ref?.();
		return this;
	}

	unref(): this {
		this.source.unref?.();
		return this;
	}

	/** Calls `listener` with each answer of the terminal. Returns the unsubscribe function. */
	onReply(listener: (reply: Reply) => void): () => void {
		this.replyListeners.add(listener);
		return () => {
			this.replyListeners.delete(listener);
		};
	}

	/** While answers are due, an Esc at the end of a read may be the start of one, and is held a moment. */
	expect(due: boolean): void {
		this.expecting = Math.max(0, this.expecting + (due ? 1 : -1));
	}

	private readonly received = (chunk: Buffer | string): void => {
		clearTimeout(this.timer);
		this.timer = undefined;
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
		const {keys, replies, holding} = this.splitter.push(bytes.toString('latin1'), this.expecting > 0);
		if (keys !== '') {
			// Told before Ink reads them (a key drawn ahead is written at once: use-finished-frame.ts), unless keys before them wait unread.
			if (this.readableLength === 0) this.emit('keys', keys);
			this.push(Buffer.from(keys, 'latin1'));
		}
		for (const reply of replies) for (const listener of [...this.replyListeners]) listener(reply);
		if (holding) {
			this.timer = setTimeout(() => {
				this.timer = undefined;
				const held = this.splitter.flush();
				if (held !== '') this.push(Buffer.from(held, 'latin1'));
			}, holdMs);
		}
	};
}
