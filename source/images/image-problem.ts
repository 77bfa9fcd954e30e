/**
 * Why an image cannot be drawn, as every image module says it, and how the
 * header checks read a file.
 */

/** Why an image cannot be drawn: broken file, over a limit, a format lectern does not draw, or no file to read. */
export type ImageProblemCode = 'corrupt' | 'too-large' | 'unsupported' | 'unreadable';

export type ImageProblem = {readonly ok: false; readonly code: ImageProblemCode; readonly reason: string};

export function problem(code: ImageProblemCode, reason: string): ImageProblem {
	return {ok: false, code, reason};
}

/** `length` bytes from `offset` (fewer at the end of the file). */
export type ByteReader = (offset: number, length: number) => Uint8Array;
