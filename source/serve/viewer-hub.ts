/**
 * Every viewer of a talk: the deck they see, where the presenter is, and the
 * clock that plays a terminal slide's typing (and its cursor's blinking) in
 * step with the presenter's. Each change is worked out once and drawn for each
 * viewer at their own size; a viewer who falls behind is dropped only when
 * their connection has taken nothing for `stallMs`.
 */
import type {Slide} from '../deck/model.js';
import type {AnimationOptions} from '../layout/terminal-animation.js';
import {FrameCache, type FrameSource} from './frames.js';
import type {Theme} from '../theme/themes.js';
import type {ViewerSession} from './ssh-server.js';
import {AnimationCache, openingTalk, talkViewAt, type Talk, type TalkView} from './talk.js';
import {ViewerLink} from './viewer-link.js';
import {neutralize} from '../deck/neutralize.js';

export type HubOptions = {
	/** Viewers may browse on their own and rejoin. */
	readonly canBrowse: boolean;
	/** Typing animations (and blinking); undefined: final states only. */
	readonly motion: AnimationOptions | undefined;
	readonly maxViewers: number;
	/** A viewer whose connection takes nothing for this long is dropped. */
	readonly stallMs: number;
	/** Told the number of viewers whenever it changes. */
	readonly onCount?: (count: number) => void;
	readonly now?: () => number;
	readonly frames?: FrameCache;
};

const sweepMs = 5000;
/** After a move, the next slide is laid out ahead once the move itself has been sent. */
const aheadMs = 40;

export class ViewerHub {
	readonly frames: FrameCache;
	private readonly links = new Set<ViewerLink>();
	private source: FrameSource = {slides: [], version: 0};
	private talk: Talk;
	private view: TalkView;
	private readonly animations = new AnimationCache();
	private tick: NodeJS.Timeout | undefined;
	private readonly sweep: NodeJS.Timeout;
	private readonly now: () => number;
	private closing = false;
	/** The talk the next slide was last laid out ahead for. */
	private ahead: {talk: Talk | undefined} = {talk: undefined};

	constructor(private readonly options: HubOptions) {
		this.now = options.now ?? Date.now;
		this.frames = options.frames ?? new FrameCache();
		this.talk = openingTalk(0, this.now());
		this.view = this.viewNow();
		this.sweep = setInterval(() => this.dropStalled(), sweepMs);
		this.sweep.unref();
	}

	get count(): number {
		return this.links.size;
	}

	/** Every viewer now connected (for the load test's figures). */
	get viewers(): readonly ViewerLink[] {
		return [...this.links];
	}

	/** A new deck (or the same deck reloaded): every frame is laid out again. */
	setDeck(slides: readonly Slide[], pictures?: FrameSource['pictures']): void {
		this.source = {slides, version: this.source.version + 1, ...(pictures ? {pictures} : {}), ...(this.source.theme ? {theme: this.source.theme} : {})};
		this.frames.clear();
		this.ahead = {talk: undefined};
		this.update();
	}

	/** The presenter's theme (at the start, and each time `T` turns it): every frame is drawn again in it. */
	setTheme(theme: Theme): void {
		this.source = {...this.source, theme, version: this.source.version + 1};
		this.frames.clear();
		this.ahead = {talk: undefined};
		this.update();
	}

	/** The presenter moved (or blacked out, or cut the typing short). */
	setTalk(talk: Talk): void {
		this.talk = talk;
		this.update();
	}

	/** Lets a viewer in, or tells them the talk is full. */
	add(session: ViewerSession): void {
		if (this.closing) {
			session.close('lectern: the talk is over.\r\n');
			return;
		}

		if (this.links.size >= this.options.maxViewers) {
			session.close(`lectern: this talk has ${this.options.maxViewers} viewers already; try again later.\r\n`);
			return;
		}

		if (session.term === 'dumb') {
			session.close(`lectern: ${neutralize(session.term)} terminals cannot show slides; connect from a terminal that can move the cursor.\r\n`);
			return;
		}

		const link = new ViewerLink(session, {
			frames: this.frames,
			source: () => this.source,
			talk: () => this.view,
			canBrowse: this.options.canBrowse,
			now: this.now,
			closed: gone => {
				this.links.delete(gone);
				this.options.onCount?.(this.links.size);
			},
		});
		this.links.add(link);
		this.options.onCount?.(this.links.size);
		link.start();
	}

	/**
	 * Says goodbye to every viewer; resolves once their clients have closed
	 * the session (or after `graceMs`), so that a server about to stop leaves
	 * no viewer's ssh saying the connection was cut.
	 */
	close(farewell: string, graceMs = 300): Promise<void> {
		this.closing = true;
		clearTimeout(this.tick);
		clearInterval(this.sweep);
		const gone = [...this.links].map(
			link =>
				new Promise<void>(resolve => {
					link.session.once('close', () => resolve());
					link.close(farewell);
				}),
		);
		return new Promise(resolve => {
			const timer = setTimeout(resolve, graceMs);
			void Promise.all(gone).then(() => {
				clearTimeout(timer);
				resolve();
			});
		});
	}

	private viewNow(): TalkView {
		return talkViewAt(this.talk, this.source.slides, this.options.motion, this.now(), this.animations);
	}

	/** Works out the view once, draws it for everyone, and wakes up when it next changes by itself. */
	private update(): void {
		clearTimeout(this.tick);
		const moved = this.ahead.talk !== this.talk;
		this.view = this.viewNow();
		for (const link of this.links) link.refresh();
		const next = this.view.nextAt;
		if (next !== undefined && !this.closing) this.tick = setTimeout(() => this.update(), Math.max(1, next - this.now()));
		if (moved) this.planAhead();
	}

	/**
	 * Lays out the next slide, as it looks on arrival, at every size and colour
	 * depth viewers have, one layout a turn of the event loop, while the
	 * presenter talks: the next move then costs every viewer a lookup.
	 */
	private planAhead(): void {
		const talk = this.talk;
		this.ahead = {talk};
		const next = talk.index + 1;
		if (next >= this.source.slides.length || this.closing) return;
		const arrival = talkViewAt(
			{index: next, from: talk.index, moves: talk.moves + 1, since: this.now(), finished: false, blackout: false},
			this.source.slides,
			this.options.motion,
			this.now(),
			this.animations,
		);
		const pending = [...this.links];
		const step = () => {
			if (this.ahead.talk !== talk || this.closing) return;
			while (pending.length > 0) {
				const wanted = pending.pop()!.aheadOf(arrival);
				if (!wanted) continue;
				const before = this.frames.laidOut;
				this.frames.frame(this.source, wanted.screen, wanted.size, wanted.level);
				// One new layout a turn: a viewer's keys or a move never wait for the rest.
				if (this.frames.laidOut !== before) break;
			}

			if (pending.length > 0) setImmediate(step);
		};

		setTimeout(step, aheadMs).unref();
	}

	private dropStalled(): void {
		const now = this.now();
		for (const link of this.links) {
			const since = link.waitingSince;
			if (since !== undefined && now - since > this.options.stallMs)
				link.close('lectern: your connection stopped taking the slides; reconnect to watch again.');
		}
	}
}
