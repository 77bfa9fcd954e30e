/**
 * Live code on the current slide: Ctrl-E runs its `+exec`, `+exec_replace`
 * and `+pty` blocks (only when the player was started with `--run-code`),
 * their output streams into the slide, and leaving the slide (or quitting)
 * stops what still runs. The runner is a chunk of its own, loaded on the
 * first run.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {codeAttributes} from '../deck/code-attributes.js';
import type {Slide} from '../deck/model.js';
import {runnableBlocks} from '../deck/slide-blocks.js';
import type {Line} from '../frame/frame.js';
import type {CodeOutput} from '../layout/plan-code.js';

export type LiveCode = {
	readonly output: CodeOutput | undefined;
	/** Runs the slide's blocks: 'ran', 'refused' (no --run-code) or 'none' (nothing to run). */
	readonly run: () => 'ran' | 'refused' | 'none';
};

export function useLiveCode(slide: Slide | undefined, allowed: boolean, folder: string, columns: number): LiveCode {
	const [output, setOutput] = useState<CodeOutput | undefined>(undefined);
	const running = useRef<Array<() => void>>([]);
	const stopAll = useCallback(() => {
		for (const stop of running.current) stop();
		running.current = [];
	}, []);

	// A new slide starts without output; what ran on the last one is stopped.
	useEffect(() => {
		setOutput(undefined);
		return stopAll;
	}, [slide, stopAll]);

	const run = useCallback((): 'ran' | 'refused' | 'none' => {
		const blocks = slide ? runnableBlocks(slide) : [];
		if (blocks.length === 0) return 'none';
		if (!allowed) return 'refused';
		stopAll();
		void import('../code/run-code.js').then(({runCode}) => {
			for (const block of blocks) {
				const pty = codeAttributes(block.code.attributes, block.code.lines.length).run === 'pty';
				const show = (lines: Line[]) => setOutput(previous => new Map(previous).set(block.line, lines));
				show([]);
				const request = {
					language: block.code.language,
					code: block.code.lines.join('\n'),
					pty,
					columns: Math.max(20, columns - 8),
					rows: pty ? 12 : 200,
					cwd: folder,
				};
				running.current.push(runCode(request, show).stop);
			}
		});
		return 'ran';
	}, [slide, allowed, folder, columns, stopAll]);

	return {output, run};
}
