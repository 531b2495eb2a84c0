/** Errors every layer reports: why a run failed, why a load failed. Plain data, they cross workers. */
import type { ImportEntry } from '../wasm/types';
import type { WitValue } from './values';

export type RunErrorCode =
  | 'trap' // the guest trapped (unreachable, divide by zero, out of bounds…)
  | 'link' // imports could not be satisfied
  | 'no-export' // the function is not exported
  | 'bad-args' // argument count or types do not fit the signature
  | 'unsupported' // this kind cannot run yet, or the signature cannot be called from JS
  | 'memory' // the guest ran out of memory
  | 'limit' // the guest reached a playground limit (output size)
  | 'plugin' // an Extism plugin reported an error (error_set) or a non-zero return code
  | 'err' // a component function returned the `err` case of its result
  | 'timeout'
  | 'stopped'
  | 'crash' // the worker itself died
  | 'internal';

export interface RunError {
  code: RunErrorCode;
  message: string;
  /** Function that was running when it failed. */
  func?: string;
  /** For `link`: the imports nothing provides. */
  missing?: ImportEntry[];
  /** For `err`: the function's whole result (`{ tag: 'err', val }`). */
  payload?: WitValue;
}

export type LoadErrorCode =
  | 'empty'
  | 'not-wasm'
  | 'truncated'
  | 'malformed'
  | 'invalid'
  | 'unsupported-version'
  | 'bad-url'
  | 'network'
  | 'cors'
  | 'http'
  | 'not-found'
  | 'storage'
  | 'manifest'
  | 'hash-mismatch';

export interface LoadError {
  code: LoadErrorCode;
  /** One sentence: what is wrong. */
  title: string;
  /** What to do about it, and details (byte offsets, status codes). */
  detail: string;
}
