/**
 * Setting up terminal-drawn pictures for the player: decides how to find out
 * the protocol (detect.ts), puts the reply filter between the keyboard and
 * Ink and the picture layer between Ink and the terminal, and asks the
 * terminal (or tmux) while the first frame is drawn; pictures wait for the
 * answer ("loading…") and are then drawn with the protocol, or as
 * half-blocks. When nothing is to be asked (alt text, half-blocks, no
 * colour), Ink gets the terminal's own streams.
 */
import type {ImagesMode} from '../render/colour-level.js';
import {graphicsStart, protocolInTmux, protocolOfProbe} from './detect.js';
import {FilteredInput} from './filtered-input.js';
import {GraphicsLayer} from './layer.js';
import {cellQuery, probeTerminal} from './probe.js';

export type GraphicsOptions = {
	readonly mode: ImagesMode;
	readonly env: NodeJS.ProcessEnv;
	/** The colours of half-block pictures; undefined: images are alt text. */
	readonly pictures: 2 | 3 | undefined;
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	/** How long a round of questions waits for the terminal (default 250 ms). */
	readonly timeoutMs?: number;
};

export type GraphicsSetup = {
	/** What Ink reads keys from. */
	readonly stdin: NodeJS.ReadStream;
	/** What Ink writes frames to. */
	readonly stdout: NodeJS.WriteStream;
	/** For the player: undefined when pictures are half-blocks or alt text from the start. */
	readonly layer: GraphicsLayer | undefined;
	/** For takeOverTerminal: pictures off before the terminal is given back, and back after `fg`. */
	readonly hooks: {readonly leaving?: () => string; readonly entered?: () => void};
	/** Starts asking; call once the terminal is in raw mode, before Ink's first frame. */
	readonly start: () => void;
	/** Resolves once no answer of the terminal is due, so that none arrives after lectern has gone. */
	readonly quiet: () => Promise<void>;
};

/** A picture sent as one escape sequence through tmux stays below tmux's limit for such sequences. */
const itermMaxBytes = {direct: 2 * 1024 * 1024, tmux: 700 * 1024};

export function prepareGraphics(options: GraphicsOptions): GraphicsSetup {
	const {stdin, stdout, env} = options;
	const plan = graphicsStart(options.mode, env, options.pictures);
	if (plan.kind === 'none') return {stdin, stdout, layer: undefined, hooks: {}, start() {}, quiet: async () => undefined};
	const layer = new GraphicsLayer(stdout, {protocol: 'pending', itermMaxBytes: plan.kind === 'tmux' ? itermMaxBytes.tmux : itermMaxBytes.direct});
	let input: FilteredInput | undefined;
	let asking: Promise<void> = Promise.resolve();
	const size = () => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	return {
		get stdin() {
			return (input as unknown as NodeJS.ReadStream | undefined) ?? stdin;
		},
		stdout: layer.output,
		layer,
		hooks: {leaving: () => layer.leave(), entered: () => layer.entered()},
		start() {
			if (plan.kind === 'tmux') {
				// tmux is asked with its own command: no answer of the terminal is due.
				void askTmux(layer, env, plan.forced, stdout);
				return;
			}

			const filtered = new FilteredInput(stdin);
			input = filtered;
			const line = {write: (text: string) => stdout.write(text), onReply: filtered.onReply.bind(filtered), expect: filtered.expect.bind(filtered)};
			const known = plan.kind === 'known' ? plan.protocol : undefined;
			asking = probeTerminal(line, size(), {protocol: !known, ...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs})}).then(answer => {
				const protocol = known ?? protocolOfProbe(answer);
				layer.settle({protocol, ...(answer.cell ? {cell: answer.cell} : {})});
				// A terminal that told its cell size is asked again when its size changes (a font change resizes it too).
				if (protocol && answer.cell) followCellSize(layer, filtered, stdout);
			});
		},
		quiet: () => asking,
	};
}

function followCellSize(layer: GraphicsLayer, input: FilteredInput, stdout: NodeJS.WriteStream): void {
	input.onReply(reply => {
		if (reply.kind === 'cell-pixels' && reply.width > 0 && reply.height > 0) layer.settle({cell: {width: reply.width, height: reply.height}});
	});
	stdout.on('resize', () => {
		stdout.write(cellQuery);
	});
}

async function askTmux(layer: GraphicsLayer, env: NodeJS.ProcessEnv, forced: 'kitty' | 'iterm' | undefined, stdout: NodeJS.WriteStream): Promise<void> {
	// Loaded only inside tmux (it starts processes).
	const {readTmuxPane} = await import('./tmux-facts.js');
	const pane = await readTmuxPane(env);
	const protocol = protocolInTmux(pane, env, forced);
	layer.settle({protocol, ...(pane.cell ? {cell: pane.cell} : {})}, pane.offset);
	if (!protocol) return;
	// The pane may move in the outer terminal when anything is resized.
	stdout.on('resize', () => {
		void readTmuxPane(env).then(moved => {
			layer.settle({}, moved.offset);
		});
	});
}
