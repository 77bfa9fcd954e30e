/**
 * What the command line asks for. One option table serves two parsers: Node's
 * own `parseArgs`, which costs nothing to load and reads every ordinary command
 * line, and meow (about 30 ms to load), which gives the help, the version and
 * the error messages for everything else. The quick parser gives up, rather
 * than guess, on anything meow might read differently.
 */
import {parseArgs} from 'node:util';
import {imagesModes} from './render/colour-level.js';
import {formatNames} from './deck/format-names.js';
import {thousands} from './text/thousands.js';

export type Flags = {
	readonly start: number | undefined;
	readonly notes: boolean;
	readonly width: number | undefined;
	readonly height: number | undefined;
	readonly color: boolean;
	readonly animation: boolean;
	readonly typingSpeed: number;
	readonly presenter: boolean;
	readonly session: string | undefined;
	readonly target: string | undefined;
	readonly format: string | undefined;
	readonly images: string;
	readonly to: string | undefined;
	readonly output: string | undefined;
	readonly theme: string;
	readonly steps: boolean;
	readonly pause: string | undefined;
	readonly port: number | undefined;
	readonly host: string | undefined;
	readonly maxViewers: number | undefined;
	readonly password: string | undefined;
	readonly authorizedKeys: string | undefined;
	readonly follow: boolean;
	readonly counter: boolean;
	readonly runCode: boolean;
	readonly debug: boolean;
};

export type Arguments = {
	/** Positional arguments: [DECK] or [COMMAND, DECK]. */
	readonly input: readonly string[];
	readonly flags: Flags;
};

type Option =
	| {readonly type: 'number'; readonly default?: number}
	| {readonly type: 'boolean'; readonly default: boolean}
	| {readonly type: 'string'; readonly default?: string; readonly choices?: string[]; readonly shortFlag?: string};

/** Every option, as meow reads it (camelCase names, `--kebab-case` on the command line). */
export const options = {
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
	format: {type: 'string', choices: [...formatNames]},
	images: {type: 'string', choices: [...imagesModes], default: 'auto'},
	to: {type: 'string', choices: ['html', 'pdf', 'cast']},
	output: {type: 'string', shortFlag: 'o'},
	theme: {type: 'string', default: 'dark'},
	steps: {type: 'boolean', default: false},
	pause: {type: 'string'},
	port: {type: 'number'},
	host: {type: 'string'},
	maxViewers: {type: 'number'},
	password: {type: 'string'},
	authorizedKeys: {type: 'string'},
	follow: {type: 'boolean', default: true},
	counter: {type: 'boolean', default: true},
	runCode: {type: 'boolean', default: false},
	debug: {type: 'boolean', default: false},
} satisfies Record<keyof Flags, Option>;

type Name = keyof typeof options;

/** `typingSpeed` is `--typing-speed` on the command line (a loop, not a regular expression: this runs before the first frame). */
function kebab(name: string): string {
	let result = '';
	for (const character of name) result += character >= 'A' && character <= 'Z' ? `-${character.toLowerCase()}` : character;
	return result;
}

/** `parseArgs` has no `--no-x`: each boolean gets a second, negated option. */
const quickOptions: Record<string, {type: 'string' | 'boolean'; short?: string}> = {};
for (const [name, option] of Object.entries(options) as Array<[Name, Option]>) {
	if (option.type === 'boolean') {
		quickOptions[kebab(name)] = {type: 'boolean'};
		quickOptions[`no-${kebab(name)}`] = {type: 'boolean'};
	} else {
		quickOptions[kebab(name)] = 'shortFlag' in option && option.shortFlag ? {type: 'string', short: option.shortFlag} : {type: 'string'};
	}
}

const plainNumber = /^-?\d+(?:\.\d+)?$/;

/**
 * The command line read without meow, or undefined when meow must read it:
 * `--help`, `--version`, an unknown or repeated option, `--name=value` forms
 * meow reads its own way, a value that is not a plain number or not one of the
 * choices, and `--` are all left to meow.
 */
export function quickArguments(argv: readonly string[]): Arguments | undefined {
	if (argv.includes('--')) return undefined;
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({args: [...argv], options: quickOptions, allowPositionals: true, strict: true, tokens: true});
	} catch {
		return undefined;
	}

	const seen = new Set<string>();
	for (const token of parsed.tokens ?? []) {
		if (token.kind !== 'option') continue;
		const name = token.name.replace(/^no-/, '');
		if (seen.has(name) || token.inlineValue) return undefined;
		seen.add(name);
		// A value that looks like an option (`--session --notes`): meow decides what it means.
		// A lone `-` is a value (`-o -`: standard output), as it is to every command-line tool.
		if (token.value !== '-' && token.value?.startsWith('-') && !plainNumber.test(token.value)) return undefined;
	}

	const flags: Record<string, unknown> = {};
	for (const [name, option] of Object.entries(options) as Array<[Name, Option]>) {
		const key = kebab(name);
		const value = parsed.values[key];
		switch (option.type) {
			case 'boolean': {
				flags[name] = parsed.values[`no-${key}`] === true ? false : value === true ? true : option.default;
				break;
			}

			case 'number': {
				if (value === undefined) {
					if (option.default !== undefined) flags[name] = option.default;
					break;
				}

				if (typeof value !== 'string' || !plainNumber.test(value)) return undefined;
				flags[name] = Number(value);
				break;
			}

			default: {
				if (value === undefined) {
					if (option.default !== undefined) flags[name] = option.default;
					break;
				}

				if (typeof value !== 'string' || (option.choices && !option.choices.includes(value))) return undefined;
				flags[name] = value;
			}
		}
	}

	return {input: parsed.positionals, flags: flags as Flags};
}

/** The largest screen `--width` and `--height` lay slides out for: wider than any terminal, and each frame is width x height cells. */
const sizeLimit = {columns: 2000, rows: 1000};

/** What is wrong with the numbers given, as one line for the user; undefined when they are usable. */
export function flagProblem(flags: Flags, argv: readonly string[] = []): string | undefined {
	// The value as typed (meow turns `abc` into NaN).
	const typed = (name: string, value: number) => {
		const at = argv.findIndex(argument => argument === `--${name}` || argument.startsWith(`--${name}=`));
		const raw = at === -1 ? undefined : argv[at]!.includes('=') ? argv[at]!.slice(argv[at]!.indexOf('=') + 1) : argv[at + 1];
		return raw ?? String(value);
	};

	const whole = (name: string, value: number | undefined) =>
		value === undefined || (Number.isInteger(value) && value >= 1) ? undefined : `--${name} ${typed(name, value)}: not a whole number of 1 or more`;
	const atMost = (name: string, value: number | undefined, limit: number) =>
		value === undefined || value <= limit ? undefined : `--${name} ${typed(name, value)}: at most ${thousands(limit)}`;
	return (
		whole('start', flags.start) ??
		whole('width', flags.width) ??
		whole('height', flags.height) ??
		atMost('width', flags.width, sizeLimit.columns) ??
		atMost('height', flags.height, sizeLimit.rows) ??
		whole('max-viewers', flags.maxViewers) ??
		(flags.port === undefined || (Number.isInteger(flags.port) && flags.port >= 0 && flags.port <= 65_535)
			? undefined
			: `--port ${typed('port', flags.port)}: not a port number (0 to 65535; 0 picks a free one)`) ??
		(Number.isFinite(flags.typingSpeed) && flags.typingSpeed > 0
			? undefined
			: `--typing-speed ${typed('typing-speed', flags.typingSpeed)}: not a number of characters a second above 0`)
	);
}
