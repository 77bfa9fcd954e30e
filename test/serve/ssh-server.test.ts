/**
 * The SSH door itself, on a loopback port, with ssh2's own client: who gets in,
 * and that everything but a terminal session is refused.
 */
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import ssh2 from 'ssh2';
import type {ClientChannel, ConnectConfig} from 'ssh2';
import {connectionLimits} from '../../source/serve/connection-limits.js';
import {fingerprint, newHostKey, parseAuthorizedKeys, startSshServer, type Access, type SshServer, type ViewerSession} from '../../source/serve/ssh-server.js';

const {Client, utils} = ssh2;
const hostKey = newHostKey();
/** A viewer's key pair that ssh2 can read back (it makes one it cannot about once in 256, mscdex/ssh2#1513). */
function readableKeyPair(): ReturnType<typeof utils.generateKeyPairSync> {
	for (;;) {
		const pair = utils.generateKeyPairSync('ed25519');
		if (!(utils.parseKey(pair.public) instanceof Error) && !(utils.parseKey(pair.private) instanceof Error)) return pair;
	}
}

const viewerKey = readableKeyPair();
const otherKey = readableKeyPair();
const servers: SshServer[] = [];
after(async () => {
	for (const server of servers) await server.close();
});

async function serve(access: Access, perAddress = 8): Promise<{server: SshServer; viewers: ViewerSession[]}> {
	const viewers: ViewerSession[] = [];
	const server = await startSshServer({
		host: '127.0.0.1',
		port: 0,
		hostKey,
		access,
		limits: connectionLimits({total: 20, perAddress}),
		setupMs: 10_000,
		maxAuthTries: 3,
		onViewer(viewer) {
			viewers.push(viewer);
			viewer.write('hello viewer\r\n', () => {});
		},
	});
	servers.push(server);
	return {server, viewers};
}

function connect(server: SshServer, config: Partial<ConnectConfig> = {}): Promise<InstanceType<typeof Client>> {
	return new Promise((resolve, reject) => {
		const client = new Client();
		client.once('ready', () => resolve(client));
		client.once('error', reject);
		client.connect({host: '127.0.0.1', port: server.port, username: 'anyone', readyTimeout: 10_000, ...config});
	});
}

function shell(client: InstanceType<typeof Client>, pty = true): Promise<ClientChannel> {
	return new Promise((resolve, reject) => {
		const options = {env: {COLORTERM: 'truecolor', LD_PRELOAD: '/tmp/x.so'}};
		const done = (error: Error | undefined, channel: ClientChannel) => (error ? reject(error) : resolve(channel));
		if (pty) client.shell({term: 'xterm-256color', cols: 90, rows: 30}, options, done);
		else client.shell(false, options, done);
	});
}

let open: {server: SshServer; viewers: ViewerSession[]};
before(async () => {
	open = await serve({});
});

test('anyone gets in by default and gets a terminal session with their size and TERM', async () => {
	const client = await connect(open.server);
	const channel = await shell(client);
	const text = await new Promise<string>(resolve => channel.once('data', (data: Buffer) => resolve(data.toString())));
	assert.equal(text, 'hello viewer\r\n');
	const viewer = open.viewers.at(-1)!;
	assert.deepEqual(viewer.size, {columns: 90, rows: 30});
	assert.equal(viewer.term, 'xterm-256color');
	assert.deepEqual(viewer.env, {COLORTERM: 'truecolor'}, 'COLORTERM is read; anything else is refused');
	const resized = new Promise(resolve => viewer.once('resize', resolve));
	channel.setWindow(40, 120, 0, 0);
	assert.deepEqual(await resized, {columns: 120, rows: 40});
	client.end();
});

test('exec, subsystems (SFTP), a shell without a terminal, a second session and port forwarding are refused', async () => {
	const client = await connect(open.server);
	await assert.rejects(new Promise((resolve, reject) => client.exec('id', (error, channel) => (error ? reject(error) : resolve(channel)))));
	await assert.rejects(new Promise((resolve, reject) => client.sftp((error, sftp) => (error ? reject(error) : resolve(sftp)))));
	const other = await connect(open.server);
	await assert.rejects(shell(other, false), 'no terminal, no shell');
	const third = await connect(open.server);
	await shell(third);
	await assert.rejects(shell(third), 'one session per connection');
	await assert.rejects(
		new Promise((resolve, reject) => client.forwardOut('127.0.0.1', 1234, '127.0.0.1', 22, (error, channel) => (error ? reject(error) : resolve(channel)))),
	);
	await assert.rejects(new Promise((resolve, reject) => client.forwardIn('127.0.0.1', 0, (error, port) => (error ? reject(error) : resolve(port)))));
	for (const each of [client, other, third]) each.end();
});

test('with a password, only the password lets a viewer in', async () => {
	const {server} = await serve({password: 'sesame'});
	await assert.rejects(connect(server), 'no password');
	await assert.rejects(connect(server, {password: 'wrong'}));
	const client = await connect(server, {password: 'sesame'});
	await shell(client);
	client.end();
	const interactive = await connect(server, {tryKeyboard: true, password: 'nope'}).catch(() => undefined);
	assert.equal(interactive, undefined);
});

test('with authorized keys, only a listed key lets a viewer in', async () => {
	const {keys, badLines} = parseAuthorizedKeys(`# viewers\nfrom="192.0.2.0/24" ${viewerKey.public} laptop\n\nnot a key\n`);
	assert.equal(keys.length, 1);
	assert.deepEqual(badLines, [4]);
	const {server} = await serve({keys});
	await assert.rejects(connect(server, {privateKey: otherKey.private}));
	await assert.rejects(connect(server, {password: 'anything'}));
	const client = await connect(server, {privateKey: viewerKey.private});
	await shell(client);
	client.end();
});

test('connections from one address are capped before any SSH is spoken', async () => {
	const {server} = await serve({}, 2);
	const first = await connect(server);
	const second = await connect(server);
	await assert.rejects(connect(server));
	first.end();
	second.end();
});

test('the host key fingerprint reads as ssh shows it', () => {
	assert.match(fingerprint(hostKey)!, /^SHA256:[A-Za-z0-9+/]{43}$/);
	assert.equal(fingerprint('garbage'), undefined);
});
