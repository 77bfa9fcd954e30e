import {useEffect, useRef, type Dispatch, type SetStateAction} from 'react';
import {goTo, type NavState} from '../navigation/navigation.js';
import type {SlideSync} from '../presenter/sync.js';

/**
 * Follows the other presenter terminal's moves and tells it about ours. A
 * move that came from the peer is not sent back.
 */
export function useSlideSync(sync: SlideSync | undefined, nav: NavState, setNav: Dispatch<SetStateAction<NavState>>, peerName: string): void {
	const fromPeer = useRef<number | undefined>(undefined);

	useEffect(() => {
		if (!sync) return;
		const onGoto = (index: number) => {
			fromPeer.current = index;
			setNav(state => goTo(state, index));
		};

		const onPeer = (connected: boolean) => {
			setNav(state => ({...state, notice: {text: `${peerName} ${connected ? 'connected' : 'disconnected'}`, tone: 'info', speaker: true}}));
		};

		sync.on('goto', onGoto);
		sync.on('peer', onPeer);
		return () => {
			sync.off('goto', onGoto);
			sync.off('peer', onPeer);
		};
	}, [sync, setNav, peerName]);

	useEffect(() => {
		if (!sync) return;
		if (fromPeer.current === nav.index) {
			fromPeer.current = undefined;
			sync.followed(nav.index);
			return;
		}

		sync.send(nav.index);
	}, [sync, nav.index, nav.moves]);
}
