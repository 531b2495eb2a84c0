/**
 * A component result for the Output pane: a string as its text (so JSON or Markdown in it renders
 * as such), `list<u8>` as bytes (sniffed like any output), anything else as JSON in our mapping.
 */
import type { WitValue } from '../../model/values';
import type { WitType } from '../../wasm/wit/types';
import { jsonText } from './jsonText';

const encoder = new TextEncoder();

export interface ResultOutput {
  bytes?: ArrayBuffer;
  /** Set when known; otherwise the page sniffs the bytes. */
  mime?: string;
  /** Set when the result is `err`: what to say. */
  err?: string;
}

export function resultOutput(type: WitType | null, value: WitValue | undefined): ResultOutput {
  if (!type || value === undefined) return {};
  if (type.kind === 'result' && isTagged(value)) {
    const inner = type[value.tag === 'err' ? 'err' : 'ok'];
    const payload = value['val'];
    if (value.tag === 'err') {
      const text = payload === undefined ? 'err' : typeof payload === 'string' ? payload : jsonText(payload);
      return { ...plain(inner, payload), err: `The function returned err: ${text.length > 500 ? `${text.slice(0, 500)}…` : text}` };
    }
    return plain(inner, payload);
  }
  return plain(type, value);
}

function plain(type: WitType | null, value: WitValue | undefined): ResultOutput {
  if (value === undefined) return {};
  if (type?.kind === 'string' && typeof value === 'string') return { bytes: encoder.encode(value).buffer };
  if (type?.kind === 'list' && type.element.kind === 'u8' && value instanceof Uint8Array) return { bytes: value.slice().buffer };
  return { bytes: encoder.encode(jsonText(value)).buffer, mime: 'application/json' };
}

/** A variant or result value: `{ tag, val }`. */
export function isTagged(value: WitValue): value is { tag: string; val: WitValue } & Record<string, WitValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && typeof value['tag'] === 'string';
}
