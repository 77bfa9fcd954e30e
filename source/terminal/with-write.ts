/**
 * `stream` as Ink sees it, with `write` replaced and every other property
 * (columns, rows, `on('resize')`, `isTTY`) the stream's own, methods bound to it.
 */
export function withWrite(stream: NodeJS.WriteStream, write: (chunk: unknown, ...rest: unknown[]) => boolean): NodeJS.WriteStream {
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') return write;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...parameters: unknown[]) => unknown).bind(target) : value;
		},
	});
}
