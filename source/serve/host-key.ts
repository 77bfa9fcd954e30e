/**
 * The server's host key, kept in the user's config folder
 * ($XDG_CONFIG_HOME/lectern, else ~/.config/lectern) so that viewers see the
 * same fingerprint every time. Made on first run; written atomically (a new
 * file linked into place, so two servers starting at once agree on one key),
 * never through a symlink, readable by its owner only. A key file others can
 * read, or one that is a symlink, is refused, as OpenSSH refuses one.
 */
import {randomBytes} from 'node:crypto';
import {closeSync, constants, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readSync, unlinkSync, writeSync, type Stats} from 'node:fs';
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';

export const hostKeyName = 'ssh_host_ed25519_key';
/** Larger than any private key: a bigger file is not one. */
const maxKeyBytes = 64 * 1024;

export class HostKeyError extends Error {}

/** Where lectern keeps its settings: $XDG_CONFIG_HOME/lectern (an absolute path only, as the spec says), else ~/.config/lectern. */
export function configFolder(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
	const xdg = env['XDG_CONFIG_HOME'];
	return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.config'), 'lectern');
}

export type HostKey = {
	readonly key: string;
	readonly path: string;
	/** Made by this call (first run). */
	readonly created: boolean;
};

/**
 * The host key in `folder`, made with `generate` when there is none. `valid`
 * says whether a key file's text is a usable private key.
 */
export function loadHostKey(folder: string, generate: () => string, valid: (key: string) => boolean): HostKey {
	ensureFolder(folder);
	const path = join(folder, hostKeyName);
	const existing = readKey(path);
	if (existing !== undefined) {
		if (!valid(existing)) throw new HostKeyError(`${path} is not a private key lectern can read; remove it to make a new one`);
		return {key: existing, path, created: false};
	}

	const key = generate();
	if (createExclusive(path, key)) return {key, path, created: true};
	// Another lectern made one at the same moment: use that.
	const theirs = readKey(path);
	if (theirs === undefined || !valid(theirs)) throw new HostKeyError(`could not make the host key ${path}`);
	return {key: theirs, path, created: false};
}

/** The host key kept in `folder`, without making one: undefined when there is none yet. */
export function existingHostKey(folder: string): {key: string; path: string} | undefined {
	const path = join(folder, hostKeyName);
	const key = readKey(path);
	return key === undefined ? undefined : {key, path};
}

function ensureFolder(folder: string): void {
	try {
		mkdirSync(folder, {recursive: true, mode: 0o700});
	} catch (error) {
		throw new HostKeyError(`cannot make the folder ${folder} for the host key: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}

	const info = lstatSync(folder);
	if (info.isSymbolicLink() || !info.isDirectory()) throw new HostKeyError(`${folder} is not a folder (a symlink is not followed); the host key is kept there`);
	if (!ownedByUser(info)) throw new HostKeyError(`${folder} belongs to another user; the host key is kept there`);
	if ((info.mode & 0o022) !== 0) throw new HostKeyError(`${folder} can be written by others; make it private (chmod 700) to keep the host key there`);
}

/** The key file's text, or undefined when there is none. */
function readKey(path: string): string | undefined {
	let fd: number;
	try {
		fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return undefined;
		if (code === 'ELOOP') throw new HostKeyError(`${path} is a symlink; the host key must be a file of its own`);
		throw new HostKeyError(`cannot read the host key ${path}: ${code ?? String(error)}`);
	}

	try {
		const info = fstatSync(fd);
		if (!info.isFile()) throw new HostKeyError(`${path} is not a file`);
		if (!ownedByUser(info)) throw new HostKeyError(`${path} belongs to another user`);
		if ((info.mode & 0o077) !== 0) throw new HostKeyError(`${path} can be read by others; make it private (chmod 600) or remove it to make a new one`);
		if (info.size > maxKeyBytes) throw new HostKeyError(`${path} is too large to be a private key`);
		const buffer = Buffer.alloc(info.size);
		let read = 0;
		while (read < buffer.length) {
			const count = readSync(fd, buffer, read, buffer.length - read, read);
			if (count === 0) break;
			read += count;
		}

		return buffer.subarray(0, read).toString('utf8');
	} finally {
		closeSync(fd);
	}
}

/** Writes `text` to a new private file beside `path`, then links it into place; false when `path` exists already. */
function createExclusive(path: string, text: string): boolean {
	const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
	const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
	try {
		writeSync(fd, text);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}

	try {
		linkSync(temporary, path);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw new HostKeyError(`cannot write the host key ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	} finally {
		unlinkSync(temporary);
	}
}

function ownedByUser(info: Stats): boolean {
	const uid = process.getuid?.();
	return uid === undefined || info.uid === uid;
}
