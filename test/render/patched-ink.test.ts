/**
 * The component tests run against the Ink the bundle ships: scripts/test.mjs
 * loads Ink through scripts/patched-ink.mjs, which applies the same patches.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';

test('Ink as the tests load it has the patches applied', async () => {
	// Ink's entry is build/index.js; output.js is beside it (not an export of the package).
	const output = (await import(new URL('output.js', import.meta.resolve('ink')).href)) as {default: {prototype: Record<string, unknown>}};
	assert.equal(typeof output.default.prototype['rowsOnly'], 'function', 'Output.rowsOnly, added by scripts/ink-patches.mjs: run the tests with npm test');
});
