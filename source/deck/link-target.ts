/**
 * Link targets that are safe to put in a terminal hyperlink.
 *
 * Pure.
 */

const linkProtocols = new Set(['http:', 'https:', 'mailto:', 'file:']);
const unsafeInLink = /[\s\p{Cc}\p{Cf}]/u;

/**
 * The trimmed URL when it is an absolute http:, https:, mailto: or file: URL
 * with no control, format (e.g. bidi) or whitespace characters in it;
 * otherwise undefined. Use it before emitting a terminal hyperlink.
 */
export function safeLinkTarget(url: string): string | undefined {
	const trimmed = url.trim();
	if (trimmed === '' || unsafeInLink.test(trimmed)) return undefined;
	try {
		return linkProtocols.has(new URL(trimmed).protocol) ? trimmed : undefined;
	} catch {
		return undefined;
	}
}
