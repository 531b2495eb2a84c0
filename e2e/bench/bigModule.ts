/**
 * A valid core module of about `targetBytes`, built byte by byte: many small functions of type
 * (i32) -> i32 (local.get 0, then `i32.const k; i32.add` repeated) and three exports,
 * `big_first`, `big_middle` and `big_last`, that the bench looks for in the UI.
 */

import { uleb } from '../../src/wasm/leb';

function section(id: number, payload: Uint8Array): Uint8Array {
  const head = [id, ...uleb(payload.length)];
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

/** `i32.const k; i32.add` pairs per body: 3 bytes each with k < 64. */
const ADDS_PER_BODY = 64;

/** One function body: size, no locals, local.get 0, the adds, end. */
function body(seed: number): number[] {
  const code = [0x00, 0x20, 0x00];
  for (let j = 0; j < ADDS_PER_BODY; j++) code.push(0x41, (seed + j) & 0x3f, 0x6a);
  code.push(0x0b);
  return [...uleb(code.length), ...code];
}

export interface BigModule {
  bytes: Uint8Array;
  functions: number;
  exports: string[];
}

/**
 * Build the module; about 198 bytes per function. A different `salt` gives different bytes of
 * the same shape: V8 caches compiled modules by their bytes, so each timed compile needs its own.
 */
export function bigModule(targetBytes = 10 * 1024 * 1024, salt = 0): BigModule {
  const perFunction = body(0).length;
  const count = Math.ceil(targetBytes / perFunction);

  const types = new Uint8Array([...uleb(1), 0x60, 1, 0x7f, 1, 0x7f]);

  const funcs = new Uint8Array(uleb(count).length + count);
  funcs.set(uleb(count), 0);
  // Every function has type 0; the zero bytes are already there.

  const exported: [string, number][] = [
    ['big_first', 0],
    ['big_middle', Math.floor(count / 2)],
    ['big_last', count - 1],
  ];
  const exportsPayload = new Uint8Array([...uleb(exported.length), ...exported.flatMap(([n, index]) => [...name(n), 0x00, ...uleb(index)])]);

  const head = uleb(count);
  const code = new Uint8Array(head.length + count * perFunction);
  code.set(head, 0);
  let at = head.length;
  for (let i = 0; i < count; i++) {
    const b = body(i + salt);
    code.set(b, at);
    at += b.length;
  }

  const parts = [new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), section(1, types), section(3, funcs), section(7, exportsPayload), section(10, code)];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, functions: count, exports: exported.map(([n]) => n) };
}
