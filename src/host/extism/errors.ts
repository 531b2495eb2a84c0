/** The one error type the Extism host throws (into the guest, which unwinds, or to its caller). */
import { formatBytes as formatSize } from '../../util/bytes';

/**
 * - `memory`: the kernel memory cap was reached.
 * - `vars`: the var store cap was reached, or vars are disabled.
 * - `http-blocked`: the plugin asked for a host that is not allowed.
 * - `http`: any other HTTP failure (network, CORS, response too large, bad request JSON).
 * - `abi`: the plugin broke the ABI (offset outside kernel memory, not a block…).
 */
export type ExtismErrorKind = 'memory' | 'vars' | 'http-blocked' | 'http' | 'abi';

/** Thrown from a kernel function: the exception crosses the guest and ends the call. */
export class ExtismError extends Error {
  override readonly name = 'ExtismError';
  readonly kind: ExtismErrorKind;

  constructor(kind: ExtismErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** "64 MiB", "1.5 KiB", "900 bytes": limits are mostly powers of two, so they read whole. */
export const formatBytes = (n: number): string => formatSize(n, { small: 'bytes', units: 'KiB', largest: 2, digits: 'exact' });
