import type {EventEmitter} from 'node:events';
import {useEffect, useState} from 'react';

/** Longer than Ink's frame interval, so the blank frame and the real one are separate writes. */
const blankMs = 40;

/**
 * After `fg` the terminal shows a blank alternate screen, while Ink believes
 * its last frame is still there and would only redraw what changes. Drawing
 * one blank frame and then the real one makes Ink write every line again.
 */
export function useRedraw(resumes: EventEmitter | undefined): boolean {
	const [blank, setBlank] = useState(false);
	useEffect(() => {
		if (!resumes) return;
		const onResume = () => {
			setBlank(true);
		};

		resumes.on('resume', onResume);
		return () => {
			resumes.off('resume', onResume);
		};
	}, [resumes]);

	useEffect(() => {
		if (!blank) return;
		const timer = setTimeout(() => {
			setBlank(false);
		}, blankMs);
		return () => {
			clearTimeout(timer);
		};
	}, [blank]);
	return blank;
}
