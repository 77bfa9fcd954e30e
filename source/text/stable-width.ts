/**
 * Terminals disagree about the width of multi-code-point emoji: tmux draws
 * 👩🏻‍🔧 in 4 cells, xterm.js in 6, string-width says 2, and `☁️` takes 1 cell
 * where string-width says 2. Where a wrong width breaks a layout (the status
 * bar, the overview grid, framed windows), such clusters are replaced by a
 * stand-in every terminal draws at the width we measure.
 */
import {graphemes} from './graphemes.js';
import type {Segment} from '../frame/frame.js';

const zwj = '\u200D';
const variationSelectors = /[\uFE0E\uFE0F]/g;
const skinTones = /[\u{1F3FB}-\u{1F3FF}]/gu;
const tags = /[\u{E0020}-\u{E007F}]/gu;
const keycap = '\u20E3';

/** The text with every width-ambiguous emoji cluster replaced by its stable stand-in. */
export function stableText(text: string): string {
	if (!/[\u200D\uFE0E\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/u.test(text)) return text;
	return graphemes(text)
		.map(cluster => stableCluster(cluster))
		.join('');
}

export function stableSegments(segments: readonly Segment[]): Segment[] {
	return segments.map(segment => ({...segment, text: stableText(segment.text)}));
}

function stableCluster(cluster: string): string {
	if (cluster.length === 1) return cluster;
	// A ZWJ sequence (👩🏻‍🔧) shows as its first part (👩); keycaps (1️⃣) as their key.
	const base = cluster.includes(zwj) ? cluster.slice(0, cluster.indexOf(zwj)) : cluster;
	const plain = base.replace(skinTones, '').replace(variationSelectors, '').replace(tags, '').replace(keycap, '');
	return plain === '' ? cluster : plain;
}
