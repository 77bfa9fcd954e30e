import {dirname, resolve} from 'node:path';
import {useEffect, useMemo, useState} from 'react';
import {ImageStore} from '../images/index.js';
import type {PictureSource} from '../layout/plan-image.js';

/**
 * The deck's pictures, decoded off the keypress path; `picturesVersion` changes
 * whenever one becomes ready, so the slide is drawn again with it. Without a
 * colour level (`--images alt`, or too few colours), images are alt text.
 */
export function usePictures(file: string | undefined, level: 2 | 3 | undefined): {pictures?: PictureSource; picturesVersion: number} {
	const store = useMemo(
		() => (level ? new ImageStore(file && file !== '-' ? dirname(resolve(file)) : process.cwd(), {level}) : undefined),
		[file, level],
	);
	const [picturesVersion, setPicturesVersion] = useState(0);
	useEffect(() => {
		if (!store) return;
		const stop = store.onReady(() => {
			setPicturesVersion(version => version + 1);
		});
		return () => {
			stop();
			store.close();
		};
	}, [store]);
	const pictures = useMemo(() => (store ? store.picture.bind(store) : undefined), [store]);
	return pictures ? {pictures, picturesVersion} : {picturesVersion};
}
