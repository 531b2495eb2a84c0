import { beforeAll, describe, expect, it } from 'vitest';
import type { ParseResult } from './types';
import { parseModule } from './parse';
import { CORE_HEADER, coreModule, prng, producers, section, str, vec, wat } from './testBytes';

const failure = (r: ParseResult) => (r.ok ? null : r.error);

describe('parseModule: malformed headers', () => {
  it('rejects empty input and a bare magic with the offset where bytes ran out', () => {
    expect(failure(parseModule(new Uint8Array()))).toMatchObject({ offset: 0, message: expect.stringMatching(/unexpected end/) });
    expect(failure(parseModule(new Uint8Array([0, 0x61, 0x73, 0x6d])))).toMatchObject({ offset: 4, message: expect.stringMatching(/header needs 8 bytes/) });
  });
  it('rejects bytes that are not wasm at offset 0', () => {
    expect(failure(parseModule(new TextEncoder().encode('<!DOCTYPE html>')))).toMatchObject({ offset: 0, message: expect.stringMatching(/\\0asm/) });
  });
  it('rejects unknown versions and layers', () => {
    expect(failure(parseModule(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 2, 0])))?.message).toMatch(/unknown layer 2/);
    expect(failure(parseModule(new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0e, 0, 1, 0])))?.message).toMatch(/unsupported component version 0x0e/);
  });
});

describe('parseModule: malformed sections', () => {
  it('reports a huge section size as truncation, at the section', () => {
    const r = parseModule(coreModule([0x01, 0xff, 0xff, 0xff, 0xff, 0x0f]));
    expect(failure(r)).toEqual({ message: 'section type at offset 8 claims 4294967295 bytes but only 0 remain (truncated file?)', offset: 8 });
  });
  it('rejects an overlong LEB128 section size', () => {
    expect(failure(parseModule(coreModule([0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]))))
      .toEqual({ message: 'integer representation too long (u32 LEB128 over 5 bytes)', offset: 9 });
  });
  it('rejects content that stops short of the declared end', () => {
    const r = parseModule(coreModule(section(1, [...vec([]), 0xaa])));
    expect(failure(r)).toEqual({ message: 'section type at offset 8 declares 2 bytes but its content ends after 1', offset: 11 });
  });
  it('rejects content that runs past the declared end', () => {
    // One func type declared, payload cut to 2 bytes; the next section follows.
    const r = parseModule(coreModule([0x01, 0x02, 0x01, 0x60], section(3, vec([]))));
    expect(failure(r)).toEqual({ message: 'section type at offset 8 (2 bytes): its content runs past the declared size', offset: 12 });
  });
  it('rejects a vector count that cannot fit in its section', () => {
    const r = parseModule(coreModule(section(7, [0xff, 0xff, 0xff, 0xff, 0x0f])));
    expect(failure(r)?.message).toMatch(/4294967295 exports cannot fit in the 0 bytes left/);
  });
  it('rejects function and code sections that disagree', () => {
    const type = section(1, vec([[0x60, 0, 0]]));
    expect(failure(parseModule(coreModule(type, section(3, vec([[0]])))))?.message).toBe(
      'function section declares 1 functions but there is no code section (truncated file?)',
    );
    expect(failure(parseModule(coreModule(type, section(3, vec([[0]])), section(10, vec([]))))))
      .toMatchObject({ message: 'function section declares 1 functions but the code section has 0 bodies', offset: 18 });
  });
  it('rejects an export that refers past its index space', () => {
    expect(failure(parseModule(coreModule(section(7, vec([[...str('m'), 0x02, 3]]))))))
      .toEqual({ message: 'export "m" refers to memory 3, but the module has 0', offset: 11 });
  });
  it('rejects unknown value types, import kinds and export kinds', () => {
    expect(failure(parseModule(coreModule(section(1, vec([[0x60, ...vec([[0x55]]), 0]])))))?.message).toBe('unknown value type 0x55');
    expect(failure(parseModule(coreModule(section(2, vec([[...str('a'), ...str('b'), 0x09]])))))?.message).toMatch(/unknown kind 0x9/);
    expect(failure(parseModule(coreModule(section(7, vec([[...str('a'), 0x07, 0]])))))?.message).toMatch(/unknown kind 0x7/);
  });
});

describe('parseModule: truncation and random bytes never throw', () => {
  let full: Uint8Array;
  beforeAll(async () => {
    const module = await wat(
      `(module
        (type $bin (func (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
        (import "env" "table" (table 2 funcref))
        (import "env" "g" (global i64))
        (memory (export "memory") 1 16)
        (global $count (mut i32) (i32.const 0))
        (func $add (export "add") (type $bin) local.get 0 local.get 1 i32.add)
        (func $inc (export "inc") (result i32)
          global.get $count i32.const 1 i32.add global.set $count global.get $count)
        (func $start global.get $count drop)
        (func (export "hello") (result i32 i32) i32.const 16 i32.const 5)
        (start $start)
        (elem (i32.const 0) $add $inc)
        (data (i32.const 16) "hello, world")
        (export "count" (global $count)))`,
    );
    full = new Uint8Array([...module, ...producers({ language: [['C', '']], 'processed-by': [['clang', '17.0.6']] })]);
  });

  it('fails with an in-range offset for every cut that is not a section boundary', () => {
    const whole = parseModule(full);
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    expect(full.length).toBeGreaterThan(250);
    const boundaries = new Set([8, ...whole.analysis.sections.map((s) => s.offset)]);
    const okCuts: number[] = [];
    for (let cut = 0; cut < full.length; cut++) {
      const r = parseModule(full.subarray(0, cut));
      if (r.ok) {
        okCuts.push(cut);
        continue;
      }
      expect(r.error.offset, `cut at ${cut}`).toBeGreaterThanOrEqual(0);
      expect(r.error.offset, `cut at ${cut}`).toBeLessThanOrEqual(cut);
      expect(r.error.message, `cut at ${cut}`).not.toMatch(/internal error/);
    }
    // A prefix ending exactly between sections can itself be a well-formed module: the empty
    // module, one cut before its functions, or one that loses only its data or custom sections.
    // Cuts between the function and code sections fail on their disagreeing counts.
    for (const cut of okCuts) expect(boundaries.has(cut), `cut at ${cut} parsed`).toBe(true);
    const at = (name: string) => whole.analysis.sections.find((s) => s.name === name)!.offset;
    expect(okCuts).toEqual([8, at('import'), at('function'), at('data'), at('custom: producers')]);
  });

  it('survives 5,000 random byte arrays and random bytes after a valid header', () => {
    const random = prng(0x5eed);
    let parsed = 0;
    let slowest = 0;
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 512);
      const bytes = new Uint8Array(length);
      for (let j = 0; j < length; j++) bytes[j] = Math.floor(random() * 256);
      // Half of them get a valid core or component header so the section parser is exercised.
      if (i % 2 === 1 && length >= 8) bytes.set(i % 4 === 1 ? CORE_HEADER : [0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]);
      const started = performance.now();
      const r = parseModule(bytes);
      slowest = Math.max(slowest, performance.now() - started);
      if (r.ok) parsed++;
      else {
        expect(r.error.offset).toBeGreaterThanOrEqual(0);
        expect(r.error.offset).toBeLessThanOrEqual(length);
        expect(r.error.message).not.toMatch(/internal error/);
      }
    }
    expect(parsed).toBeLessThan(5000);
    // Each input is under 512 bytes and parses in microseconds; the bound only catches a hang
    // or a blow-up (e.g. a loop driven by a huge count), with room for a busy machine.
    expect(slowest).toBeLessThan(500);
  }, 60_000);

  it('survives mutations of a valid module', () => {
    const random = prng(42);
    for (let i = 0; i < 2000; i++) {
      const bytes = full.slice();
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++) bytes[8 + Math.floor(random() * (bytes.length - 8))] = Math.floor(random() * 256);
      const r = parseModule(bytes);
      if (!r.ok) expect(r.error.message).not.toMatch(/internal error/);
    }
  }, 60_000);
});
