/**
 * Runs of styled segments: whether two styles are the same, and joining
 * neighbours that are.
 */
import type {Segment, Style} from '../frame/frame.js';

/** Every key of a style (the compiler checks the list is complete), compared one by one. */
const styleKeys = Object.keys({
	fg: 0,
	bg: 0,
	bold: 0,
	dim: 0,
	italic: 0,
	underline: 0,
	strike: 0,
	inverse: 0,
	link: 0,
	graphic: 0,
} satisfies Record<keyof Style, 0>) as ReadonlyArray<keyof Style>;

/** Whether two styles look the same (no style is the empty style). */
export function sameStyle(a: Style | undefined, b: Style | undefined): boolean {
	if (a === b) return true;
	const left = a ?? {};
	const right = b ?? {};
	for (const key of styleKeys) if (left[key] !== right[key]) return false;
	return true;
}

/** Joins neighbouring segments of equal style; drops empty ones. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
	const out: Segment[] = [];
	for (const segment of segments) {
		if (segment.text === '') continue;
		const last = out.at(-1);
		if (last && sameStyle(last.style, segment.style)) out[out.length - 1] = {text: last.text + segment.text, style: last.style};
		else out.push(segment);
	}

	return out;
}
