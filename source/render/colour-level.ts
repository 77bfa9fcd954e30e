/**
 * How many colours the output may use, decided once from the environment:
 * 0 none, 1 the 16 basic colours, 2 the 256-colour palette, 3 truecolor.
 * `NO_COLOR` (any non-empty value) wins, then `FORCE_COLOR`, then the terminal.
 */
export type ColourLevel = 0 | 1 | 2 | 3;

export function colourLevel(env: Readonly<Record<string, string | undefined>>, isTty: boolean): ColourLevel {
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
	const force = env['FORCE_COLOR'];
	if (force !== undefined) {
		if (force === '' || force === 'true') return Math.max(1, terminalLevel(env)) as ColourLevel;
		if (force === 'false') return 0;
		const level = Number.parseInt(force, 10);
		if (level >= 0 && level <= 3) return level as ColourLevel;
	}

	if (!isTty) return 0;
	return terminalLevel(env);
}

function terminalLevel(env: Readonly<Record<string, string | undefined>>): ColourLevel {
	const term = env['TERM'] ?? '';
	if (term === 'dumb') return 0;
	const colorterm = (env['COLORTERM'] ?? '').toLowerCase();
	if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
	if (/-direct$|kitty|wezterm|alacritty|ghostty/.test(term)) return 3;
	if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(env['TERM_PROGRAM'] ?? '')) return 3;
	if (/256/.test(term)) return 2;
	return 1;
}

export type ImagesMode = 'auto' | 'blocks' | 'alt' | 'kitty' | 'iterm';

export const imagesModes: readonly ImagesMode[] = ['auto', 'alt', 'blocks', 'kitty', 'iterm'];

/**
 * The colours half-block pictures are drawn in, or undefined for alt text:
 * `auto` needs the 256-colour palette at least; `blocks` (and `kitty` and
 * `iterm`, whose fallback is half-blocks) draw them in 256 colours even where
 * fewer are known to work; `alt` never, nor anything without colour.
 */
export function pictureColours(mode: ImagesMode, level: ColourLevel): 2 | 3 | undefined {
	if (mode === 'alt' || level === 0) return undefined;
	if (level >= 2) return level as 2 | 3;
	return mode === 'auto' ? undefined : 2;
}
