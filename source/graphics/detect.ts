/**
 * Which image protocol draws pictures, decided from what is known: the
 * `--images` flag, the environment, the terminal's answers to a probe, and
 * inside tmux what tmux says of itself and of the terminal outside.
 * Half-block pictures (or alt text) are what is left when no protocol is
 * known to work.
 *
 * Pure. The I/O lives in probe.ts and tmux-facts.ts.
 */
import type {ImagesMode} from '../render/colour-level.js';

export type Protocol = 'kitty' | 'iterm';

type Env = Readonly<Record<string, string | undefined>>;

/** How the player finds out which protocol to use. */
export type GraphicsStart =
	/** None: half-blocks or alt text. */
	| {readonly kind: 'none'}
	/** Known at once (the flag or the environment), written straight to the terminal. */
	| {readonly kind: 'known'; readonly protocol: Protocol}
	/** Inside tmux: ask tmux whether sequences pass through, and to which terminal (`forced` by the flag). */
	| {readonly kind: 'tmux'; readonly forced?: Protocol}
	/** Ask the terminal (probe.ts). */
	| {readonly kind: 'probe'};

/**
 * `pictures`: the colours half-block pictures would be drawn in, undefined
 * when images are alt text (`--images alt`, NO_COLOR, too few colours).
 * Without colours there are no graphics sequences either.
 */
export function graphicsStart(mode: ImagesMode, env: Env, pictures: 2 | 3 | undefined): GraphicsStart {
	if (mode === 'alt' || mode === 'blocks' || pictures === undefined) return {kind: 'none'};
	const term = env['TERM'] ?? '';
	if (term === 'dumb' || term === 'linux') return {kind: 'none'};
	const forced = mode === 'kitty' || mode === 'iterm' ? mode : undefined;
	if (nonEmpty(env['TMUX'])) return forced ? {kind: 'tmux', forced} : {kind: 'tmux'};
	if (forced) return {kind: 'known', protocol: forced};
	// A multiplexer the player cannot ask (tmux over ssh, GNU screen): both take APC strings as a title.
	if (/^(?:screen|tmux)/.test(term) || nonEmpty(env['STY'])) return {kind: 'none'};
	const known = protocolOfEnvironment(env);
	if (known) return {kind: 'known', protocol: known};
	if (env['TERM_PROGRAM'] === 'Apple_Terminal') return {kind: 'none'};
	return {kind: 'probe'};
}

/** What the terminal says of itself in the environment: only names that are never inherited by another terminal. */
function protocolOfEnvironment(env: Env): Protocol | undefined {
	const term = env['TERM'] ?? '';
	const program = env['TERM_PROGRAM'] ?? '';
	if (term === 'xterm-kitty' || term === 'xterm-ghostty' || program === 'ghostty') return 'kitty';
	// WezTerm speaks both; its iTerm2 images are the complete implementation.
	if (program === 'iTerm.app' || program === 'WezTerm' || env['LC_TERMINAL'] === 'iTerm2') return 'iterm';
	return undefined;
}

/** The protocol of a terminal by its XTVERSION name (`kitty(0.35.2)`, `WezTerm 20240203`, `iTerm2 3.5.0`). */
export function protocolOfVersion(version: string | undefined): Protocol | undefined {
	if (!version) return undefined;
	if (/^(?:kitty|ghostty)\b/i.test(version)) return 'kitty';
	if (/^(?:iTerm2|WezTerm)\b/i.test(version)) return 'iterm';
	return undefined;
}

/**
 * Whether to send the kitty graphics query after the terminal said its name
 * (or said none): not to a terminal known by name, and never to a
 * multiplexer, which would take the query for a title.
 */
export function needsKittyQuery(version: string | undefined): boolean {
	if (version === undefined) return true;
	if (protocolOfVersion(version)) return false;
	return !/^(?:tmux|screen|XTerm)\b/i.test(version);
}

/** What a probe found (see probe.ts). */
export type ProbeAnswer = {
	/** XTVERSION's name and version, when the terminal said it. */
	readonly version?: string;
	/** The terminal answered the kitty graphics query with OK. */
	readonly kittyOk: boolean;
};

export function protocolOfProbe(answer: ProbeAnswer): Protocol | undefined {
	return protocolOfVersion(answer.version) ?? (answer.kittyOk ? 'kitty' : undefined);
}

/** What tmux says (tmux-facts.ts), each undefined when unknown. */
export type TmuxFacts = {
	/** `allow-passthrough` of the pane: off, on, all. */
	readonly allowPassthrough?: string;
	/** The outer terminal's TERM and, from tmux 3.3 on, its XTVERSION name. */
	readonly clientTermName?: string;
	readonly clientTermType?: string;
};

/**
 * Inside tmux: a protocol only through passthrough. `forced` by the flag,
 * it is used whatever tmux says (and shows nothing when tmux drops it); in
 * `auto`, only when tmux lets sequences through and the terminal outside is
 * known to draw them.
 */
export function protocolInTmux(facts: TmuxFacts, env: Env, forced?: Protocol): Protocol | undefined {
	if (forced) return forced;
	if (facts.allowPassthrough !== 'on' && facts.allowPassthrough !== 'all') return undefined;
	return protocolOfOuterTerminal(facts, env);
}

function protocolOfOuterTerminal(facts: TmuxFacts, env: Env): Protocol | undefined {
	if (nonEmpty(facts.clientTermType)) return protocolOfVersion(facts.clientTermType);
	if (nonEmpty(facts.clientTermName)) return protocolOfEnvironment({TERM: facts.clientTermName});
	// No client details (tmux before 3.3): what the outer terminal left in tmux's environment.
	if (env['LC_TERMINAL'] === 'iTerm2') return 'iterm';
	if (nonEmpty(env['KITTY_WINDOW_ID'])) return 'kitty';
	return undefined;
}

function nonEmpty(value: string | undefined): value is string {
	return value !== undefined && value !== '';
}
