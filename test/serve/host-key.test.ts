import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {configFolder, HostKeyError, hostKeyName, loadHostKey} from '../../source/serve/host-key.js';
import {newHostKey, validHostKey} from '../../source/serve/ssh-server.js';

const base = mkdtempSync(join(tmpdir(), 'lectern-hostkey-'));
after(() => rmSync(base, {recursive: true, force: true}));
let made = 0;
const generate = () => `KEY ${++made}`;
const valid = (key: string) => key.startsWith('KEY');

test('the config folder is XDG_CONFIG_HOME/lectern (an absolute one), else ~/.config/lectern', () => {
	assert.equal(configFolder({XDG_CONFIG_HOME: '/x/conf'}, '/home/u'), '/x/conf/lectern');
	assert.equal(configFolder({XDG_CONFIG_HOME: 'relative'}, '/home/u'), '/home/u/.config/lectern');
	assert.equal(configFolder({}, '/home/u'), '/home/u/.config/lectern');
});

test('a key is made once, private, and the same key is used after', () => {
	const folder = join(base, 'fresh', 'lectern');
	const first = loadHostKey(folder, generate, valid);
	assert.equal(first.created, true);
	assert.equal(statSync(folder).mode & 0o777, 0o700);
	assert.equal(statSync(first.path).mode & 0o777, 0o600);
	const again = loadHostKey(folder, generate, valid);
	assert.equal(again.created, false);
	assert.equal(again.key, first.key);
	assert.deepEqual(readdirSync(folder), [hostKeyName], 'no temporary file left');
});

test('a key others can read, a symlink, or a key that does not parse is refused', () => {
	const folder = join(base, 'open');
	mkdirSync(folder, {mode: 0o700});
	writeFileSync(join(folder, hostKeyName), 'KEY x', {mode: 0o644});
	chmodSync(join(folder, hostKeyName), 0o644);
	assert.throws(
		() => loadHostKey(folder, generate, valid),
		(error: Error) => error instanceof HostKeyError && /chmod 600/.test(error.message),
	);

	const linked = join(base, 'linked');
	mkdirSync(linked, {mode: 0o700});
	writeFileSync(join(base, 'elsewhere'), 'KEY y', {mode: 0o600});
	symlinkSync(join(base, 'elsewhere'), join(linked, hostKeyName));
	assert.throws(() => loadHostKey(linked, generate, valid), /symlink/);

	const folderLink = join(base, 'folder-link');
	symlinkSync(folder, folderLink);
	assert.throws(() => loadHostKey(folderLink, generate, valid), /not a folder/);

	const garbage = join(base, 'garbage');
	mkdirSync(garbage, {mode: 0o700});
	writeFileSync(join(garbage, hostKeyName), 'not a key', {mode: 0o600});
	assert.throws(() => loadHostKey(garbage, generate, valid), /not a private key/);
});

test('every key made parses again (ssh2 makes one it cannot read about once in 256; lectern makes another)', () => {
	let unreadable = 0;
	for (let index = 0; index < 2000; index++) if (!validHostKey(newHostKey())) unreadable++;
	assert.equal(unreadable, 0);
});
