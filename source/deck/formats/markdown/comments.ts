/**
 * HTML comments as Markdown decks use them: presenterm's commands
 * (`<!-- end_slide -->`, `<!-- pause -->`, `<!-- speaker_note: ... -->`,
 * `<!-- column_layout: [1, 2] -->`), lookatme's `<!-- stop -->`, and notes.
 */
import {minOf} from '../blocks.js';

export type CommentCommand = {readonly name: string; readonly argument: string};

/** A comment's content, or undefined when the HTML is not one comment. */
export function commentText(html: string): string | undefined {
	const comment = /^\s*<!--([\s\S]*?)-->\s*$/.exec(html);
	return comment ? comment[1]! : undefined;
}

/** A comment's command name (lower case) and argument, or undefined when it is prose. */
export function commentCommand(html: string): CommentCommand | undefined {
	const inside = commentText(html);
	if (inside === undefined) return undefined;
	const content = inside.trim();
	const match = /^([A-Za-z_][\w-]*)(?:[ \t]*:[ \t]*|[ \t]*(?=\n)|[ \t]+(?=\S)|$)([\s\S]*)$/.exec(content);
	if (!match) return undefined;
	const name = match[1]!.toLowerCase();
	const argument = match[2] ?? '';
	// A word then prose (`<!-- TODO fix this -->`) is a remark, not a command; `notes` takes prose.
	const separator = content.slice(match[1]!.length, content.length - argument.length);
	if (!separator.includes(':') && argument.trim() !== '' && !separator.includes('\n') && name !== 'notes' && name !== 'note') return undefined;
	return {name, argument};
}

/** Comment commands that only change layout in the tools that define them: accepted, no effect here. */
export const layoutCommands: ReadonlySet<string> = new Set([
	'jump_to_middle',
	'column_layout',
	'column',
	'reset_layout',
	'new_line',
	'newline',
	'new_lines',
	'newlines',
	'no_footer',
	'alignment',
	'font_size',
	'list_item_newlines',
	'snippet_output',
	'incremental_tables',
	'comment',
]);

/** A YAML-ish value: a `|` / `>` block scalar's dedented lines, or the text with quotes removed. */
export function blockScalar(value: string): string {
	const trimmed = value.trim();
	const scalar = /^([|>])[+-]?[ \t]*\n([\s\S]*)$/.exec(trimmed);
	if (scalar) {
		const lines = scalar[2]!.split('\n');
		const indent = minOf(
			lines.filter(line => line.trim() !== '').map(line => /^[ \t]*/.exec(line)![0].length),
			0,
		);
		const dedented = lines.map(line => line.slice(indent));
		return scalar[1] === '>' ? dedented.join(' ').replace(/\s+/g, ' ').trim() : dedented.join('\n').trim();
	}

	if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.at(-1) === trimmed[0]) return trimmed.slice(1, -1);
	const lines = trimmed.split('\n');
	const indent = minOf(
		lines
			.slice(1)
			.filter(line => line.trim() !== '')
			.map(line => /^[ \t]*/.exec(line)![0].length),
		0,
	);
	return lines.map((line, index) => (index > 0 ? line.slice(indent) : line)).join('\n');
}
