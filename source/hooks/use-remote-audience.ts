import {useEffect, useRef, useState, type Dispatch, type SetStateAction} from 'react';
import type {Deck} from '../deck/model.js';
import type {NavState} from '../navigation/navigation.js';
import type {RemoteAudience} from '../serve/remote-audience.js';

/**
 * Tells the remote viewers' server (`lectern serve`) the deck and every move
 * of the presenter, and counts the viewers. Viewers follow the slide (the one
 * a search started from, while the presenter types a query), a blackout, and
 * a typing animation from the moment the presenter reached it; the
 * presenter's help and overview stay the presenter's. Returns the number of
 * viewers, or undefined when there is no server.
 */
export function useRemoteAudience(
	audience: RemoteAudience | undefined,
	serving: string | undefined,
	deck: Deck,
	nav: NavState,
	setNav: Dispatch<SetStateAction<NavState>>,
	animating: boolean,
): number | undefined {
	const [viewers, setViewers] = useState(audience?.viewers ?? 0);
	const moved = useRef({moves: nav.moves, at: Date.now()});
	if (moved.current.moves !== nav.moves) moved.current = {moves: nav.moves, at: Date.now()};

	useEffect(() => {
		if (!audience) return;
		audience.on('viewers', setViewers);
		if (serving) setNav(state => ({...state, notice: {text: `viewers: ${serving}`, tone: 'info'}}));
		return () => {
			audience.off('viewers', setViewers);
		};
	}, [audience, serving, setNav]);

	useEffect(() => {
		audience?.deck(deck.slides);
	}, [audience, deck]);

	const index = nav.overlay === 'search' ? nav.searchOrigin : nav.index;
	const blackout = nav.overlay === 'blackout';
	useEffect(() => {
		audience?.talk({index, from: nav.from, moves: nav.moves, since: moved.current.at, finished: !animating, blackout});
	}, [audience, index, nav.from, nav.moves, animating, blackout]);

	return audience ? viewers : undefined;
}
