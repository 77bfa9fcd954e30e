/**
 * The command line read by meow: the help text, `--version`, and a one-line
 * error (exit 2) for a bad option. Loaded only when the quick parser in
 * cli-arguments.ts leaves a command line to it.
 */
import meow from 'meow';
import type {Arguments, Flags, options as optionTable} from './cli-arguments.js';
import {oneLine} from './fault-line.js';

/** The option table comes from the caller, so that cli-arguments.ts stays in the start-up file. */
type Options = typeof optionTable;

export const helpText = `
	Usage
	  $ lectern DECK              present DECK full screen
	  $ lectern print DECK        print every slide as text
	  $ lectern check DECK        list problems in DECK
	  $ lectern rehearse DECK     present with notes and timers, then report time per slide
	  $ lectern export DECK --to html|pdf|cast [-o FILE]
	                              the talk as it looked: a web page, a PDF or a recording
	  $ lectern serve DECK        present, and let remote viewers watch over SSH
	  $ lectern licenses          lectern's licence and those of what it bundles

	  DECK may be - to read the deck from standard input.

	Options
	  --start N           open at slide N
	  --presenter         the speaker's terminal: notes, timers and next slide full
	                      screen, in step with the audience's \`lectern DECK\`
	  --session NAME      pair every terminal given NAME (two audience views
	                      too), instead of an audience view with --presenter
	  --no-counter        no slide counter on the audience screen (c shows it)
	  --target TIME       planned length of the talk (25m, 1h10m, 25:00): the notes
	                      pane shows ahead/behind, with ⏰ MM:SS checkpoints in notes
	  --notes             start in the presenter view (notes pane, timers, next slide);
	                      print: add the speaker notes under each slide
	  --width N           print: screen width (default: the terminal's, else 80)
	  --height N          print: screen height (default: the terminal's, else 24)
	  --no-animation      show terminal slides in their final state, no typing
	                      (also when LECTERN_REDUCED_MOTION=1 is set)
	  --typing-speed CPS  typing speed of terminal slides (default 25 characters a second)
	  --format FORMAT     how to read the deck (default: detected from the deck):
	                      shorthand, remark (xaringan, backslide), presenterm,
	                      patat (pandoc), mdp, lookatme, slides or markdown
	  --images MODE       auto: pictures the terminal draws (kitty or iTerm2 image
	                      protocol) when it can, else half-block pictures with
	                      256 colours or more, else alt text; kitty, iterm: that
	                      protocol (through tmux's passthrough in tmux); blocks:
	                      always half-blocks; alt: never pictures (default auto)
	  --theme NAME        the colours: dark, light, high-contrast, projector, auto
	                      (the terminal's background picks dark or light), any
	                      Shiki theme (github-light, catppuccin-mocha, ...) or a
	                      .yaml/.json theme file (default dark, with
	                      lectern.theme.yaml next to the deck applied over it)
	  --run-code          run the deck's +exec and +pty code blocks (never without)
	  --no-color          no colours (NO_COLOR and FORCE_COLOR are honoured too)
	  --debug             on an internal error, show where it happened
	  --version           show the version
	  --help              show this help

	Export
	  --to FORMAT         html: one self-contained page (keys, clicks, presenter view,
	                      typing); pdf: a page per slide; cast: an asciinema recording
	  -o, --output FILE   where to write (default: the deck's name with .html, .pdf or
	                      .cast, in this folder; - for standard output)
	  --width N, --height N  the screen the slides are laid out for (default 120x40)
	  --notes             html: notes in the presenter view; pdf: a handout, the notes
	                      under each slide
	  --steps             pdf: a page for each step of an incremental slide
	  --pause TIME        cast: how long each slide stays once typed (3, 2.5s, 1m;
	                      default 4s), or rehearsal: its time in the last rehearsal
	  --no-animation, --typing-speed CPS  html, cast: typing of terminal slides

	Serving (lectern serve; check DECK with these says how exposed it would be)
	  --host ADDRESS      listen on ADDRESS (default 127.0.0.1: this machine only;
	                      0.0.0.0: every network)
	  --port N            listen on port N (default 2222)
	  --max-viewers N     viewers at once (default 200)
	  --password TEXT     viewers must give TEXT (or set LECTERN_SERVE_PASSWORD)
	  --authorized-keys FILE
	                      viewers log in with a key listed in FILE
	  --no-follow         viewers may browse on their own (f rejoins the talk)

	Keys while presenting: press ? for the full list.
`;

/**
 * Reads the command line with meow; `--help` and `--version` print and exit 0,
 * a bad option prints one line and exits 2.
 */
export function meowArguments(importMeta: ImportMeta, options: Options): Arguments {
	let cli;
	try {
		// Unknown options are reported below, in lectern's one-line form (meow's own takes two lines).
		cli = meow(helpText, {importMeta, flags: options, allowUnknownFlags: true});
	} catch (error) {
		// meow throws on a bad value (`--images sixel`): one line, no stack trace.
		fail(error instanceof Error ? error.message : String(error));
	}

	const known = new Set(
		Object.entries(options).flatMap(([name, option]) => [
			name,
			name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`),
			...('shortFlag' in option && option.shortFlag ? [option.shortFlag] : []),
		]),
	);
	const unknown = Object.keys(cli.unnormalizedFlags).find(name => !known.has(name) && !known.has(name.replace(/^no-/, '')));
	if (unknown !== undefined) {
		const typed = process.argv.find(argument => /^--?(?:no-)?/.test(argument) && argument.replace(/^--?(?:no-)?/, '').split('=')[0] === unknown);
		fail(`unknown option ${typed?.split('=')[0] ?? `--${unknown}`} (lectern --help lists them)`);
	}

	return {input: cli.input, flags: cli.flags as Flags};
}

function fail(message: string): never {
	process.stderr.write(`lectern: ${oneLine(message)}\n`);
	process.exit(2);
}

/** No deck named: the help on standard error (a usage error, not a request for help), and exit 2. */
export function showUsage(importMeta: ImportMeta, options: Options): never {
	const cli = meow(helpText, {importMeta, flags: options, allowUnknownFlags: false, argv: []});
	process.stderr.write(`${cli.help.replace(/^\n+/, '')}\n`);
	process.exit(2);
}
