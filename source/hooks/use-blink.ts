import {useEffect, useState} from 'react';

/** The usual terminal cursor blink period. */
export const blinkMs = 530;

/**
 * A blinking phase while `active`; solid (true) otherwise. Restarts lit
 * whenever `key` changes, so a cursor never arrives dark.
 */
export function useBlink(active: boolean, key: number): boolean {
	const [lit, setLit] = useState({key, on: true});
	useEffect(() => {
		// No state change on arrival (a stale key reads as lit): a keypress costs one render, not two.
		if (!active) return;
		const timer = setInterval(() => {
			setLit(current => ({key, on: !current.on}));
		}, blinkMs);
		return () => {
			clearInterval(timer);
		};
	}, [active, key]);
	return !active || lit.key !== key || lit.on;
}
