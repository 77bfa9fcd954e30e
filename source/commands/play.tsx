/**
 * The player proper: mounts the Ink app on the terminal that present.ts has
 * taken over (and drawn the opening slide on), until the presenter quits.
 */
import {EventEmitter} from 'node:events';
import {dirname, resolve} from 'node:path';
import {render, type RenderOptions} from 'ink';
import {App, type Motion} from '../app.js';
import type {FinishedFrames} from '../hooks/use-finished-frame.js';
import type {Deck} from '../deck/model.js';
import type {NavState} from '../navigation/navigation.js';
import {oneLine} from '../fault-line.js';
import type {GraphicsSetup} from '../graphics/session.js';
import type {EmojiPainter} from '../layout/big-emoji.js';
import {SlideSync, socketPath, type SyncRole} from '../presenter/sync.js';
import {SlideTimes} from '../rehearsal/rehearsal.js';
import type {AnsiOptions} from '../render/ansi.js';
import type {ImagesMode} from '../render/colour-level.js';
import type {RemoteAudience} from '../serve/remote-audience.js';
import type {ScreenSession} from '../terminal/screen-session.js';
import {takeoverStream, type OpeningFrame} from '../terminal/takeover.js';
import {gatedStream} from '../terminal/hand-over.js';
import {shellName, startShell} from '../terminal/shell.js';
import {neutralize} from '../deck/neutralize.js';
import {finishRehearsal} from './rehearse.js';
import {pageText} from '../terminal/page-text.js';
import type {Theme} from '../theme/themes.js';

/** The options of `lectern DECK`, as cli.tsx hands them to present.ts and present.ts to the player. */
export type PlayOptions = {
	readonly file: string;
	/** 1-based slide to open at. */
	readonly start: number | undefined;
	readonly env: NodeJS.ProcessEnv;
	readonly motion: Motion;
	readonly notes: boolean;
	/** The speaker's terminal: notes full screen, in step with the audience's. */
	readonly presenter: boolean;
	/** Names the socket the two terminals meet at (default: the deck's absolute path). */
	readonly session: string | undefined;
	/** The audience view's slide counter is shown (`--no-counter`: not until `c`). */
	readonly counter: boolean;
	/** Record time per slide and report it at the end. */
	readonly rehearse: boolean;
	/** The planned length of the talk. */
	readonly targetMs: number | undefined;
	/** Whether images are drawn as pictures (`--images`). */
	readonly images: ImagesMode;
	/** Remote viewers (`lectern serve`). */
	readonly audience?: RemoteAudience;
	/** How viewers connect, shown when the player opens. */
	readonly serving?: string;
	/** The colours (`--theme`), code's highlighting included. */
	readonly theme?: Theme;
	/** Let Ctrl-E run the deck's +exec and +pty blocks. */
	readonly runCode?: boolean;
};

/** What present.ts hands over with the terminal. */
export type Started = {
	/** The keyboard and the screen as Ink gets them, and the pictures the terminal draws itself. */
	readonly graphics: GraphicsSetup;
	/** What the opening slide put on the screen, if present.ts drew it: Ink's first frame is not written again when it is the same. */
	readonly opened: OpeningFrame | undefined;
	readonly session: ScreenSession;
	readonly ansi: AnsiOptions;
	/** 0-based slide the player opens at. */
	readonly start: number;
	/** Where keys pressed before the player loaded have moved (present.ts); absent: the opening state at `start`. */
	readonly nav?: NavState;
	/** The colours images are drawn in as pictures; absent: alt text. */
	readonly pictures: 2 | 3 | undefined;
	readonly emoji?: EmojiPainter;
	/** Restores the terminal and reports an error that ends the player. */
	readonly failed: (error: unknown) => void;
	/** Sets what runs before the terminal is given back (unmount, close the link). */
	readonly beforeRestore: (run: () => void) => void;
};

export async function play(deck: Deck, options: PlayOptions, started: Started): Promise<number> {
	const stdout = process.stdout;
	const {session, start, failed} = started;
	const {sync, syncProblem} = startSync(options, start);
	let instance: ReturnType<typeof render> | undefined;
	started.beforeRestore(() => {
		// Viewers are sent their farewell (their terminals left as they were) before this process ends.
		void options.audience?.stop('lectern: the talk is over. Thanks for watching.');
		sync?.close();
		instance?.unmount();
	});

	const times = options.rehearse ? new SlideTimes(deck.slides.length, Date.now()) : undefined;
	const folder = options.file === '-' ? process.cwd() : dirname(resolve(options.file));
	return new Promise<number>(resolve => {
		const finish = async () => {
			session.restore();
			// The report fits the terminal's width, and goes through a pager when it is taller than the screen.
			const rehearsal = times ? finishRehearsal(deck, options.file, times, options.targetMs, Date.now(), process.stdout.columns || 80) : undefined;
			if (rehearsal) await pageText(rehearsal.lines, process.stdout, options.env);
			const code = rehearsal?.saveFailed ? 1 : 0;
			resolve(code);
			// Watchers and timers must not keep a quit player alive.
			setImmediate(() => process.exit(code));
		};

		// An answer still due from the terminal would land on the shell's prompt: it is read first (a few ms at most).
		const quit = () => void started.graphics.quiet().then(finish);

		const resumes = new EventEmitter();
		session.onResume(() => {
			// The size may have changed while stopped; the screen is blank and is drawn whole.
			stdout.emit('resize');
			resumes.emit('resume');
		});
		const suspend = () => {
			session.suspend();
		};

		// `!` on a terminal slide: the presenter's shell, in the deck's folder, until it exits.
		const shell = {
			label: neutralize(`${shellName(options.env)} in ${folder}`),
			open: async () => session.handOver(() => startShell(folder, options.env)),
		};
		const onTheme = (theme: Theme) => {
			session.repaint(theme.paint && started.ansi.level > 0 ? theme : undefined);
			options.audience?.theme(theme);
			// Drawn whole in the new colours.
			stdout.emit('resize');
			resumes.emit('resume');
		};

		const finishedFrames: FinishedFrames = {};
		instance = render(
			<App
				deck={deck}
				file={options.file}
				start={start}
				{...(started.nav ? {opening: started.nav} : {})}
				ansi={started.ansi}
				stdout={stdout}
				onQuit={quit}
				onSuspend={suspend}
				resumes={resumes}
				motion={options.motion}
				notes={options.notes}
				presenter={options.presenter}
				counter={options.counter}
				sync={sync}
				syncProblem={syncProblem}
				targetMs={options.targetMs}
				pictures={started.pictures}
				graphics={started.graphics.layer}
				{...(started.emoji ? {emoji: started.emoji} : {})}
				onVisit={times ? (index, at) => times.visit(index, at) : undefined}
				audience={options.audience}
				serving={options.serving}
				codeTheme={options.theme?.code}
				runCode={options.runCode}
				shell={shell}
				theme={options.theme}
				onTheme={onTheme}
				finishedFrames={finishedFrames}
			/>,
			{
				// Nothing is drawn while a shell has the terminal.
				stdout: gatedStream(takeoverStream(started.graphics.stdout, started.opened), session.lent),
				stdin: started.graphics.stdin,
				exitOnCtrlC: false,
				patchConsole: false,
				incrementalRendering: true,
				maxFps: 60,
				// Patched in (scripts/ink-patches/ink-js.mjs): how the player hands Ink a finished frame.
				onFinishedFrames(write: (output: string) => boolean, plan: NonNullable<FinishedFrames['plan']>) {
					finishedFrames.write = write;
					finishedFrames.plan = plan;
				},
			} as RenderOptions,
		);
		// A render error unmounts Ink: give the terminal back, then report it.
		instance.waitUntilExit().catch(failed);
	});
}

/**
 * The link to the other terminals: by `--session NAME` every view of that name;
 * by the deck, an audience view and the speaker's (`--presenter`) only. None
 * for a piped deck without a session name.
 */
function startSync(options: PlayOptions, start: number): {sync?: SlideSync; syncProblem?: string} {
	const key = options.session === undefined ? (options.file === '-' ? undefined : `deck:${resolve(options.file)}`) : `session:${options.session}`;
	if (!key) return {};
	const role: SyncRole = options.session === undefined ? (options.presenter ? 'speaker' : 'audience') : 'session';
	try {
		const sync = new SlideSync(socketPath(key), start, role);
		sync.start();
		return {sync};
	} catch (error) {
		// No private folder for the socket: present without a second terminal, and say so (the folder's name is the user's: one safe line).
		return {syncProblem: oneLine(`no second terminal: ${error instanceof Error ? error.message : String(error)}`)};
	}
}
