/**
 * Caps a module's memories at `maxPages` by rewriting their declared maximum, so `memory.grow`
 * past it returns -1 inside the engine, as a runtime's memory limiter makes it (Extism manifest
 * `memory.max_pages`). A browser has no hook on the growth of a memory a module defines itself;
 * its declared maximum is the one limit the engine enforces.
 */
import { uleb as leb } from './leb';
import { ByteReader, WasmParseError } from './reader';
import { readLimits, readMutability, readRefType, readValType } from './valtypes';

/** `capped`: memories whose maximum was lowered or already within the cap; the rest start above it. */
export type LimitOutcome = { ok: true; bytes: Uint8Array<ArrayBuffer>; memories: number; capped: number } | { ok: false; message: string };

interface Edit {
  start: number;
  end: number;
  bytes: number[];
}

/**
 * The module with every memory's maximum lowered to `maxPages` (kept when already lower). A
 * memory that starts above `maxPages` is left as it is: the native runtime would refuse such a
 * module, but the JS SDK (our reference) reads max_pages as a cap on kernel blocks only, and a
 * manifest with a cap below the module's own start size can only have been written for that.
 */
export function limitMemory(bytes: Uint8Array, maxPages: number): LimitOutcome {
  try {
    return rewrite(bytes, maxPages);
  } catch (err) {
    if (err instanceof WasmParseError) return { ok: false, message: `the module could not be read to limit its memory: ${err.message} (byte ${err.offset})` };
    throw err;
  }
}

function rewrite(bytes: Uint8Array, maxPages: number): LimitOutcome {
  const r = new ByteReader(bytes);
  r.skip(8); // magic + version: the analyser has checked them
  // Parts are views of the input where nothing changes: a big module is not copied byte by byte.
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let memories = 0;
  let capped = 0;
  while (!r.atEnd()) {
    const sectionStart = r.pos;
    const id = r.u8();
    const size = r.u32();
    const start = r.pos;
    const end = start + size;
    if (end > bytes.length) throw new WasmParseError(`section ${id} runs past the end of the module`, sectionStart);
    const edits: Edit[] = [];
    if (id === 2 || id === 5) {
      const s = new ByteReader(bytes, start, end);
      const n = s.u32();
      for (let i = 0; i < n; i++) {
        if (id === 2 && !skipToMemoryImport(s)) continue;
        const at = s.pos;
        const limits = readLimits(s, 'memory');
        memories++;
        if (limits.memory64) continue; // 64-bit memories: no wasm32 plugin uses them
        if (limits.min > maxPages) continue;
        capped++;
        const max = Math.min(limits.max ?? maxPages, maxPages);
        if (limits.max !== undefined && limits.max <= maxPages) continue;
        const flags = bytes[at]! | 0x01;
        edits.push({ start: at, end: s.pos, bytes: [flags, ...leb(limits.min), ...leb(max), ...pageSizeTail(bytes, at, s.pos, flags)] });
      }
    }
    r.pos = end;
    if (edits.length === 0) {
      out.push(bytes.subarray(sectionStart, end));
      continue;
    }
    const payload: Uint8Array[] = [];
    let cursor = start;
    for (const e of edits) {
      payload.push(bytes.subarray(cursor, e.start), Uint8Array.from(e.bytes));
      cursor = e.end;
    }
    payload.push(bytes.subarray(cursor, end));
    const length = payload.reduce((n, part) => n + part.length, 0);
    out.push(Uint8Array.from([id, ...leb(length)]), ...payload);
  }
  const total = out.reduce((n, part) => n + part.length, 0);
  const result = new Uint8Array(total);
  let o = 0;
  for (const part of out) {
    result.set(part, o);
    o += part.length;
  }
  return { ok: true, bytes: result, memories, capped };
}

/** Reads one import up to its descriptor; true (positioned at the limits) when it is a memory. */
function skipToMemoryImport(s: ByteReader): boolean {
  s.name();
  s.name();
  const kind = s.u8();
  switch (kind) {
    case 0:
      s.u32();
      return false;
    case 1:
      readRefType(s);
      readLimits(s, 'table');
      return false;
    case 2:
      return true;
    case 3:
      readValType(s);
      readMutability(s);
      return false;
    case 4:
      s.u8();
      s.u32();
      return false;
    default:
      throw new WasmParseError(`unknown import kind ${kind}`, s.pos - 1);
  }
}

/** The custom-page-size exponent, when flag 0x08 says one follows: kept as it was. */
function pageSizeTail(bytes: Uint8Array, start: number, end: number, flags: number): number[] {
  if (!(flags & 0x08)) return [];
  // It is the last LEB of the limits: copy the bytes after the last continuation-free byte before it.
  let i = end - 1;
  while (i - 1 > start && (bytes[i - 1]! & 0x80) !== 0) i--;
  return Array.from(bytes.subarray(i, end));
}
