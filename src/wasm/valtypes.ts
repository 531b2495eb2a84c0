/** Decoding of value types, reference types and limits (core spec §5.3, GC and memory64 proposals). */
import type { Limits, ValType } from './types';
import { WasmParseError, type ByteReader } from './reader';

const NUMERIC: Record<number, ValType> = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128' };

// Abbreviated reference types (one byte). The GC ones without a name in ValType become 'ref'.
const ABBREVIATED_REF: Record<number, ValType> = {
  0x70: 'funcref',
  0x6f: 'externref',
  0x6e: 'anyref',
  0x69: 'exnref',
  0x6d: 'ref', // eqref
  0x6c: 'ref', // i31ref
  0x6b: 'ref', // structref
  0x6a: 'ref', // arrayref
  0x71: 'ref', // nullref
  0x72: 'ref', // nullexternref
  0x73: 'ref', // nullfuncref
  0x74: 'ref', // nullexnref
};

const REF_NULL = 0x63;
const REF = 0x64;

/** Read a heap type: an abstract one (one negative s33 byte) or a type index. Returns the s33 value. */
export function readHeapType(r: ByteReader): number {
  const at = r.pos;
  const value = r.s33();
  // Abstract heap types are single-byte negative values: 0x40..0x7f as s33 is -64..-1.
  if (value < 0 && ABBREVIATED_REF[value + 0x80] === undefined) {
    throw new WasmParseError(`unknown heap type 0x${(value + 0x80).toString(16)}`, at);
  }
  return value;
}

/** `ref null <ht>` with an abstract ht reads as the matching shorthand; everything else is 'ref'. */
function refTypeFor(nullable: boolean, heap: number): ValType {
  if (!nullable || heap >= 0) return 'ref';
  const short = ABBREVIATED_REF[heap + 0x80];
  return short ?? 'ref';
}

/** Read a value type (number, vector or reference type). */
export function readValType(r: ByteReader): ValType {
  const at = r.pos;
  const code = r.u8();
  const simple = NUMERIC[code] ?? ABBREVIATED_REF[code];
  if (simple !== undefined) return simple;
  if (code === REF_NULL || code === REF) return refTypeFor(code === REF_NULL, readHeapType(r));
  throw new WasmParseError(`unknown value type 0x${code.toString(16).padStart(2, '0')}`, at);
}

/** Read a reference type (table element types). */
export function readRefType(r: ByteReader): ValType {
  const at = r.pos;
  const type = readValType(r);
  if (NUMERIC[r.buf[at]!] !== undefined) throw new WasmParseError(`table element type must be a reference type, got ${type}`, at);
  return type;
}

/** Read a GC storage type: a value type or a packed i8/i16 (shown as i32). */
export function readStorageType(r: ByteReader): ValType {
  const code = r.buf[r.pos];
  if (code === 0x78 || code === 0x77) {
    r.pos++;
    return 'i32';
  }
  return readValType(r);
}

/** Read a mutability byte (0 const, 1 var; bit 1 is "shared" in the shared-everything proposal). */
export function readMutability(r: ByteReader): boolean {
  const at = r.pos;
  const flag = r.u8();
  if (flag & ~0x03) throw new WasmParseError(`invalid mutability flag 0x${flag.toString(16)}`, at);
  return (flag & 1) === 1;
}

/** Read memory or table limits. Flags: bit 0 max, bit 1 shared, bit 2 64-bit, bit 3 custom page size. */
export function readLimits(r: ByteReader, what: 'memory' | 'table'): Limits {
  const at = r.pos;
  const flags = r.u8();
  const allowed = what === 'memory' ? 0x0f : 0x07;
  if (flags & ~allowed) throw new WasmParseError(`invalid ${what} limits flags 0x${flags.toString(16)}`, at);
  const is64 = (flags & 0x04) !== 0;
  const read = is64 ? () => Number(r.u64()) : () => r.u32();
  const limits: Limits = { min: read() };
  if (flags & 0x01) limits.max = read();
  if (flags & 0x02) limits.shared = true;
  if (is64) limits.memory64 = true;
  // Custom-page-sizes proposal: the page size follows as a log2. Limits has no field for it.
  if (flags & 0x08) r.u32();
  return limits;
}
