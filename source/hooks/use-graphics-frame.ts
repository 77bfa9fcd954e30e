import {useMemo} from 'react';
import type {GraphicsLayer} from '../graphics/layer.js';
import {placementsIn} from '../graphics/placement.js';
import type {Line} from '../frame/frame.js';

/**
 * Tells the graphics layer where the screen being drawn has its pictures.
 * Told while rendering, before Ink writes the frame, so the frame's write
 * carries the picture changes with it (see graphics/layer.ts). Returns whether
 * the screen has any.
 */
export function useGraphicsFrame(graphics: GraphicsLayer | undefined, lines: readonly Line[]): boolean {
	const placements = useMemo(() => (graphics ? placementsIn(lines) : []), [graphics, lines]);
	graphics?.show(placements);
	return placements.length > 0;
}
