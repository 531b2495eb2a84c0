/** A WIT value as JSON text in our mapping: 64-bit integers as decimal strings, bytes as number arrays. */
import type { WitValue } from '../../model/values';

export function jsonText(value: WitValue, indent = 2): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Array.from(v) : v), indent) ?? 'null';
}
