/** A bounds-checked cursor over wasm bytes: LEB128 integers, names, sub-ranges. No copies. */

/** A malformed binary, with the byte offset where the problem was found. */
export class WasmParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'WasmParseError';
  }
}

// One shared decoder: creating one per name is measurably slow with 100k exports.
const UTF8 = new TextDecoder('utf-8', { fatal: true });
// windows-1252 maps every byte to one UTF-16 unit and ASCII to itself; absent without full ICU.
const SINGLE_BYTE = singleByteDecoder();

function singleByteDecoder(): TextDecoder | null {
  try {
    return new TextDecoder('windows-1252');
  } catch {
    return null;
  }
}

/**
 * Reads `buf` from `pos` up to `end`. When `region` is set (a section), running past `end`
 * means the content overruns its declared size, which is reported differently from a short file.
 */
export class ByteReader {
  pos: number;
  readonly end: number;
  private namesRead = 0;
  private text: string | null = null;
  private textBase = 0;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
    readonly region: string | null = null,
  ) {
    this.pos = start;
    this.end = end;
  }

  /** Bytes left before `end`. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /** True when every byte up to `end` has been read. */
  atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** The error for a read that needs `need` bytes at `at` but runs past `end`. */
  overrun(at: number, need: number): WasmParseError {
    if (this.region !== null) {
      return new WasmParseError(`${this.region}: its content runs past the declared size`, at);
    }
    const left = Math.max(0, this.end - at);
    return new WasmParseError(`unexpected end of input: needed ${need} byte(s), ${left} remain`, at);
  }

  /** One unsigned byte. */
  u8(): number {
    if (this.pos >= this.end) throw this.overrun(this.pos, 1);
    return this.buf[this.pos++]!;
  }

  /** Unsigned LEB128, at most 5 bytes, value < 2^32. */
  u32(): number {
    const buf = this.buf;
    const end = this.end;
    const start = this.pos;
    let pos = start;
    // Bitwise for the first 4 bytes keeps the value a small integer (no heap number per call).
    let result = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (pos >= end) throw this.overrun(pos, 1);
      const b = buf[pos++]!;
      result |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.pos = pos;
        return result;
      }
    }
    if (pos >= end) throw this.overrun(pos, 1);
    const b = buf[pos++]!;
    if (b & 0x80) throw new WasmParseError('integer representation too long (u32 LEB128 over 5 bytes)', start);
    if (b & 0x70) throw new WasmParseError('integer too large (u32 LEB128 over 32 bits)', start);
    this.pos = pos;
    // Multiply, not shift: `<< 28` would turn bit 31 into a sign.
    return result + b * 0x10000000;
  }

  /** Signed LEB128 of `bits` (≤ 33) bits, as a number. */
  private signed(bits: number): number {
    const start = this.pos;
    const maxBytes = Math.ceil(bits / 7);
    let result = 0;
    for (let i = 0; i < maxBytes; i++) {
      if (this.pos >= this.end) throw this.overrun(this.pos, 1);
      const b = this.buf[this.pos++]!;
      const shift = 7 * i;
      if (i === maxBytes - 1) {
        if (b & 0x80) throw new WasmParseError(`integer representation too long (s${bits} LEB128)`, start);
        // The unused high bits of the last byte must all copy the sign bit.
        const used = bits - shift;
        const signBit = 1 << (used - 1);
        const unused = 0x7f & ~((1 << used) - 1);
        const expect = b & signBit ? unused : 0;
        if ((b & unused) !== expect) throw new WasmParseError(`integer too large (s${bits} LEB128)`, start);
      }
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (b & 0x40) result -= 2 ** (shift + 7);
        return result;
      }
    }
    throw new WasmParseError('integer representation too long', start);
  }

  /** Signed LEB128, 32 bits. */
  s32(): number {
    return this.signed(32);
  }

  /** Signed LEB128, 33 bits (block types and heap types). */
  s33(): number {
    return this.signed(33);
  }

  /** Signed or unsigned LEB128 of 64 bits, as a bigint. */
  private leb64(signed: boolean): bigint {
    const start = this.pos;
    let result = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw this.overrun(this.pos, 1);
      const b = this.buf[this.pos++]!;
      if (i === 9) {
        if (b & 0x80) throw new WasmParseError(`integer representation too long (${signed ? 's' : 'u'}64 LEB128)`, start);
        // Only bit 63 is left: unsigned allows 0/1; signed needs the rest to copy it.
        const ok = signed ? b === 0x00 || b === 0x7f : b <= 0x01;
        if (!ok) throw new WasmParseError(`integer too large (${signed ? 's' : 'u'}64 LEB128)`, start);
      }
      result |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) {
        return signed ? BigInt.asIntN(64, b & 0x40 ? result - (1n << BigInt(7 * (i + 1))) : result) : result;
      }
    }
    throw new WasmParseError('integer representation too long', start);
  }

  /** Signed LEB128, 64 bits. */
  s64(): bigint {
    return this.leb64(true);
  }

  /** Unsigned LEB128, 64 bits. */
  u64(): bigint {
    return this.leb64(false);
  }

  /** A view of the next `n` bytes (no copy). */
  bytes(n: number): Uint8Array {
    const start = this.pos;
    if (n > this.end - start) throw this.overrun(start, n);
    this.pos = start + n;
    return this.buf.subarray(start, start + n);
  }

  /** Skip `n` bytes. */
  skip(n: number): void {
    if (n > this.end - this.pos) throw this.overrun(this.pos, n);
    this.pos += n;
  }

  /** A vector length, rejected early when even one byte per entry cannot fit. */
  count(what: string): number {
    const at = this.pos;
    const n = this.u32();
    if (n > this.end - this.pos) {
      if (this.region === null) throw this.overrun(at, n);
      throw new WasmParseError(`${this.region}: ${n} ${what} cannot fit in the ${this.end - this.pos} bytes left`, at);
    }
    return n;
  }

  /**
   * A vector of `n` u32 values (function section type indices). When every value is one byte,
   * as it is with fewer than 128 types, the result is a view of the bytes themselves.
   */
  u32s(n: number): Uint8Array | Uint32Array {
    const buf = this.buf;
    const start = this.pos;
    const end = start + n;
    // This runs once per function, often 100k+ times, and before the JIT has warmed up:
    // a scan with no calls or stores keeps the first parse fast.
    if (end <= this.end) {
      let i = start;
      while (i < end && buf[i]! < 0x80) i++;
      if (i === end) {
        this.pos = end;
        return buf.subarray(start, end);
      }
    }
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.u32();
    return out;
  }

  /** A length-prefixed UTF-8 name; invalid UTF-8 is an error, as in the spec. */
  name(): string {
    const start = this.pos;
    const len = this.u32();
    const at = this.pos;
    this.skip(len);
    if (SINGLE_BYTE !== null && ++this.namesRead > NAMES_BEFORE_CACHE && isAscii(this.buf, at, at + len)) {
      return this.asciiSlice(at, len);
    }
    try {
      return UTF8.decode(this.buf.subarray(at, at + len));
    } catch {
      throw new WasmParseError(`name at offset ${start} is not valid UTF-8`, at);
    }
  }

  // Sections with thousands of names (imports, exports) decode the rest of their bytes once as a
  // single-byte encoding; an ASCII name is then a substring, several times faster than a
  // decoder call per name. Readers with few names (custom sections) never get here.
  private asciiSlice(at: number, len: number): string {
    if (this.text === null) {
      this.textBase = at;
      this.text = SINGLE_BYTE!.decode(this.buf.subarray(at, this.end));
    }
    const from = at - this.textBase;
    return this.text.slice(from, from + len);
  }
}

const NAMES_BEFORE_CACHE = 16;

function isAscii(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i]! >= 0x80) return false;
  return true;
}
