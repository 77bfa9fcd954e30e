/**
 * One viewer's connection: their size and colour depth, their state (following
 * or browsing), and the output to their terminal, which is a stream of
 * differences from the frame on their screen to the latest one. At most one
 * difference is on its way at a time: while a slow viewer's connection is
 * busy, newer frames replace each other, and when it is free again the viewer
 * is sent the difference to the latest frame only. So a slow viewer costs a
 * bounded amount of memory and always catches up on the current frame.
 */
import type {Size} from '../frame/frame.js';
import {overviewShape} from '../layout/plan-overview.js';
import {slideArea} from '../layout/plan-screen.js';
import {colourLevel, type ColourLevel} from '../render/colour-level.js';
import type {FrameCache, Frame, FrameSource} from './frames.js';
import type {ViewerSession} from './ssh-server.js';
import type {TalkView} from './talk.js';
import {viewerKeys} from './viewer-keys.js';
import {newViewer, viewerKey, viewerNextAt, viewerScreen, type ViewerRules, type ViewerScreen, type ViewerState} from './viewer-state.js';

/** The largest screen laid out for a viewer; a larger terminal shows it in its top left corner. */
const maxViewerSize: Size = {columns: 500, rows: 200};
/** Bytes allowed to wait in a viewer's socket before the next frame waits for them to go. */
const maxBacklog = 64 * 1024;
/** Window changes are applied this long after the last one (a drag sends dozens). */
const resizeSettleMs = 40;

const enterScreen = '\u001B[?1049h\u001B[?25l\u001B[0m\u001B[2J\u001B[H';
const leaveScreen = '\u001B]8;;\u001B\\\u001B[0m\u001B[?25h\u001B[?1049l';

export type LinkContext = {
	readonly frames: FrameCache;
	readonly source: () => FrameSource;
	readonly talk: () => TalkView;
	readonly canBrowse: boolean;
	readonly now: () => number;
	/** The viewer left or was dropped. */
	readonly closed: (link: ViewerLink) => void;
};

export class ViewerLink {
	readonly level: ColourLevel;
	size: Size;
	private state: ViewerState;
	private shown: Frame | undefined;
	/** Since when a difference has been on its way (undefined: none is). */
	private sendingSince: number | undefined;
	private dirty = false;
	private noticeTimer: NodeJS.Timeout | undefined;
	private resizeTimer: NodeJS.Timeout | undefined;
	private ended = false;
	/** Bytes sent to this viewer, for the load test. */
	sent = 0;

	constructor(
		readonly session: ViewerSession,
		private readonly context: LinkContext,
	) {
		this.level = colourLevel({...session.env, TERM: session.term}, true);
		this.size = viewerSize(session.size);
		this.state = newViewer(context.now());
		session.on('input', data => this.input(data));
		session.on('resize', size => this.resize(size));
		session.once('close', () => this.end());
	}

	/** Takes over the viewer's screen and draws the talk. */
	start(): void {
		this.send(enterScreen);
		this.refresh();
	}

	/** Draws the latest frame, now or as soon as the connection is free. */
	refresh(): void {
		if (this.ended) return;
		if (this.sendingSince !== undefined) {
			this.dirty = true;
			return;
		}

		this.dirty = false;
		const frame = this.frame();
		const bytes = this.context.frames.paint(this.shown, frame);
		this.shown = frame;
		this.scheduleNotice();
		if (bytes !== '') this.send(bytes);
	}

	/**
	 * What this viewer's screen would hold with the talk at `view` (a slide the
	 * presenter has not reached yet), for laying it out ahead; undefined for a
	 * viewer who browses.
	 */
	aheadOf(view: TalkView): {screen: ViewerScreen; size: Size; level: ColourLevel} | undefined {
		if (this.ended || this.state.browsing) return undefined;
		return {screen: viewerScreen({...this.state, notice: undefined}, view, this.rules(), this.context.now()), size: this.size, level: this.level};
	}

	/** Since when output has waited for this viewer, or undefined. */
	get waitingSince(): number | undefined {
		return this.sendingSince;
	}

	/** Leaves the viewer's terminal as it was, says `farewell` and closes. */
	close(farewell: string): void {
		if (this.ended) return;
		this.session.close(`${leaveScreen}${farewell}\r\n`);
		this.end();
	}

	/** The frame this viewer should see now. */
	private frame(): Frame {
		const rules = this.rules();
		const screen = viewerScreen(this.state, this.context.talk(), rules, this.context.now());
		return this.context.frames.frame(this.context.source(), screen, this.size, this.level);
	}

	private rules(): ViewerRules {
		const {slides} = this.context.source();
		const shape = overviewShape(slides.length, slideArea(this.size));
		return {canBrowse: this.context.canBrowse, count: slides.length, overviewRows: shape.rows, overviewPage: shape.page};
	}

	private send(bytes: string): void {
		this.sendingSince = this.context.now();
		this.sent += Buffer.byteLength(bytes);
		this.session.write(bytes, () => {
			// ssh2 has passed the bytes on to the socket; a socket still full waits until it has sent them.
			if (this.session.backlog() > maxBacklog) this.session.whenSent(() => this.free());
			else this.free();
		});
	}

	private free(): void {
		this.sendingSince = undefined;
		if (this.dirty) this.refresh();
	}

	private input(data: Buffer): void {
		if (this.ended) return;
		const talk = this.context.talk();
		const rules = this.rules();
		const redraws = this.state.redraws;
		for (const key of viewerKeys(data)) {
			this.state = viewerKey(this.state, key, talk.index, rules, this.context.now());
			if (this.state.leave) {
				this.close('');
				return;
			}
		}

		// Ctrl-L: the whole screen again.
		if (this.state.redraws !== redraws) this.shown = undefined;

		this.refresh();
	}

	private resize(size: Size): void {
		clearTimeout(this.resizeTimer);
		this.resizeTimer = setTimeout(() => {
			if (this.ended) return;
			const next = viewerSize(size);
			if (next.columns === this.size.columns && next.rows === this.size.rows) return;
			this.size = next;
			// Only this viewer's frames change: laid out at the new size, drawn whole.
			this.shown = undefined;
			this.refresh();
		}, resizeSettleMs);
	}

	/** A notice that runs out redraws the status bar when it does. */
	private scheduleNotice(): void {
		clearTimeout(this.noticeTimer);
		const at = viewerNextAt(this.state, this.context.now());
		if (at !== undefined) this.noticeTimer = setTimeout(() => this.refresh(), Math.max(0, at - this.context.now()) + 1);
	}

	private end(): void {
		if (this.ended) return;
		this.ended = true;
		clearTimeout(this.noticeTimer);
		clearTimeout(this.resizeTimer);
		this.context.closed(this);
	}
}

/** A terminal's size as laid out: at least 1x1 (80x24 when the client gave none), at most `maxViewerSize`. */
function viewerSize(size: Size): Size {
	const columns = Number.isFinite(size.columns) && size.columns > 0 ? Math.floor(size.columns) : 80;
	const rows = Number.isFinite(size.rows) && size.rows > 0 ? Math.floor(size.rows) : 24;
	return {columns: Math.min(columns, maxViewerSize.columns), rows: Math.min(rows, maxViewerSize.rows)};
}
