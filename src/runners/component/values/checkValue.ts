/** API values (`run({ args })`) → checked WitValue: BigInt, safe integers or decimal strings for 64-bit; Uint8Array or numbers for list<u8>. */
import type { WitType } from '../../../wasm/wit/types';
import { readValue } from './read';
import type { Checked, WitValue } from './types';
import { checked } from './valueError';

export function checkValue(type: WitType, value: unknown, path: string): Checked<WitValue> {
  return checked(() => readValue(type, value, path, 'api'));
}
