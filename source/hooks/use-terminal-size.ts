import {useEffect, useState} from 'react';
import type {Size} from '../frame/frame.js';
import {terminalSize as read, type SizedOutput} from '../terminal/terminal-size.js';

type Output = SizedOutput & Pick<NodeJS.WriteStream, 'on' | 'off'>;

/**
 * The terminal's size, a new value on every resize event even when the size
 * is the same: Ink clears the screen on a resize (scripts/ink-patches.mjs), so
 * the slide must be drawn again whole.
 */
export function useTerminalSize(stdout: Output): Size {
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const update = () => {
			setSize(read(stdout));
		};

		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout]);
	return size;
}
