import {watch, type FSWatcher} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';
import {useEffect, useRef, useState} from 'react';
import type {Deck} from '../deck/model.js';
import {readDeck} from '../read-deck.js';
import {errorSummary, oneLine} from '../fault-line.js';
import {highlightDeck} from '../code/highlight-deck.js';

export type ReloadResult = {readonly deck: Deck; readonly error?: string; readonly version: number};

/** How long to wait for an editor to finish writing before re-reading. */
const settleMs = 60;

/**
 * Watches the deck file and re-reads it on change. A deck that fails to read
 * keeps the last good one on screen, with the error. A new `codeTheme` (the
 * presenter turned to another theme) highlights the deck's code again.
 */
export function useDeckReload(file: string | undefined, initial: Deck, codeTheme = 'github-dark'): ReloadResult {
	// A reload reads the deck in the format it was opened in.
	const format = initial.format;
	const [state, setState] = useState<ReloadResult>({deck: initial, version: 0});
	const latest = useRef({deck: initial, codeTheme});
	latest.current.deck = state.deck;
	useEffect(() => {
		if (latest.current.codeTheme === codeTheme) return;
		let closed = false;
		highlightDeck(latest.current.deck, codeTheme).then(
			deck => {
				if (closed) return;
				latest.current.codeTheme = codeTheme;
				setState(previous => ({...previous, deck}));
			},
			() => {
				// The code keeps its colours: a theme's highlighting never stops the talk.
			},
		);
		return () => {
			closed = true;
		};
	}, [codeTheme]);
	useEffect(() => {
		if (!file || file === '-') return;
		const path = resolve(file);
		let timer: NodeJS.Timeout | undefined;
		let watcher: FSWatcher | undefined;
		let closed = false;
		const reload = () => {
			readDeck(path, {format}, true)
				.then(async deck => highlightDeck(deck, codeTheme))
				.then(
					deck => {
						if (!closed) setState(previous => ({deck, version: previous.version + 1}));
					},
					(error: unknown) => {
						if (!closed) setState(previous => ({...previous, error: reloadProblem(error), version: previous.version + 1}));
					},
				);
		};

		try {
			// Watch the folder: editors often replace the file instead of writing it.
			watcher = watch(dirname(path), (_event, name) => {
				if (name !== null && name !== basename(path)) return;
				clearTimeout(timer);
				timer = setTimeout(reload, settleMs);
			});
			watcher.on('error', () => {});
		} catch {
			// No watching (e.g. too many watchers): presenting still works.
		}

		return () => {
			closed = true;
			clearTimeout(timer);
			watcher?.close();
		};
	}, [file, format, codeTheme]);
	return state;
}

/** Why a reload failed, as one neutralised line: a deck's own problem as it says it, anything else short and named as a fault. */
function reloadProblem(error: unknown): string {
	return error instanceof Error && error.name === 'DeckError' ? oneLine(error.message) : `internal error (${errorSummary(error)}); the last good deck stays`;
}
