/**
 * How ssh2 (used by `lectern serve` only, in a chunk of its own) is bundled.
 *
 * - Its optional native parts are never bundled nor built: `cpu-features` (a
 *   native module ssh2 asks for the CPU's AES support) is replaced by a module
 *   that throws, which ssh2 catches (it then keeps its default cipher order),
 *   and its own optional crypto binding (`build/Release/sshcrypto.node`) is a
 *   require esbuild leaves as it is, which fails at run time (there is no such
 *   file next to the bundle) and which ssh2 catches too: it then uses Node's
 *   own crypto (and its bundled WebAssembly Poly1305). package.json's
 *   allowScripts denies both install scripts, so `npm install` builds nothing.
 * - ssh2's CommonJS modules read `__dirname`, which an ES module bundle does not
 *   have; no path it makes from it is used on this platform (a Windows agent's
 *   .exe, a WebAssembly file that is embedded instead), so each module gets an
 *   empty one of its own.
 * - ssh2 tells a server session from a channel by its class's name, which
 *   minifying changes: a session closing then throws in the server's thread.
 *   The patch below asks for what only a session has instead (the build fails
 *   if the text it replaces is gone).
 */
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

export const ssh2Alias = {'cpu-features': fileURLToPath(new URL('stub-cpu-features.cjs', import.meta.url))};

const patches = [
	{
		file: 'ssh2/lib/utils.js',
		find: "channel.server && channel.constructor.name === 'Session'",
		replace: 'channel.server && channel._chanInfo !== undefined',
	},
];

export function ssh2Plugin() {
	return {
		name: 'lectern-ssh2',
		setup(build) {
			build.onLoad({filter: /[\\/]node_modules[\\/]ssh2[\\/]lib[\\/].*\.js$/}, async ({path}) => {
				let contents = await readFile(path, 'utf8');
				for (const patch of patches.filter(candidate => path.endsWith(candidate.file))) {
					if (!contents.includes(patch.find)) throw new Error(`ssh2 patch for ${patch.file} no longer applies: ${patch.find}`);
					contents = contents.replace(patch.find, patch.replace);
				}

				return {contents: `var __dirname = '', __filename = '';\n${contents}`, loader: 'js'};
			});
		},
	};
}
