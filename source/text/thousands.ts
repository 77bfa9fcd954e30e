/**
 * A whole number with its thousands grouped by commas ("10,000"), as
 * `toLocaleString('en')` writes it. That call starts ICU's number formatting on
 * first use, some 20 ms; a message made while a module loads (the slide cut
 * mark) put that before the first frame. Pure.
 */
export function thousands(value: number): string {
	if (!Number.isSafeInteger(value)) return String(value);
	const digits = String(Math.abs(value));
	let grouped = '';
	for (let end = digits.length; end > 0; end -= 3) grouped = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + grouped;
	return value < 0 ? `-${grouped}` : grouped;
}
