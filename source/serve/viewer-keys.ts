/**
 * A viewer's keystrokes, as the bytes their terminal sends over SSH, turned
 * into the key names the navigation reducer reads (`right`, `enter`, `q`...).
 * Only the keys a viewer can use are told apart; anything else is `other`.
 * Bounded: one read gives at most `maxKeys` keys (a paste is not a talk).
 */

const maxKeys = 32;

/** CSI and SS3 sequences (`ESC [ C`, `ESC O C`, `ESC [ 5 ~`) by their final part. */
const sequences: Readonly<Record<string, string>> = {
	A: 'up',
	B: 'down',
	C: 'right',
	D: 'left',
	H: 'home',
	F: 'end',
	'1~': 'home',
	'7~': 'home',
	'4~': 'end',
	'8~': 'end',
	'5~': 'pageup',
	'6~': 'pagedown',
};

const controls: Readonly<Record<number, string>> = {
	0x03: 'ctrl+c',
	0x04: 'ctrl+d',
	0x0c: 'ctrl+l',
	0x0d: 'enter',
	0x0a: 'enter',
	0x7f: 'backspace',
	0x08: 'backspace',
	0x09: 'tab',
	0x20: 'space',
};

export function viewerKeys(data: Buffer | string): string[] {
	const text = typeof data === 'string' ? data : data.toString('latin1');
	const keys: string[] = [];
	let index = 0;
	while (index < text.length && keys.length < maxKeys) {
		const code = text.charCodeAt(index);
		if (code === 0x1b) {
			const introducer = text[index + 1];
			if (introducer === '[' || introducer === 'O') {
				// Parameters and intermediates, then the final byte.
				let end = index + 2;
				while (end < text.length && end < index + 16 && /[\d;?<=>]/.test(text[end]!)) end++;
				const body = text.slice(index + 2, end + 1);
				const name = sequences[body.replace(/^1;\d+/, '')];
				keys.push(name ?? 'other');
				index = end + 1;
				continue;
			}

			keys.push('escape');
			index++;
			continue;
		}

		const control = controls[code];
		if (control) keys.push(control);
		else if (code > 0x20 && code < 0x7f) keys.push(text[index]!);
		else keys.push('other');
		index++;
	}

	return keys;
}
