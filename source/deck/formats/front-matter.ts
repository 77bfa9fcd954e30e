/**
 * The header of a Markdown deck: YAML front matter between `---` lines
 * (presenterm, slides, lookatme) or mdp's `%title:` lines. Only the few flat
 * keys a title slide needs are read; this is not a YAML parser, and what it
 * does not understand it leaves alone.
 */
import type {Line} from './blocks.js';

export type DeckMeta = {
	readonly title?: string;
	readonly subtitle?: string;
	readonly author?: string;
	readonly date?: string;
	/** Line of the header's first line. */
	readonly line: number;
};

const opening = /^---[ \t]*$/;
const closing = /^(?:---|\.\.\.)[ \t]*$/;
const keyLine = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t](.*))?$/;
const yamlish = /^(?:[A-Za-z_][\w-]*[ \t]*:(?:[ \t].*)?|[ \t]+\S.*|-[ \t].*|#.*|)$/;
const mdpLine = /^%([A-Za-z_][\w-]*)[ \t]*:(.*)$/;
/** Front matter longer than this is not looked for (a deck that starts with `---`). */
const maxLines = 200;

/**
 * Splits the header off the lines of a deck. YAML front matter is the first
 * line `---`, then only YAML-looking lines (at least one `key:` line), then
 * `---` or `...`. mdp's header is the `%key: value` lines at the very top.
 */
export function splitHeader(lines: readonly Line[]): {meta?: DeckMeta; body: Line[]} {
	const first = lines[0];
	if (first && opening.test(first.text)) {
		const end = lines.findIndex((line, index) => index > 0 && closing.test(line.text));
		if (end > 0 && end <= maxLines) {
			const inside = lines.slice(1, end);
			if (inside.every(line => yamlish.test(line.text)) && inside.some(line => keyLine.test(line.text))) {
				return {meta: readYaml(inside, first.line), body: lines.slice(end + 1)};
			}
		}
	}

	let end = 0;
	while (end < lines.length && mdpLine.test(lines[end]!.text)) end++;
	if (end > 0 && first) {
		const values = new Map<string, string>();
		for (const line of lines.slice(0, end)) {
			const match = mdpLine.exec(line.text)!;
			values.set(match[1]!.toLowerCase(), match[2]!.trim());
		}

		return {meta: metaFrom(values, first.line), body: lines.slice(end)};
	}

	return {body: [...lines]};
}

function readYaml(lines: readonly Line[], line: number): DeckMeta {
	const values = new Map<string, string>();
	for (let index = 0; index < lines.length; index++) {
		const match = keyLine.exec(lines[index]!.text);
		if (!match) continue;
		const key = match[1]!.toLowerCase();
		const value = (match[2] ?? '').trim();
		// A list (`authors:` then `- name` lines) or a block scalar (`|`, `>`): the indented lines after the key.
		if (value === '' || /^[|>][+-]?$/.test(value)) {
			const items: string[] = [];
			while (index + 1 < lines.length && /^(?:[ \t]+\S|-[ \t])/.test(lines[index + 1]!.text)) {
				index++;
				items.push(unquote(lines[index]!.text.trim().replace(/^-[ \t]+/, '')));
			}

			values.set(key, items.join(value.startsWith('|') ? '\n' : ', '));
			continue;
		}

		const flow = /^\[(.*)\]$/.exec(value);
		values.set(key, flow ? flow[1]!.split(',').map(item => unquote(item.trim())).filter(Boolean).join(', ') : unquote(value));
	}

	return metaFrom(values, line);
}

function metaFrom(values: ReadonlyMap<string, string>, line: number): DeckMeta {
	const pick = (...keys: string[]) => keys.map(key => values.get(key)?.trim()).find(value => value !== undefined && value !== '');
	const title = pick('title');
	const subtitle = pick('sub_title', 'subtitle');
	const author = pick('author', 'authors');
	const date = pick('date');
	return {
		line,
		...(title ? {title} : {}),
		...(subtitle ? {subtitle} : {}),
		...(author ? {author} : {}),
		...(date ? {date} : {}),
	};
}

function unquote(value: string): string {
	const trimmed = value.trim();
	if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.at(-1) === trimmed[0]) {
		const inner = trimmed.slice(1, -1);
		return trimmed[0] === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner.replaceAll("''", "'");
	}

	// A comment after a plain value (found without a regex: `/[ \t]+#/` is quadratic in a long run of spaces).
	const comment = Math.min(...[trimmed.indexOf(' #'), trimmed.indexOf('\t#')].map(at => (at === -1 ? trimmed.length : at)));
	return trimmed.slice(0, comment).trimEnd();
}
