/**
 * How a WASI 0.2 host function fails, in jco's conventions: a `result` import returns its `ok`
 * value and throws its `err` payload. jco's generated code reads `e.payload` when the thrown
 * value has one (and rethrows any other Error as a trap), so failures are ResultErrors.
 */
import { Errno } from '../fs/errno';

/** The `err` side of a result import, thrown back to jco's generated code. */
export class ResultError extends Error {
  constructor(readonly payload: unknown) {
    super(typeof payload === 'string' ? payload : `WASI error ${JSON.stringify(payload)}`);
  }
}

/** Ends a result import with its error payload. */
export function fail(payload: unknown): never {
  throw new ResultError(payload);
}

/** wasi:filesystem/types `error-code` cases the host uses. */
export type FsErrorCode =
  | 'access'
  | 'would-block'
  | 'bad-descriptor'
  | 'busy'
  | 'exist'
  | 'file-too-large'
  | 'illegal-byte-sequence'
  | 'invalid'
  | 'io'
  | 'is-directory'
  | 'loop'
  | 'name-too-long'
  | 'no-entry'
  | 'insufficient-memory'
  | 'insufficient-space'
  | 'not-directory'
  | 'not-empty'
  | 'unsupported'
  | 'overflow'
  | 'not-permitted'
  | 'read-only'
  | 'invalid-seek'
  | 'cross-device';

/**
 * The VFS answers with preview 1 errnos; these are their wasi:filesystem names. A path that
 * tries to leave its directory (ENOTCAPABLE) is `not-permitted`, as wasmtime reports it.
 */
const FS_CODES: Partial<Record<number, FsErrorCode>> = {
  [Errno.ACCES]: 'access',
  [Errno.AGAIN]: 'would-block',
  [Errno.BADF]: 'bad-descriptor',
  [Errno.BUSY]: 'busy',
  [Errno.EXIST]: 'exist',
  [Errno.FAULT]: 'invalid',
  [Errno.FBIG]: 'file-too-large',
  [Errno.ILSEQ]: 'illegal-byte-sequence',
  [Errno.INVAL]: 'invalid',
  [Errno.IO]: 'io',
  [Errno.ISDIR]: 'is-directory',
  [Errno.LOOP]: 'loop',
  [Errno.MFILE]: 'insufficient-memory',
  [Errno.NAMETOOLONG]: 'name-too-long',
  [Errno.NOENT]: 'no-entry',
  [Errno.NOSPC]: 'insufficient-space',
  [Errno.NOSYS]: 'unsupported',
  [Errno.NOTDIR]: 'not-directory',
  [Errno.NOTEMPTY]: 'not-empty',
  [Errno.NOTSUP]: 'unsupported',
  [Errno.OVERFLOW]: 'overflow',
  [Errno.PERM]: 'not-permitted',
  [Errno.ROFS]: 'read-only',
  [Errno.SPIPE]: 'invalid-seek',
  [Errno.XDEV]: 'cross-device',
  [Errno.NOTCAPABLE]: 'not-permitted',
};

/** The wasi:filesystem error code for a VFS errno (`io` for one with no better name). */
export function fsErrorCode(errno: number): FsErrorCode {
  return FS_CODES[errno] ?? 'io';
}
