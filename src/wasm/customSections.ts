/** Custom sections (id 0): their names, `producers` and the module name from `name`. Never throws. */
import { ByteReader } from './reader';

export interface CustomSection {
  /** The section's name, or null when it can't be read (bad length or UTF-8). */
  name: string | null;
  /** Flattened `producers` entries ("language: Rust 1.80.0"), when this is a readable producers section. */
  producers?: string[];
  /** The module name from a readable `name` section. */
  moduleName?: string;
}

/**
 * Read the custom section whose payload is `buf[start, end)`. Custom sections carry no semantics
 * (core spec §5.5.3), so garbage in one is tolerated: whatever can't be read is left out.
 */
export function readCustomSection(buf: Uint8Array, start: number, end: number): CustomSection {
  const r = new ByteReader(buf, start, end, 'custom section');
  let name: string;
  try {
    name = r.name();
  } catch {
    return { name: null };
  }
  if (name === 'producers') {
    const producers = attempt(() => readProducers(r));
    return producers ? { name, producers } : { name };
  }
  if (name === 'name') {
    const moduleName = attempt(() => readModuleName(r));
    return moduleName !== undefined ? { name, moduleName } : { name };
  }
  return { name };
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

// Tool conventions, producers section: vec(field name, vec(name, version)).
function readProducers(r: ByteReader): string[] {
  const out: string[] = [];
  const fields = r.count('producer fields');
  for (let i = 0; i < fields; i++) {
    const field = r.name();
    const values = r.count('producer values');
    for (let j = 0; j < values; j++) {
      const name = r.name();
      const version = r.name();
      out.push(version ? `${field}: ${name} ${version}` : `${field}: ${name}`);
    }
  }
  if (!r.atEnd()) throw new Error('trailing bytes in producers');
  return out;
}

// The name section's module-name subsection (id 0) comes first when present.
function readModuleName(r: ByteReader): string | undefined {
  if (r.atEnd() || r.u8() !== 0) return undefined;
  const size = r.u32();
  if (size > r.remaining) return undefined;
  const sub = new ByteReader(r.buf, r.pos, r.pos + size, 'name subsection');
  return sub.name();
}
