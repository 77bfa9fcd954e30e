/**
 * The command line: flags, reading the deck, exit codes. The only file that
 * touches `process` for arguments and exit status.
 */
import {existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import meow from 'meow';
import {checkDeck, failsCheck, formatDiagnostic} from './commands/check.js';
import {printDeck} from './commands/print.js';
import type {DeckFormat} from './deck/model.js';
import {ImageStore, inspectImage} from './images/index.js';
import {colourLevel, imagesModes, pictureColours, type ImagesMode} from './render/colour-level.js';
import {parseDuration} from './rehearsal/rehearsal.js';
import {DeckError, readDeck} from './read-deck.js';

const cli = parseArguments(() => meow(
	`
	Usage
	  $ lectern DECK              present DECK full screen
	  $ lectern print DECK        print every slide as text
	  $ lectern check DECK        list problems in DECK
	  $ lectern rehearse DECK     present with notes and timers, then report time per slide

	  DECK may be - to read the deck from standard input.

	Options
	  --start N           open at slide N
	  --presenter         the speaker's terminal: notes, timers and next slide full
	                      screen, in step with the audience's \`lectern DECK\`
	  --session NAME      pair terminals by NAME instead of by the deck's path
	  --target TIME       planned length of the talk (25m, 1h10m, 25:00): the notes
	                      pane shows ahead/behind, with ⏰ MM:SS checkpoints in notes
	  --notes             start in the presenter view (notes pane, timers, next slide);
	                      print: add the speaker notes under each slide
	  --width N           print: screen width (default: the terminal's, else 80)
	  --height N          print: screen height (default: the terminal's, else 24)
	  --no-animation      show terminal slides in their final state, no typing
	                      (also when LECTERN_REDUCED_MOTION=1 is set)
	  --typing-speed CPS  typing speed of terminal slides (default 25 characters a second)
	  --format FORMAT     shorthand, remark or markdown (default: detected from the deck)
	  --images MODE       auto: pictures the terminal draws (kitty or iTerm2 image
	                      protocol) when it can, else half-block pictures with
	                      256 colours or more, else alt text; kitty, iterm: that
	                      protocol (through tmux's passthrough in tmux); blocks:
	                      always half-blocks; alt: never pictures (default auto)
	  --no-color          no colours (NO_COLOR and FORCE_COLOR are honoured too)
	  --version           show the version
	  --help              show this help

	Keys while presenting: press ? for the full list.
`,
	{
		importMeta: import.meta,
		flags: {
			start: {type: 'number'},
			notes: {type: 'boolean', default: false},
			width: {type: 'number'},
			height: {type: 'number'},
			color: {type: 'boolean', default: true},
			animation: {type: 'boolean', default: true},
			typingSpeed: {type: 'number', default: 25},
			presenter: {type: 'boolean', default: false},
			session: {type: 'string'},
			target: {type: 'string'},
			format: {type: 'string', choices: ['shorthand', 'remark', 'markdown']},
			images: {type: 'string', choices: [...imagesModes], default: 'auto'},
		},
		allowUnknownFlags: false,
	},
));

/** meow throws on a bad flag value (`--images sixel`): one line and exit 2, no stack trace. */
function parseArguments<T>(parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		process.stderr.write(`lectern: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(2);
	}
}

const commands = new Set(['print', 'check', 'rehearse']);

async function main(): Promise<number> {
	const [first, second] = cli.input;
	const command = first && commands.has(first) && second !== undefined ? first : 'play';
	const file = command === 'play' ? first : second;
	if (file === undefined) {
		cli.showHelp(2);
		return 2;
	}

	const deck = await readDeck(file, cli.flags.format ? {format: cli.flags.format as DeckFormat} : {});
	const env = cli.flags.color ? process.env : {...process.env, NO_COLOR: '1'};

	switch (command) {
		case 'print': {
			const size = {
				columns: cli.flags.width ?? (process.stdout.columns || 80),
				rows: cli.flags.height ?? (process.stdout.rows || 24),
			};
			const level = colourLevel(env, Boolean(process.stdout.isTTY));
			const pictureLevel = pictureColours(cli.flags.images as ImagesMode, level);
			const images = pictureLevel ? new ImageStore(deckFolder(file), {level: pictureLevel}) : undefined;
			try {
				await images?.loadDecoders();
				const pictures = images ? {pictures: (src: string, box: {columns: number; rows: number}) => images.pictureSync(src, box)} : {};
				const out: string[] = [];
				for (const line of printDeck(deck, {size, notes: cli.flags.notes, ansi: {level, hyperlinks: false}, ...pictures})) out.push(line);
				await write(out.join('\n') + '\n');
			} finally {
				images?.close();
			}

			return 0;
		}

		case 'check': {
			const folder = deckFolder(file);
			const diagnostics = checkDeck(deck, {
				file,
				imageExists: src => existsSync(resolve(folder, src)),
				imageProblem(src) {
					const found = inspectImage(resolve(folder, src));
					return found.ok ? undefined : {reason: found.reason, unsupported: found.code === 'unsupported'};
				},
			});
			const shown = file === '-' ? 'stdin' : file;
			const lines = diagnostics.map(diagnostic => formatDiagnostic(shown, diagnostic));
			lines.push(`${deck.slides.length} slides, ${deck.format} format, ${diagnostics.length === 0 ? 'no problems' : `${diagnostics.length} findings`}`);
			await write(lines.join('\n') + '\n');
			return failsCheck(diagnostics) ? 1 : 0;
		}

		default: {
			const {play} = await import('./commands/play.js');
			const reducedMotion = ['1', 'true', 'yes'].includes((process.env['LECTERN_REDUCED_MOTION'] ?? '').toLowerCase());
			const charactersPerSecond = Math.min(1000, Math.max(1, cli.flags.typingSpeed));
			const rehearsing = command === 'rehearse';
			const targetMs = cli.flags.target === undefined ? undefined : parseDuration(cli.flags.target);
			if (cli.flags.target !== undefined && targetMs === undefined) throw new DeckError(`--target ${cli.flags.target}: not a length of time (try 25m, 1h10m or 25:00)`);
			return play(deck, {
				file,
				start: cli.flags.start,
				env,
				motion: {animate: cli.flags.animation && !reducedMotion, charactersPerSecond},
				notes: cli.flags.notes || rehearsing,
				images: cli.flags.images as ImagesMode,
				presenter: cli.flags.presenter,
				session: cli.flags.session,
				rehearse: rehearsing,
				targetMs,
			});
		}
	}
}

/** Where a deck's images are: next to it (the working folder for a piped deck). */
function deckFolder(file: string): string {
	return file === '-' ? process.cwd() : dirname(resolve(file));
}

function write(text: string): Promise<void> {
	return new Promise(done => {
		process.stdout.write(text, () => done());
	});
}

process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
});

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof DeckError) {
		process.stderr.write(`lectern: ${error.message}\n`);
		process.exitCode = 2;
	} else {
		throw error;
	}
}
