/**
 * The theme: every semantic colour lectern uses, in 24-bit and as the nearest
 * of the 16 basic ANSI colours for terminals without truecolor.
 */
import type {ThemeColour} from '../frame/frame.js';

export type ThemeEntry = {readonly rgb: string; readonly basic: number};

/** `basic` is the SGR foreground code (30-37, 90-97). */
export const theme: Readonly<Record<ThemeColour, ThemeEntry>> = {
	accent: {rgb: '#5fafff', basic: 94},
	heading: {rgb: '#ffd75f', basic: 93},
	highlight: {rgb: '#ff5f5f', basic: 91},
	prompt: {rgb: '#5fd7ff', basic: 96},
	muted: {rgb: '#8a8a8a', basic: 90},
	code: {rgb: '#87d787', basic: 92},
	link: {rgb: '#5fafff', basic: 94},
	draft: {rgb: '#ffaf00', basic: 33},
	frame: {rgb: '#6c6c6c', basic: 90},
	dotRed: {rgb: '#ff5f56', basic: 91},
	dotYellow: {rgb: '#ffbd2e', basic: 93},
	dotGreen: {rgb: '#27c93f', basic: 92},
	statusBg: {rgb: '#303030', basic: 90},
	statusFg: {rgb: '#bcbcbc', basic: 37},
	codeBg: {rgb: '#24292e', basic: 30},
	codeMark: {rgb: '#3a3f1c', basic: 33},
	lineNumber: {rgb: '#6a737d', basic: 90},
};
