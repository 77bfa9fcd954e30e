/**
 * `lectern licenses`: lectern's licence and the notices of everything bundled
 * with it (THIRD-PARTY-LICENSES.txt, written next to dist/cli.js by
 * scripts/licences.mjs at build time), printed through the neutralising funnel.
 */
import {readFileSync} from 'node:fs';
import {neutralize} from '../deck/neutralize.js';

/**
 * Where the notices may be, relative to the module that reads them: next to
 * the bundle (dist/cli.js) or above a chunk (dist/chunks/*.js); from the
 * compiled sources (build/source/commands/), dist/ of the repository.
 */
function noticeCandidates(moduleUrl: string): URL[] {
	return ['THIRD-PARTY-LICENSES.txt', '../THIRD-PARTY-LICENSES.txt', '../../../dist/THIRD-PARTY-LICENSES.txt'].map(path => new URL(path, moduleUrl));
}

/** The notices' text, or undefined when no build has made them. */
export function licenceNotices(moduleUrl: string = import.meta.url): string | undefined {
	for (const candidate of noticeCandidates(moduleUrl)) {
		try {
			return neutralize(readFileSync(candidate, 'utf8'));
		} catch {
			// Not there: the next place.
		}
	}

	return undefined;
}
