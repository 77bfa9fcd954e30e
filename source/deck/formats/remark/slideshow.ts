/**
 * remark.js's slideshow model (gnab/remark `models/slideshow.js`,
 * `models/slide.js`): which slide each slide is built on, and what it takes
 * from it.
 *
 * - A `--` slide is built on the slide before it (its content first).
 * - `template: NAME` builds on the slide named NAME (any earlier slide,
 *   layouts included).
 * - `layout: true` makes a slide the layout of the slides after it, not shown
 *   itself; `layout: false` ends the layout.
 * - The slide's properties are the template's under its own (`name`,
 *   `layout` and `count` are not inherited; classes add up); its content is
 *   the template's, with its own at `{{content}}` or after it.
 * - Then `{{name}}` in the content is the slide's property `name` (unknown
 *   names stay as written; `\{{name}}` is written `{{name}}`).
 */
import type {Diagnostic} from '../../model.js';
import {neutralize} from '../../neutralize.js';
import type {Item, ParsedSlide} from './parser.js';
import {replace, slice, type Sourced} from './sourced.js';

export type BuiltSlide = {
	readonly properties: ReadonlyMap<string, string>;
	readonly content: readonly Item[];
	readonly notes?: readonly Item[];
	readonly continued: boolean;
	readonly line: number;
};

/** Templates built on more templates than this are not used (each adds its content: n² for a chain). */
const maxTemplateDepth = 16;

type Model = BuiltSlide & {readonly depth: number};

const notInherited = new Set(['name', 'layout', 'count']);

export function buildSlides(parsed: readonly ParsedSlide[], diagnostics: Diagnostic[]): BuiltSlide[] {
	const shown: Model[] = [];
	const byName = new Map<string, Model>();
	let layout: Model | undefined;
	for (const slide of parsed) {
		const {properties} = slide;
		const templateName = properties.get('template');
		let template: Model | undefined;
		if (slide.continued && shown.length > 0) {
			template = shown.at(-1);
		} else if (templateName !== undefined && byName.has(templateName)) {
			template = byName.get(templateName);
		} else if (properties.get('layout') === 'false') {
			layout = undefined;
		} else if (layout && properties.get('layout') !== 'true') {
			template = layout;
		}

		if (templateName !== undefined && !byName.has(templateName) && !slide.continued) {
			diagnostics.push({
				severity: 'warning',
				line: slide.line,
				code: 'unknown-template',
				message: `template "${neutralize(templateName)}" is not the name of an earlier slide; the slide is shown without it`,
			});
		}

		if (template && template.depth >= maxTemplateDepth) {
			diagnostics.push({
				severity: 'warning',
				line: slide.line,
				code: 'template-too-deep',
				message: `templates built on more than ${maxTemplateDepth} templates are not used; the slide is shown without it`,
			});
			template = undefined;
		}

		const model: Model = template ? inherit(slide, template) : {...slide, depth: 1};
		const name = properties.get('name');
		if (name) byName.set(name, model);
		if (properties.get('layout') === 'true') layout = model;
		else shown.push(model);
	}

	return shown.map(slide => ({...slide, content: expandVariables(slide.content, slide.properties)}));
}

function inherit(slide: ParsedSlide, template: Model): Model {
	const properties = new Map(slide.properties);
	for (const [key, value] of template.properties) {
		if (notInherited.has(key)) continue;
		if (key === 'class' && slide.properties.get('class')) properties.set(key, [value, slide.properties.get('class')].join(', '));
		else if (!properties.has(key)) properties.set(key, value);
	}

	const placed = placeContent(template.content, slide.content);
	return {...slide, properties, content: placed ?? [...template.content, ...slide.content], depth: template.depth + 1};
}

const contentSlot = /(\\)?\{\{\s*content\s*\}\}/;

/** The template's content with the slide's at its first `{{content}}` (searched in content classes too), or undefined when it has none. */
function placeContent(template: readonly Item[], content: readonly Item[]): Item[] | undefined {
	for (const [index, item] of template.entries()) {
		if (item.kind === 'class') {
			const inner = placeContent(item.items, content);
			if (inner) return [...template.slice(0, index), {...item, items: inner}, ...template.slice(index + 1)];
			continue;
		}

		if (item.kind !== 'text') continue;
		const match = contentSlot.exec(item.value.text);
		if (!match || match[1]) continue;
		const before: Item = {kind: 'text', value: slice(item.value, 0, match.index)};
		const after: Item = {kind: 'text', value: slice(item.value, match.index + match[0].length)};
		return [...template.slice(0, index), before, ...content, after, ...template.slice(index + 1)];
	}

	return undefined;
}

const variable = /(\\)?(\{\{([^}\n]+)\}\})/g;

function expandVariables(items: readonly Item[], properties: ReadonlyMap<string, string>): Item[] {
	return items.map(item => {
		if (item.kind === 'class') return {...item, items: expandVariables(item.items, properties)};
		if (item.kind !== 'text') return item;
		const value: Sourced = replace(item.value, variable, (_match, escaped, written, name) => {
			if (escaped) return written!;
			const key = name!.trim();
			const found = properties.get(key);
			if (found !== undefined) return found;
			return key === 'content' ? '' : written!;
		});
		return value === item.value ? item : {kind: 'text', value};
	});
}
