/**
 * Live code on the current slide: Ctrl-E runs its `+exec`, `+exec_replace`
 * and `+pty` blocks, their output streams into the slide, and leaving the
 * slide (or quitting) stops what still runs. Without `--run-code`, a block
 * runs only once the presenter has said yes to it (the player asks; the yes
 * holds for that block's text for the rest of the session). The runner is a
 * chunk of its own, loaded on the first run.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {codeAttributes} from '../deck/code-attributes.js';
import type {Slide} from '../deck/model.js';
import {runnableBlocks} from '../deck/slide-blocks.js';
import type {Line} from '../frame/frame.js';
import type {CodeOutput} from '../layout/plan-code.js';
import {runQuestion} from '../code/runners.js';

/** What Ctrl-E did: ran the blocks, found none, or needs a yes first (the question to ask). */
type RunResult = 'ran' | 'none' | {readonly ask: string};

export type LiveCode = {
	readonly output: CodeOutput | undefined;
	/** Runs the slide's blocks, if they may run. */
	readonly run: () => RunResult;
	/** The presenter said yes: the slide's blocks may run from now on, and run. */
	readonly approve: () => void;
};

/** A block is approved by its language and text: a deck edited since asks again. */
const approvalKey = (code: {readonly language: string; readonly lines: readonly string[]}) => `${code.language}\n${code.lines.join('\n')}`;

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

	const approved = useRef(new Set<string>());
	const start = useCallback(() => {
		const blocks = slide ? runnableBlocks(slide) : [];
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
	}, [slide, folder, columns, stopAll]);

	const run = useCallback((): RunResult => {
		const blocks = slide ? runnableBlocks(slide) : [];
		if (blocks.length === 0) return 'none';
		if (!allowed && !blocks.every(block => approved.current.has(approvalKey(block.code)))) return {ask: runQuestion(blocks.map(block => block.code))};
		start();
		return 'ran';
	}, [slide, allowed, start]);

	const approve = useCallback(() => {
		for (const block of slide ? runnableBlocks(slide) : []) approved.current.add(approvalKey(block.code));
		start();
	}, [slide, start]);

	return {output, run, approve};
}
