/**
 * The help overlay: every key from the keymap, in a framed box.
 */
import {keymap, otherKeys} from '../navigation/keymap.js';
import {centerBlock, fitRows} from './compose.js';
import type {Line, Size, Style} from '../frame/frame.js';
import {padLine} from '../text/wrap.js';

const frame: Style = {fg: 'frame'};

export function planHelp(box: Size): Line[] {
	const entries = [...keymap.filter(binding => binding.label !== '').map(({label, description}) => ({label, description})), ...otherKeys];
	const labelWidth = Math.max(...entries.map(entry => entry.label.length));
	const rows: Line[] = [
		[{text: 'lectern keys', style: {fg: 'heading', bold: true}}],
		[],
		...entries.map(entry => [{text: entry.label.padEnd(labelWidth + 2), style: {fg: 'accent', bold: true} as Style}, {text: entry.description}]),
		[],
		[{text: 'press any key to close', style: {fg: 'muted'}}],
	];
	const inner = Math.min(Math.max(0, box.columns - 4), Math.max(...rows.map(row => row.reduce((sum, segment) => sum + segment.text.length, 0))));
	const lines: Line[] = [
		[{text: `╭${'─'.repeat(inner + 2)}╮`, style: frame}],
		...rows.map(row => [{text: '│ ', style: frame}, ...padLine(row, inner), {text: ' │', style: frame}]),
		[{text: `╰${'─'.repeat(inner + 2)}╯`, style: frame}],
	];
	return fitRows(centerBlock(lines, box.columns), box.rows, box.columns);
}
