/** JSON (form editor, share links) → checked WitValue. */
import type { WitType } from '../../../wasm/wit/types';
import { readValue } from './read';
import type { Checked, WitValue } from './types';
import { checked } from './valueError';

/** Errors name the path: `args[0].items[2].name: expected string, got 12`. */
export function fromJson(type: WitType, json: unknown, path: string): Checked<WitValue> {
  return checked(() => readValue(type, json, path, 'json'));
}
