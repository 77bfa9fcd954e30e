/**
 * The command line: flags, reading the deck, exit codes. The only file that
 * touches `process` for arguments and exit status. It loads as little as it
 * can before the first slide is on screen: the player (Ink), the image
 * decoders and meow are imported only when they are needed, and each loads as
 * one chunk (every module on the way to the first frame costs a file read).
 */
import {existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {flagProblem, options, quickArguments, type Arguments} from './cli-arguments.js';
import {checkDeck, checkSummary, deckImages, failsCheck, formatDiagnostic} from './commands/check.js';
import {present} from './commands/present.js';
import {printDeck} from './commands/print.js';
import {formatNamed} from './deck/format-names.js';
import {neutralize} from './deck/neutralize.js';
import {internalErrorReport, oneLine} from './fault-line.js';
import {DeckError, readDeck, readDeckInSteps} from './read-deck.js';
import {openableName} from './files/raw-path.js';
import {parseDuration} from './rehearsal/rehearsal.js';
import {colourLevel, pictureColours, type ImagesMode} from './render/colour-level.js';
import {highlightDeck} from './code/highlight-deck.js';
import {resolveTheme, ThemeError} from './theme/resolve-theme.js';
import type {Theme} from './theme/themes.js';
import {holdYoungGeneration} from './young-generation.js';

const commands = new Set(['print', 'check', 'rehearse', 'export', 'serve']);

async function main(): Promise<number> {
	const argv = process.argv.slice(2);
	if (argv.length === 1 && argv[0] === 'licenses' && !existsSync('licenses')) {
		const {licenceNotices} = await import('./commands/licenses.js');
		const notices = licenceNotices();
		if (notices === undefined) throw new DeckError('the licence notices are missing: they are made by `npm run build`');
		process.stdout.write(notices);
		return 0;
	}

	const {input, flags}: Arguments = quickArguments(argv) ?? (await import('./meow-arguments.js')).meowArguments(import.meta, options);
	const problem = flagProblem(flags, argv);
	if (problem) throw new DeckError(problem);
	const [first, second] = input;
	const command = first && commands.has(first) && second !== undefined ? first : 'play';
	// A name that is not UTF-8 is opened by its bytes (raw-path.ts).
	const named = command === 'play' ? first : second;
	const file = named === undefined || named === '-' ? named : openableName(named);
	// `lectern print` with no deck (unless a deck is really called "print"): the usage, not "no such file".
	const commandAlone = first !== undefined && commands.has(first) && second === undefined && !existsSync(first);
	if (file === undefined || commandAlone) (await import('./meow-arguments.js')).showUsage(import.meta, options);

	const format = flags.format === undefined ? undefined : formatNamed(flags.format);
	const loadOptions = format ? {format} : {};
	const presenting = command === 'play' || command === 'rehearse' || command === 'serve';
	// A player allocates little per key: V8's young generation is kept small (young-generation.ts).
	if (presenting) holdYoungGeneration();
	// The player draws its opening slide from the part of the deck that slide needs, then reads the rest.
	const steps = presenting ? await readDeckInSteps(file!, loadOptions, (flags.start ?? 1) - 1) : undefined;
	const asks = presenting && flags.theme === 'auto' && process.stdin.isTTY && process.stdout.isTTY;
	const theme = await themeFor(flags.theme, deckFolder(file!), asks);
	const deck =
		steps?.opening ?? (command === 'check' ? await readDeck(file!, loadOptions) : await highlightDeck(await readDeck(file!, loadOptions), theme.code));
	const env = flags.color ? process.env : {...process.env, NO_COLOR: '1'};
	const images = flags.images as ImagesMode;

	switch (command) {
		case 'print': {
			const {ImageStore, isSvgSource, SvgStore} = await import('./images/index.js');
			const size = {
				columns: flags.width ?? (process.stdout.columns || 80),
				rows: flags.height ?? (process.stdout.rows || 24),
			};
			const level = colourLevel(env, Boolean(process.stdout.isTTY));
			const pictureLevel = pictureColours(images, level);
			const store = pictureLevel ? new ImageStore(deckFolder(file!), {level: pictureLevel}) : undefined;
			// resvg is loaded only when the deck names an SVG.
			const svg = pictureLevel && deckImages(deck).some(image => isSvgSource(image.src)) ? new SvgStore(deckFolder(file!), pictureLevel) : undefined;
			try {
				await store?.loadDecoders();
				await svg?.load().catch(() => undefined); // Failing, each SVG shows its alt text and the reason.
				const pictures = store
					? {
							pictures: (src: string, box: {columns: number; rows: number}) =>
								svg && isSvgSource(src) ? svg.pictureSync(src, box) : store.pictureSync(src, box),
						}
					: {};
				// Written a megabyte at a time as it is made: 200,000 slides print some 250 MB, never held whole.
				let out: string[] = [];
				let length = 0;
				for (const line of printDeck(deck, {size, notes: flags.notes, ansi: {level, hyperlinks: false, theme: theme.colours}, ...pictures})) {
					out.push(line);
					length += line.length + 1;
					if (length < 1024 * 1024) continue;
					await write(out.join('\n') + '\n');
					out = [];
					length = 0;
				}

				if (out.length > 0) await write(out.join('\n') + '\n');
			} finally {
				store?.close();
			}

			return 0;
		}

		case 'export': {
			const {exportDeck, exportFormats, paletteOf} = await import('./commands/export.js');
			const to = flags.to as (typeof exportFormats)[number] | undefined;
			if (!to) throw new DeckError(`export: say which format with --to ${exportFormats.join(', ')}`);
			const reducedMotion = ['1', 'true', 'yes'].includes((process.env['LECTERN_REDUCED_MOTION'] ?? '').toLowerCase());
			return exportDeck(deck, {
				file: file!,
				to,
				output: flags.output,
				size: {columns: flags.width ?? 120, rows: flags.height ?? 40},
				palette: paletteOf(theme),
				notes: flags.notes,
				steps: flags.steps,
				motion: {animate: flags.animation && !reducedMotion, charactersPerSecond: Math.min(1000, Math.max(1, flags.typingSpeed))},
				pause: flags.pause,
				images,
				stderr: process.stderr,
				stdout: process.stdout,
				folder: deckFolder(file!),
			});
		}

		case 'check': {
			const {checkImage, isSvgSource, SvgStore} = await import('./images/index.js');
			const folder = deckFolder(file!);
			// An SVG is checked by drawing it small with resvg (loaded only when the deck names one).
			const svg = deckImages(deck).some(image => isSvgSource(image.src)) ? new SvgStore(folder, 3) : undefined;
			const svgFailure = await svg?.load().then(
				() => undefined,
				(error: unknown) => (error instanceof Error ? error.message : String(error)),
			);
			// Other images: their structure walked and a PNG's pixel data inflated (and dropped), one file at a time.
			const inspected = new Map<string, Awaited<ReturnType<typeof checkImage>>>();
			for (const {src} of deckImages(deck)) {
				if (!inspected.has(src) && !isSvgSource(src) && existsSync(resolve(folder, src))) inspected.set(src, await checkImage(resolve(folder, src)));
			}

			const diagnostics = checkDeck(deck, {
				file: file!,
				imageExists: src => existsSync(resolve(folder, src)),
				imageProblem(src) {
					if (svg && isSvgSource(src)) {
						const drawn = svgFailure ? {state: 'failed', reason: svgFailure} : svg.pictureSync(src, {columns: 8, rows: 4});
						return 'reason' in drawn ? {reason: drawn.reason, unsupported: false} : undefined;
					}

					const found = inspected.get(src);
					return !found || found.ok ? undefined : {reason: found.reason, unsupported: found.code === 'unsupported'};
				},
			});
			const shown = file === '-' ? 'stdin' : file!;
			const lines = diagnostics.map(diagnostic => formatDiagnostic(shown, diagnostic));
			lines.push(checkSummary(deck, diagnostics));
			const {asksAboutServing, serveCheck} = await import('./commands/check-serve.js');
			if (asksAboutServing(flags)) lines.push(...(await serveCheck(flags)).map(line => neutralize(line)));
			await write(lines.join('\n') + '\n');
			return failsCheck(diagnostics) ? 1 : 0;
		}

		default: {
			const reducedMotion = ['1', 'true', 'yes'].includes((process.env['LECTERN_REDUCED_MOTION'] ?? '').toLowerCase());
			const charactersPerSecond = Math.min(1000, Math.max(1, flags.typingSpeed));
			const rehearsing = command === 'rehearse';
			const targetMs = flags.target === undefined ? undefined : parseDuration(flags.target);
			if (flags.target !== undefined && targetMs === undefined) throw new DeckError(`--target ${flags.target}: not a length of time (try 25m, 1h10m or 25:00)`);
			const playOptions = {
				file: file!,
				start: flags.start,
				env,
				motion: {animate: flags.animation && !reducedMotion, charactersPerSecond},
				notes: flags.notes || rehearsing,
				images,
				presenter: flags.presenter,
				session: flags.session,
				counter: flags.counter,
				rehearse: rehearsing,
				targetMs,
				theme,
				runCode: flags.runCode,
			};
			if (command !== 'serve') return present(steps!, playOptions);
			const {serve, serveDefaults} = await import('./commands/serve.js');
			return serve(steps!, playOptions, {
				host: flags.host ?? serveDefaults.host,
				port: flags.port ?? serveDefaults.port,
				maxViewers: flags.maxViewers ?? serveDefaults.maxViewers,
				password: flags.password,
				authorizedKeys: flags.authorizedKeys,
				follow: flags.follow,
			});
		}
	}
}

/** The theme `--theme` names; a theme that cannot be had is a DeckError (exit 2). */
async function themeFor(name: string, folder: string, asks: boolean): Promise<Theme> {
	try {
		return await resolveTheme(name, {folder, ...(asks ? {terminal: {input: process.stdin, output: process.stdout}} : {})});
	} catch (error) {
		if (error instanceof ThemeError) throw new DeckError(error.message);
		throw error;
	}
}

/** Where a deck's images are: next to it (the working folder for a piped deck). */
function deckFolder(file: string): string {
	return file === '-' ? process.cwd() : dirname(resolve(file));
}

/** Writes to standard output; a failure (a full disk, `> /dev/full`) is a one-line error and a non-zero exit, never a silent 0. */
function write(text: string): Promise<void> {
	return new Promise((done, fail) => {
		process.stdout.write(text, error => {
			if (!error || (error as NodeJS.ErrnoException).code === 'EPIPE') done();
			else fail(new DeckError(`cannot write to standard output: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
		});
	});
}

process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
});

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof DeckError) {
		process.stderr.write(`lectern: ${oneLine(error.message)}\n`);
		process.exitCode = 2;
	} else {
		process.stderr.write(internalErrorReport(error, process.argv.includes('--debug')));
		process.exitCode = 70;
	}
}
