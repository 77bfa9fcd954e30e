/** iconv-lite's generated single-byte tables: `chars` decodes bytes 0x80-0xFF. */
declare module 'iconv-lite/encodings/sbcs-data-generated.js' {
	const data: Record<string, {readonly type: string; readonly chars: string}>;
	export default data;
}
