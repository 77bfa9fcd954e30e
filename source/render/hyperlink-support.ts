/**
 * Whether the terminal turns OSC 8 hyperlinks into links. Most do, or ignore
 * them harmlessly; but tmux before 3.4 drops them (the link text stays, the
 * link is gone), and the Linux console has none: there a link's host is shown
 * after its text instead.
 */
export function hyperlinksWork(env: NodeJS.ProcessEnv): boolean {
	if (env['TERM'] === 'linux') return false;
	if (env['TMUX'] !== undefined && env['TMUX'] !== '') {
		// tmux puts its version in TERM_PROGRAM_VERSION (3.3a, 3.4, next-3.5); hyperlinks came in 3.4.
		const version = /^(?:next-)?(\d+)\.(\d+)/.exec(env['TERM_PROGRAM'] === 'tmux' ? (env['TERM_PROGRAM_VERSION'] ?? '') : '');
		if (!version) return false;
		const [major, minor] = [Number(version[1]), Number(version[2])];
		return major > 3 || (major === 3 && minor >= 4);
	}

	return true;
}

/** How a link's target is shown after its text where it cannot be clicked: the URL when short, else its host. */
export function shownTarget(url: string, longest = 30): string {
	if (url.length <= longest) return url;
	try {
		const parsed = new URL(url);
		return parsed.host === '' ? url : parsed.host.replace(/^www\./, '');
	} catch {
		return url;
	}
}
