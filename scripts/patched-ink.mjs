/**
 * Runs the tests against the Ink the bundle ships: `node --import
 * ./scripts/patched-ink.mjs` (scripts/test.mjs does) registers module hooks
 * that apply scripts/ink-patches.mjs to Ink and the packages it draws with as
 * Node loads them from node_modules, as the esbuild plugin does when bundling
 * (lectern's own modules the patches import are taken from build/source/, the
 * compiled tests' copy), and resolve the packages the bundle holds one copy of
 * to that copy.
 */
import {register} from 'node:module';

register('./patched-ink-hooks.mjs', import.meta.url);
