/**
 * The player: keeps the navigation state, the deck (live reloaded) and the
 * terminal size, and draws the planned screen. No parsing or layout here.
 */
import {dirname, resolve} from 'node:path';
import type {EventEmitter} from 'node:events';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useInput, useStdin} from 'ink';
import type {Deck} from './deck/model.js';
import {searchSlides} from './deck/slide-search.js';
import {ScreenLines} from './components/screen-lines.js';
import {emojiPainterFor} from './emoji/index.js';
import {useAnimation} from './hooks/use-animation.js';
import {useBlink} from './hooks/use-blink.js';
import {useGraphicsFrame} from './hooks/use-graphics-frame.js';
import {usePictures} from './hooks/use-pictures.js';
import {usePlanAhead} from './hooks/use-plan-ahead.js';
import {useRedraw} from './hooks/use-redraw.js';
import {useRemoteAudience} from './hooks/use-remote-audience.js';
import {useSearchIndex} from './hooks/use-search-index.js';
import {useLiveCode} from './hooks/use-live-code.js';
import {useDeckReload} from './hooks/use-deck-reload.js';
import {useFinishedFrame, type FinishedFrames} from './hooks/use-finished-frame.js';
import {useSlideSync} from './hooks/use-slide-sync.js';
import {useClockAfter, useTalkClock} from './hooks/use-talk-clock.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import type {EmojiPainter} from './layout/big-emoji.js';
import {openingState} from './layout/opening-screen.js';
import {overviewShape} from './layout/plan-overview.js';
import {notesScrollLimit, type PresenterClock} from './layout/plan-presenter.js';
import {planScreen, slideArea} from './layout/plan-screen.js';
import {animationFor} from './layout/terminal-animation.js';
import {keyName, textKeys} from './navigation/keymap.js';
import {navigate, withCount, type NavState, type Notice} from './navigation/navigation.js';
import type {SlideSync} from './presenter/sync.js';
import {paceAt, pacePlan, type PacePlan} from './rehearsal/rehearsal.js';
import type {AnsiOptions} from './render/ansi.js';
import type {GraphicsLayer} from './graphics/layer.js';
import type {RemoteAudience} from './serve/remote-audience.js';
import {builtinThemes, themeCycle, type Theme} from './theme/themes.js';

export type AppProps = {
	readonly deck: Deck;
	/** The deck file, watched for live reload (absent or `-`: no reload). */
	readonly file?: string;
	/** 0-based slide to open at. */
	readonly start: number;
	readonly ansi: AnsiOptions;
	readonly stdout: NodeJS.WriteStream;
	readonly onQuit: () => void;
	/** Ctrl-Z: give the terminal back and stop until `fg`. */
	readonly onSuspend?: () => void;
	/** Emits `resume` after `fg`: the screen is blank and must be drawn whole. */
	readonly resumes?: EventEmitter;
	readonly motion?: Motion;
	/** Start in the presenter view (notes pane). */
	readonly notes?: boolean;
	/** The audience view's slide counter is shown at first (`c` toggles it). */
	readonly counter?: boolean;
	/** The speaker's own terminal: notes full screen, following the audience's. */
	readonly presenter?: boolean;
	/** The state to open in, when keys moved the opening screen before the player loaded; absent: the opening state at `start`. */
	readonly opening?: NavState;
	/** Keeps this player and the other terminal on the same slide. */
	readonly sync?: SlideSync;
	/** Why there is no link to another terminal (the private socket folder was refused), said once the player opens. */
	readonly syncProblem?: string;
	/** The planned length of the talk, for the pace shown in the notes pane. */
	readonly targetMs?: number;
	/** The colours images are drawn in as pictures; absent: alt text. */
	readonly pictures?: 2 | 3;
	/** Pictures the terminal draws itself (kitty, iTerm2), over the frame; absent: half-blocks. */
	readonly graphics?: GraphicsLayer;
	/** Told every slide that is reached, with the time (for rehearsals). */
	readonly onVisit?: (index: number, at: number) => void;
	/** Draws big emoji (made for the opening screen already); by default one for the colour level. */
	readonly emoji?: EmojiPainter;
	/** Remote viewers (`lectern serve`): told every move; their number is shown. */
	readonly audience?: RemoteAudience;
	/** How viewers connect (`ssh -p 2222 host`), shown when the player opens. */
	readonly serving?: string;
	/** The Shiki theme a reloaded deck's code is highlighted in. */
	readonly codeTheme?: string;
	/** Ctrl-E runs the slide's +exec and +pty blocks, and `!` opens a shell, without asking (`--run-code`); without it, only after a yes. */
	readonly runCode?: boolean;
	/** `!` on a terminal slide: lends the terminal to the presenter's shell until it exits; `label` names it in the question ("bash in ~/talk"). */
	readonly shell?: {readonly label: string; readonly open: () => Promise<void>};
	/** The theme the talk starts in (default dark); `T` turns to the next. */
	readonly theme?: Theme;
	/** Told the theme `T` turned to, once the player draws in it (the screen's own colours, the viewers). */
	readonly onTheme?: (theme: Theme) => void;
	/** Ink's way to write a finished frame (a plain move is drawn before React renders it); absent: every frame is rendered. */
	readonly finishedFrames?: FinishedFrames;
};

/** A yes-or-no question on the status bar: `y` says yes, any other key no. */
type Asking = {readonly question: string; readonly yes: () => void; readonly declined: string};

export type Motion = {
	/** False with --no-animation or a reduced-motion setting: final states only, no blinking. */
	readonly animate: boolean;
	readonly charactersPerSecond: number;
};

const defaultMotion: Motion = {animate: true, charactersPerSecond: 25};

const noticeMs = 4000;

export function App({
	deck: initialDeck,
	file,
	start,
	opening,
	ansi,
	stdout,
	onQuit,
	onSuspend,
	resumes,
	motion = defaultMotion,
	notes = false,
	presenter = false,
	counter = true,
	sync,
	syncProblem,
	targetMs,
	onVisit,
	pictures: pictureLevel,
	graphics,
	emoji: givenEmoji,
	audience,
	serving,
	codeTheme,
	runCode = false,
	shell,
	theme: initialTheme,
	onTheme,
	finishedFrames,
}: AppProps) {
	const size = useTerminalSize(stdout);
	const themes = useMemo(() => themeCycle(initialTheme ?? builtinThemes['dark']!), [initialTheme]);
	const [themeIndex, setThemeIndex] = useState(themes.start);
	const theme = themes.themes[themeIndex];
	const {deck, error, version} = useDeckReload(file, initialDeck, themeIndex === themes.start ? codeTheme : theme?.code);
	const [nav, setNav] = useState(() => opening ?? openingState(initialDeck, start, notes, counter));
	const search = useMemo(() => searchSlides(deck.slides), [deck]);
	useSearchIndex(search);
	useSlideSync(sync, nav, setNav, presenter ? 'audience screen' : 'presenter');
	useEffect(() => {
		if (syncProblem) setNav(state => ({...state, notice: {text: syncProblem, tone: 'error'}}));
	}, [syncProblem]);
	// Only the notes view scrolls notes (and measuring it lays out the next slide's preview).
	const notesShown = nav.presenter || presenter;
	const notesMaxScroll = useMemo(
		() => (notesShown ? notesScrollLimit(deck.slides, nav.index, slideArea(size), presenter) : 0),
		[deck, nav.index, size, presenter, notesShown],
	);
	const context = useMemo(() => {
		const shape = overviewShape(deck.slides.length, slideArea(size));
		return {search, overviewRows: shape.rows, overviewPage: shape.page, notesMaxScroll};
	}, [search, size, notesMaxScroll, deck.slides.length]);
	const navigateBy = useCallback((state: NavState, name: string) => navigate(state, name, context), [context]);
	// Ink's own channel of the keys it reads, which the key handler below listens on too (a key drawn ahead is written from it first).
	const {internal_eventEmitter, stdin: keyboard} = useStdin();
	const talkClock = useTalkClock(nav.presenter || presenter, nav.timerResets, nav.moves);
	const plan = useMemo(() => pacePlan(deck.slides, targetMs), [deck, targetMs]);
	const paced = pacedClock(plan, nav.index, talkClock);
	const clock = useMemo(() => paced, [talkClock.elapsedMs, talkClock.now, paced.pace?.behindMs]); // eslint-disable-line react-hooks/exhaustive-deps
	const clockAfterMove = useClockAfter(talkClock, nav.timerResets, nav.moves);
	const clockAfter = (next: NavState) => pacedClock(plan, next.index, clockAfterMove(next.timerResets, next.moves));

	useEffect(() => {
		onVisit?.(nav.index, Date.now());
	}, [nav.moves]); // eslint-disable-line react-hooks/exhaustive-deps -- every move is a visit

	useEffect(() => {
		if (version === 0) return;
		const notice: Notice = error ? {text: error, tone: 'error'} : {text: 'reloaded', tone: 'info'};
		setNav(state => ({...withCount(state, deck.slides.length), notice}));
	}, [version]); // eslint-disable-line react-hooks/exhaustive-deps -- a new version is the event

	useEffect(() => {
		if (!nav.notice) return;
		const timer = setTimeout(() => {
			setNav(state => ({...state, notice: undefined}));
		}, noticeMs);
		return () => {
			clearTimeout(timer);
		};
	}, [nav.notice]);

	useEffect(() => {
		if (nav.quit) onQuit();
	}, [nav.quit, onQuit]);

	// Keys typed faster than a frame turn more than once in one state.
	const turned = useRef(0);
	useEffect(() => {
		const turns = nav.themeTurns - turned.current;
		turned.current = nav.themeTurns;
		if (turns <= 0) return;
		const next = (themeIndex + turns) % themes.themes.length;
		setThemeIndex(next);
		const chosen = themes.themes[next]!;
		onTheme?.(chosen);
		setNav(state => ({...state, notice: {text: `theme: ${chosen.name}`, tone: 'info', speaker: true}}));
	}, [nav.themeTurns]); // eslint-disable-line react-hooks/exhaustive-deps -- a press is the event

	const [asking, setAsking] = useState<Asking | undefined>(undefined);
	// A question is about this slide: a move (from the other terminal, a reload) drops it.
	useEffect(() => {
		setAsking(undefined);
	}, [nav.index]);
	const shellApproved = useRef(false);

	const slide = deck.slides[nav.index];
	const animation = useMemo(
		() => (motion.animate ? animationFor(deck.slides, nav.from, nav.index, motion) : undefined),
		[deck, nav.from, nav.index, nav.moves, motion], // eslint-disable-line react-hooks/exhaustive-deps -- a new move replays
	);
	const playing = useAnimation(animation, nav.moves);
	const viewers = useRemoteAudience(audience, serving, deck, nav, setNav, playing.running);
	const liveCode = useLiveCode(slide, runCode, file && file !== '-' ? dirname(resolve(file)) : process.cwd(), size.columns);
	const cursorOn = useBlink(motion.animate && slide?.kind === 'terminal' && !playing.running && nav.overlay === 'none', nav.moves);

	useInput((input, key) => {
		const rendered = finished.key();
		// Keys typed faster than a frame arrive together ("12" or a paste): one at a time.
		const names = input.length > 1 && !key.ctrl && !key.meta ? textKeys(input) : [keyName(input, key)];
		if (asking) {
			// The answer is the first key; the rest of a paste is dropped with the question.
			setAsking(undefined);
			const answer = names[0];
			if (answer === 'ctrl+c') setNav(state => ({...state, quit: true}));
			else if (answer === 'y' || answer === 'Y') {
				setNav(state => ({...state, notice: undefined}));
				asking.yes();
			} else setNav(state => ({...state, notice: {text: asking.declined, tone: 'info'}}));
			return;
		}

		if (names.includes('ctrl+z')) {
			onSuspend?.();
			return;
		}

		if (names.includes('ctrl+e')) {
			const ran = liveCode.run();
			if (typeof ran === 'object') {
				setAsking({question: ran.ask, yes: liveCode.approve, declined: 'not run (--run-code runs code without asking)'});
				return;
			}

			if (ran !== 'none') return;
		}

		if (names.includes('!') && nav.overlay === 'none' && !playing.running) {
			if (!shell || slide?.kind !== 'terminal') {
				setNav(state => ({...state, notice: {text: '! opens a shell on a terminal slide', tone: 'info', speaker: true}}));
				return;
			}

			const open = () => {
				shellApproved.current = true;
				void shell.open();
			};

			if (runCode || shellApproved.current) open();
			else setAsking({question: `Open a shell (${shell.label})? y/n · exit or Ctrl-D comes back`, yes: open, declined: 'no shell'});
			return;
		}

		if (playing.running && !names.some(name => name === 'q' || name === 'ctrl+c')) {
			// A key during an animation finishes it; the next key navigates.
			playing.finish();
			return;
		}

		const move = (state: NavState) => names.reduce(navigateBy, state);
		if (rendered) finished.present(move);
		setNav(move);
	});

	const terminal = playing.step ? {cursorOn: true, ...playing.step} : {cursorOn};
	// Big emoji as pictures need 256 colours at least; below that, the emoji themselves.
	const emoji = useMemo(() => givenEmoji ?? emojiPainterFor(ansi.level), [givenEmoji, ansi.level]);
	// The theme turned to with `T`; the talk's own one is in `ansi` already.
	const themed = useMemo(() => (themeIndex === themes.start || !theme ? ansi : {...ansi, theme: theme.colours}), [ansi, themeIndex, themes, theme]);
	const {pictures, picturesVersion} = usePictures(file, pictureLevel, graphics);
	const layout = useMemo(
		() => ({
			showUrls: !ansi.hyperlinks,
			shortCaptionUrls: true,
			terminal,
			...(emoji ? {emoji} : {}),
			...(pictures ? {pictures} : {}),
			...(liveCode.output ? {codeOutput: liveCode.output} : {}),
		}),
		[ansi.hyperlinks, terminal.cursorOn, playing.step, emoji, pictures, picturesVersion, liveCode.output], // eslint-disable-line react-hooks/exhaustive-deps
	);
	const redrawing = useRedraw(resumes);
	const planned = useMemo(
		() => planScreen({slides: deck.slides, nav, size, layout, clock, paneOnly: presenter, viewers, ...(asking ? {question: asking.question} : {})}),
		[deck, nav, size, layout, clock, presenter, viewers, asking],
	);
	usePlanAhead({slides: deck.slides, nav, size, layout, clock, paneOnly: presenter, motion: motion.animate ? motion : undefined});
	const lines = redrawing ? planned.map(() => []) : planned;
	const drawnPictures = useGraphicsFrame(graphics, lines);
	const finished = useFinishedFrame(finishedFrames, {
		screen: {slides: deck.slides, nav, size, layout, clock, paneOnly: presenter, viewers, ...(asking ? {question: asking.question} : {})},
		pictures: drawnPictures,
		ansi: themed,
		motion: motion.animate ? motion : undefined,
		busy: playing.running || liveCode.output !== undefined || redrawing,
		graphics,
		stdout,
		clockAfter,
		navigateBy,
		keys: internal_eventEmitter,
		stdin: keyboard,
	});
	return <ScreenLines lines={lines} ansi={themed} width={size.columns} />;
}

/** The presenter's clock at slide `index`, with the pace against the plan when the talk has one. */
function pacedClock(plan: PacePlan | undefined, index: number, clock: PresenterClock): PresenterClock {
	const pace = paceAt(plan, index, clock.elapsedMs - clock.slideMs);
	return pace ? {...clock, pace} : clock;
}
