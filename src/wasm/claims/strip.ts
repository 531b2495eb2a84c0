/**
 * The claims section and the bytes wascap hashes. wascap (`wasm.rs`, `strip_custom_section`)
 * re-encodes the module without its `jwt` / `wasmcloud_jwt` custom sections: the canonical
 * 8-byte header, then every other section as id + minimal LEB128 size + payload, with nested
 * core modules and components (in a component) stripped the same way. The module hash is the
 * upper-case hex SHA-256 of those bytes, so a module written with padded sizes hashes as
 * wascap's re-encoding does, not as the file does.
 */
import { ByteReader } from '../reader';
import { uleb } from '../leb';

/** Custom section names wascap reads claims from (`jwt` before wascap 0.9, `wasmcloud_jwt` since). */
export const CLAIMS_SECTIONS = ['jwt', 'wasmcloud_jwt'] as const;

const MODULE_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const COMPONENT_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
/** Component section ids holding a nested core module (1) or component (4). */
const NESTED_IDS = new Set([1, 4]);
/** Nesting deeper than this is refused (a hostile file could nest without end). */
const MAX_DEPTH = 100;

export interface ClaimsSection {
  name: (typeof CLAIMS_SECTIONS)[number];
  /** The section's payload after its name: the JWT text as bytes. */
  data: Uint8Array;
}

type Layer = 'module' | 'component';

function headerOf(buf: Uint8Array, start: number): Layer {
  if (buf.length - start < 8 || buf[start] !== 0 || buf[start + 1] !== 0x61 || buf[start + 2] !== 0x73 || buf[start + 3] !== 0x6d) {
    throw new Error('not a WebAssembly binary (no \\0asm header)');
  }
  return buf[start + 6] === 1 ? 'component' : 'module';
}

interface RawSection {
  id: number;
  start: number;
  end: number;
  /** For custom sections, the name (null when unreadable). */
  name?: string | null;
}

function sections(buf: Uint8Array, start: number, end: number): RawSection[] {
  const r = new ByteReader(buf, start + 8, end);
  const out: RawSection[] = [];
  while (!r.atEnd()) {
    const id = r.u8();
    const size = r.u32();
    if (size > r.remaining) throw new Error(`a section at offset ${r.pos} claims ${size} bytes but only ${r.remaining} remain`);
    const s: RawSection = { id, start: r.pos, end: r.pos + size };
    if (id === 0) {
      try {
        s.name = new ByteReader(buf, s.start, s.end).name();
      } catch {
        s.name = null;
      }
    }
    out.push(s);
    r.pos = s.end;
  }
  return out;
}

/** The first top-level claims section, or null. Throws on a malformed binary. */
export function findClaimsSection(buf: Uint8Array): ClaimsSection | null {
  headerOf(buf, 0);
  for (const s of sections(buf, 0, buf.length)) {
    if (s.id !== 0 || !isClaims(s.name)) continue;
    const r = new ByteReader(buf, s.start, s.end);
    r.name();
    return { name: s.name as ClaimsSection['name'], data: buf.subarray(r.pos, s.end) };
  }
  return null;
}

function isClaims(name: string | null | undefined): boolean {
  return name === 'jwt' || name === 'wasmcloud_jwt';
}

/** The module as wascap hashes it: claims sections removed, re-encoded. Throws on a malformed binary. */
export function stripClaimsSections(buf: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const push = (bytes: Uint8Array | number[]) => {
    const u = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    parts.push(u);
    total += u.length;
  };
  const encode = (start: number, end: number, depth: number): Uint8Array[] => {
    if (depth > MAX_DEPTH) throw new Error(`components nested more than ${MAX_DEPTH} deep`);
    const layer = headerOf(buf, start);
    const out: Uint8Array[] = [Uint8Array.from(layer === 'component' ? COMPONENT_HEADER : MODULE_HEADER)];
    for (const s of sections(buf, start, end)) {
      if (s.id === 0 && isClaims(s.name)) continue;
      if (layer === 'component' && NESTED_IDS.has(s.id)) {
        const inner = encode(s.start, s.end, depth + 1);
        const size = inner.reduce((n, p) => n + p.length, 0);
        out.push(Uint8Array.from([s.id, ...uleb(size)]), ...inner);
        continue;
      }
      out.push(Uint8Array.from([s.id, ...uleb(s.end - s.start)]), buf.subarray(s.start, s.end));
    }
    return out;
  };
  for (const p of encode(0, buf.length, 0)) push(p);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  return joined;
}

/** Upper-case hex SHA-256 (wascap's HEXUPPER), by WebCrypto. */
export async function sha256HexUpper(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex.toUpperCase();
}
