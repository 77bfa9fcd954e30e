/**
 * What the presenter's player and the viewers' server (a worker thread, so
 * that no viewer ever costs the presenter a frame) say to each other.
 */
import type {Slide} from '../deck/model.js';
import type {AnimationOptions} from '../layout/terminal-animation.js';
import type {ImagesMode} from '../render/colour-level.js';
import type {Talk} from './talk.js';
import type {Theme} from '../theme/themes.js';

/** How the server is set up; given to the worker when it starts. */
export type ServeConfig = {
	readonly host: string;
	readonly port: number;
	readonly maxViewers: number;
	/** Connections at once from one address. */
	readonly maxPerAddress: number;
	readonly password: string | undefined;
	/** The text of an authorized_keys file (`--authorized-keys`). */
	readonly authorizedKeys: string | undefined;
	/** Viewers may browse on their own (`--no-follow`). */
	readonly canBrowse: boolean;
	/** Typing speed and animation; undefined: final states only. */
	readonly motion: AnimationOptions | undefined;
	/** Where the host key is kept. */
	readonly configFolder: string;
	/** How image slides are drawn for viewers, and where their files are. */
	readonly images: ImagesMode;
	readonly deckFolder: string;
	/** From accepting a connection to a running session, at most. */
	readonly setupMs: number;
	/** A viewer whose connection takes nothing for this long is dropped. */
	readonly stallMs: number;
};

export type ToServer =
	| {readonly type: 'deck'; readonly slides: readonly Slide[]}
	| {readonly type: 'talk'; readonly talk: Talk}
	/** The presenter's theme, at the start and after every turn of `T`. */
	| {readonly type: 'theme'; readonly theme: Theme}
	/** `signal[0]` turns 1 once every viewer has been sent the farewell. */
	| {readonly type: 'stop'; readonly farewell: string; readonly signal: Int32Array};

export type Listening = {
	readonly type: 'listening';
	readonly address: string;
	readonly port: number;
	readonly fingerprint: string;
	readonly keyPath: string;
	/** The host key was made now (first run). */
	readonly created: boolean;
	/** Lines of the authorized_keys file that hold no key lectern can read. */
	readonly badKeyLines: readonly number[];
};

export type FromServer =
	Listening | {readonly type: 'failed'; readonly message: string} | {readonly type: 'viewers'; readonly count: number} | {readonly type: 'stopped'};
