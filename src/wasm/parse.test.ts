import { describe, expect, it } from 'vitest';
import type { ComponentAnalysis, CoreAnalysis, ParseResult } from './types';
import { parseModule } from './parse';
import { componentBinary, concat, coreModule, custom, leb, producers, section, str, vec, wat } from './testBytes';

function core(result: ParseResult): CoreAnalysis {
  if (!result.ok) throw new Error(`parse failed: ${result.error.message} @${result.error.offset}`);
  if (result.analysis.format !== 'core') throw new Error('expected a core module');
  return result.analysis;
}

function component(result: ParseResult): ComponentAnalysis {
  if (!result.ok) throw new Error(`parse failed: ${result.error.message} @${result.error.offset}`);
  if (result.analysis.format !== 'component') throw new Error('expected a component');
  return result.analysis;
}

const descOf = (a: CoreAnalysis, name: string) => a.exports.find((e) => e.name === name)?.desc;

describe('parseModule: core exports', () => {
  it('resolves function signatures, multi-value, memories, tables and globals', async () => {
    const a = core(
      parseModule(
        await wat(`(module
          (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
          (func (export "mix") (param i64 f32 f64) (result f64) f64.const 0)
          (func (export "pair") (result i32 i64) i32.const 1 i64.const 2)
          (func (export "nothing"))
          (memory (export "mem") 1 16)
          (table (export "tbl") 1 10 funcref)
          (global (export "g") (mut i32) (i32.const 0))
          (global (export "k") i64 (i64.const -5)))`),
      ),
    );
    expect(a.kind).toBe('core');
    expect(a.imports).toEqual([]);
    expect(a.exports.map((e) => [e.name, e.index])).toEqual([
      ['add', 0],
      ['mix', 1],
      ['pair', 2],
      ['nothing', 3],
      ['mem', 0],
      ['tbl', 0],
      ['g', 0],
      ['k', 1],
    ]);
    expect(descOf(a, 'add')).toEqual({ kind: 'func', typeIndex: 0, type: { params: ['i32', 'i32'], results: ['i32'] } });
    expect(descOf(a, 'mix')).toMatchObject({ type: { params: ['i64', 'f32', 'f64'], results: ['f64'] } });
    expect(descOf(a, 'pair')).toMatchObject({ type: { params: [], results: ['i32', 'i64'] } });
    expect(descOf(a, 'nothing')).toMatchObject({ type: { params: [], results: [] } });
    expect(descOf(a, 'mem')).toEqual({ kind: 'memory', limits: { min: 1, max: 16 } });
    expect(descOf(a, 'tbl')).toEqual({ kind: 'table', element: 'funcref', limits: { min: 1, max: 10 } });
    expect(descOf(a, 'g')).toEqual({ kind: 'global', type: 'i32', mutable: true });
    expect(descOf(a, 'k')).toEqual({ kind: 'global', type: 'i64', mutable: false });
  });

  it('reads shared and 64-bit memories', async () => {
    const shared = core(parseModule(await wat('(module (memory (export "m") 1 16 shared))', { threads: true })));
    expect(descOf(shared, 'm')).toEqual({ kind: 'memory', limits: { min: 1, max: 16, shared: true } });
    const m64 = core(parseModule(await wat('(module (memory (export "m") i64 2 3))', { memory64: true })));
    expect(descOf(m64, 'm')).toEqual({ kind: 'memory', limits: { min: 2, max: 3, memory64: true } });
  });

  it('reads imports of every kind and indexes functions imports-first', async () => {
    const a = core(
      parseModule(
        await wat(
          `(module
            (import "env" "f" (func (param i32) (result i32)))
            (import "env" "t" (table 2 funcref))
            (import "env" "m" (memory 1))
            (import "env" "g" (global (mut f64)))
            (import "env" "e" (tag (param i32)))
            (func (export "own") (result i32) i32.const 3)
            (export "f_again" (func 0))
            (export "g_again" (global 0))
            (export "m_again" (memory 0)))`,
          { exceptions: true },
        ),
      ),
    );
    expect(a.imports).toEqual([
      { module: 'env', name: 'f', desc: { kind: 'func', typeIndex: 0, type: { params: ['i32'], results: ['i32'] } } },
      { module: 'env', name: 't', desc: { kind: 'table', element: 'funcref', limits: { min: 2 } } },
      { module: 'env', name: 'm', desc: { kind: 'memory', limits: { min: 1 } } },
      { module: 'env', name: 'g', desc: { kind: 'global', type: 'f64', mutable: true } },
      { module: 'env', name: 'e', desc: { kind: 'tag', type: { params: ['i32'], results: [] } } },
    ]);
    expect(a.exports.find((e) => e.name === 'own')).toMatchObject({ index: 1, desc: { type: { params: [], results: ['i32'] } } });
    expect(a.exports.find((e) => e.name === 'f_again')).toMatchObject({ index: 0, desc: { kind: 'func', type: { params: ['i32'], results: ['i32'] } } });
    expect(descOf(a, 'g_again')).toEqual({ kind: 'global', type: 'f64', mutable: true });
    expect(descOf(a, 'm_again')).toEqual({ kind: 'memory', limits: { min: 1 } });
  });

  it('reads the start function and the tag section', async () => {
    const a = core(
      parseModule(
        await wat('(module (import "env" "x" (func)) (func $s) (start $s) (tag (export "oops") (param i64 f32)))', { exceptions: true }),
      ),
    );
    expect(a.start).toBe(1);
    expect(a.sections.map((s) => s.name)).toContain('tag');
    expect(descOf(a, 'oops')).toEqual({ kind: 'tag', type: { params: ['i64', 'f32'], results: [] } });
  });

  it('reads v128 and reference types in signatures', async () => {
    const a = core(
      parseModule(await wat('(module (func (export "v") (param v128 externref) (result funcref) ref.null func))', { simd: true, reference_types: true })),
    );
    expect(descOf(a, 'v')).toMatchObject({ type: { params: ['v128', 'externref'], results: ['funcref'] } });
  });

  it('records the data count section and skips element, code and data bodies', async () => {
    const a = core(
      parseModule(
        await wat(
          `(module (memory 1) (table 1 funcref) (func $f) (elem (i32.const 0) $f)
            (data $d "hello") (func (export "drop") (data.drop $d)))`,
          { bulk_memory: true },
        ),
      ),
    );
    expect(a.sections.map((s) => s.name)).toEqual(['type', 'function', 'table', 'memory', 'export', 'element', 'data count', 'code', 'data']);
  });
});

describe('parseModule: section list', () => {
  it('gives each section its id, name, offset of the id byte and payload size', () => {
    const type = section(1, vec([[0x60, ...vec([[0x7f]]), ...vec([[0x7f]])]]));
    const func = section(3, vec([[0]]));
    const exp = section(7, vec([[...str('id'), 0x00, 0x00]]));
    const code = section(10, vec([[4, 0x00, 0x20, 0x00, 0x0b]]));
    const prod = producers({ language: [['Rust', '1.80.0']], 'processed-by': [['clang', '17'], ['wasm-opt', '']] });
    const bytes = coreModule(type, func, exp, code, prod);
    const a = core(parseModule(bytes));
    const sizes = [type, func, exp, code, prod].map((s) => s.length);
    let offset = 8;
    const expected = ['type', 'function', 'export', 'code', 'custom: producers'].map((name, i) => {
      const info = { id: [1, 3, 7, 10, 0][i], name, offset, size: sizes[i]! - 2 };
      offset += sizes[i]!;
      return info;
    });
    expect(a.sections).toEqual(expected);
    expect(a.customSections).toEqual(['producers']);
    expect(a.producers).toEqual(['language: Rust 1.80.0', 'processed-by: clang 17', 'processed-by: wasm-opt']);
    expect(descOf(a, 'id')).toMatchObject({ type: { params: ['i32'], results: ['i32'] } });
  });

  it('reads sizes written with multi-byte LEB128 (wabt pads them)', async () => {
    const bytes = await wat('(module (func (export "f")))');
    const a = core(parseModule(bytes));
    const last = a.sections.at(-1)!;
    // The last section's payload ends exactly at the end of the file.
    const sizeLen = leb(last.size).length;
    expect(last.offset + 1 + sizeLen + last.size).toBe(bytes.length);
  });

  it('reads the module name from the name section', () => {
    const names = custom('name', [0x00, ...leb(str('calc').length), ...str('calc')]);
    const a = core(parseModule(coreModule(names)));
    expect(a.moduleName).toBe('calc');
    expect(a.customSections).toEqual(['name']);
  });
});

describe('parseModule: custom sections never break the parse', () => {
  it('records an unreadable name as "custom: <unreadable>"', () => {
    const tooLong = section(0, [0x20, 0x61]);
    const badUtf8 = section(0, [0x02, 0xc3, 0x28, 1, 2, 3]);
    const a = core(parseModule(coreModule(tooLong, badUtf8, custom('ok', [9, 9]))));
    expect(a.sections.map((s) => s.name)).toEqual(['custom: <unreadable>', 'custom: <unreadable>', 'custom: ok']);
    expect(a.customSections).toEqual(['<unreadable>', '<unreadable>', 'ok']);
  });
  it('keeps the name of a garbage producers or name section and drops its content', () => {
    const a = core(parseModule(coreModule(custom('producers', [0xff, 0xff, 0xff]), custom('name', [0x00, 0x40]), custom('empty'))));
    expect(a.customSections).toEqual(['producers', 'name', 'empty']);
    expect(a.producers).toEqual([]);
    expect(a.moduleName).toBeUndefined();
  });
  it('still rejects a custom section whose size runs past the file', () => {
    const r = parseModule(coreModule([0x00, 0x10, 0x01, 0x61]));
    expect(r).toEqual({ ok: false, error: { message: 'section custom at offset 8 claims 16 bytes but only 2 remain (truncated file?)', offset: 8 } });
  });
});

describe('parseModule: GC types, table initialisers and constant expressions', () => {
  // types: 0 struct {mut i32}, 1 array i8 (sub of nothing), 2 (i32) -> i64 final, 3 (funcref, (ref 0), anyref) -> ()
  const gcTypes = section(
    1,
    vec([
      [0x4e, ...vec([[0x5f, ...vec([[0x7f, 0x01]])], [0x50, ...vec([]), 0x5e, 0x78, 0x00]])],
      [0x4f, ...vec([]), 0x60, ...vec([[0x7f]]), ...vec([[0x7e]])],
      [0x60, ...vec([[0x63, 0x70], [0x64, 0x00], [0x6e]]), ...vec([])],
    ]),
  );
  const body = [2, 0x00, 0x0b];

  it('keeps indices aligned across rec groups and non-function types', () => {
    const a = core(
      parseModule(
        coreModule(
          gcTypes,
          section(3, vec([[2], [3]])),
          section(7, vec([[...str('f'), 0x00, 0], [...str('g'), 0x00, 1]])),
          section(10, vec([body, body])),
        ),
      ),
    );
    expect(descOf(a, 'f')).toEqual({ kind: 'func', typeIndex: 2, type: { params: ['i32'], results: ['i64'] } });
    expect(descOf(a, 'g')).toEqual({ kind: 'func', typeIndex: 3, type: { params: ['funcref', 'ref', 'anyref'], results: [] } });
  });

  it('rejects exporting a function whose type is a struct', () => {
    const r = parseModule(coreModule(gcTypes, section(3, vec([[0]])), section(7, vec([[...str('bad'), 0x00, 0]])), section(10, vec([body]))));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('export "bad" has type index 0, which is not a function type');
  });

  it('reads the 0x40 0x00 table-with-initialiser form', () => {
    const table = section(4, vec([[0x40, 0x00, 0x70, 0x01, 0x01, 0x05, 0xd2, 0x00, 0x0b]]));
    const a = core(parseModule(coreModule(section(7, vec([[...str('t'), 0x01, 0]])), table)));
    expect(descOf(a, 't')).toEqual({ kind: 'table', element: 'funcref', limits: { min: 1, max: 5 } });
  });

  it('skips every kind of constant expression', () => {
    const f32 = [0x00, 0x00, 0x80, 0x3f];
    const globals = section(
      6,
      vec([
        [0x7f, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6a, 0x0b], // extended const i32.add
        [0x7e, 0x01, 0x42, 0x7f, 0x42, 0x02, 0x7e, 0x0b], // i64.mul
        [0x7d, 0x00, 0x43, ...f32, 0x0b],
        [0x7c, 0x00, 0x44, ...new Array<number>(8).fill(0), 0x0b],
        [0x7b, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(7), 0x0b],
        [0x70, 0x00, 0xd0, 0x70, 0x0b],
        [0x6f, 0x00, 0xd0, 0x6f, 0x0b],
        [0x7f, 0x00, 0x23, 0x00, 0x0b],
        [0x63, 0x00, 0x00, 0x41, 0x05, 0xfb, 0x00, 0x00, 0x0b], // struct.new 0
        [0x6c, 0x00, 0x41, 0x01, 0xfb, 0x1c, 0x0b], // ref.i31
        [0x63, 0x01, 0x00, 0x41, 0x01, 0x41, 0x02, 0xfb, 0x08, 0x01, 0x02, 0x0b], // array.new_fixed 1 2
        [0x70, 0x00, 0xd2, 0x00, 0x0b],
      ]),
    );
    const exports = section(7, vec([[...str('v'), 0x03, 4], [...str('s'), 0x03, 8], [...str('x'), 0x03, 1]]));
    const a = core(parseModule(coreModule(gcTypes, globals, exports)));
    expect(descOf(a, 'v')).toEqual({ kind: 'global', type: 'v128', mutable: false });
    expect(descOf(a, 's')).toEqual({ kind: 'global', type: 'ref', mutable: false });
    expect(descOf(a, 'x')).toEqual({ kind: 'global', type: 'i64', mutable: true });
  });

  it('rejects an unknown opcode in a constant expression with its offset', () => {
    const bytes = coreModule(section(6, vec([[0x7f, 0x00, 0x41, 0x01, 0x20, 0x00, 0x0b]])));
    const r = parseModule(bytes);
    expect(r).toEqual({ ok: false, error: { message: 'unsupported opcode 0x20 in a constant expression', offset: 15 } });
  });
});

describe('parseModule: components and versions', () => {
  it('lists a component’s sections by component-model ids', () => {
    const inner = [...coreModule(section(1, vec([])))];
    const sections = [
      section(1, inner),
      section(7, [0x01, 0x40, 0x00, 0x01, 0x00]),
      section(11, [0x00]),
      producers({ language: [['Rust', '1.82']], 'processed-by': [['wit-component', '0.219']] }),
    ];
    const a = component(parseModule(componentBinary(...sections)));
    expect(a.kind).toBe('component');
    expect(a.sections.map((s) => [s.id, s.name])).toEqual([
      [1, 'core module'],
      [7, 'type'],
      [11, 'export'],
      [0, 'custom: producers'],
    ]);
    expect(a.sections[0]).toMatchObject({ offset: 8, size: inner.length });
    expect(a.sections[1]).toMatchObject({ offset: 8 + sections[0]!.length, size: 5 });
    expect(a.producers).toEqual(['language: Rust 1.82', 'processed-by: wit-component 0.219']);
    expect(a.customSections).toEqual(['producers']);
    expect(a.capabilities).toEqual([]);
  });

  it('explains pre-release component versions and unknown core versions, at offset 4', () => {
    const pre = parseModule(new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0c, 0x00, 0x01, 0x00]));
    expect(pre).toMatchObject({ ok: false, error: { offset: 4 } });
    if (!pre.ok) expect(pre.error.message).toMatch(/unsupported component version 0x0c: this looks like a pre-release component binary/);
    const v2 = parseModule(new Uint8Array([0, 0x61, 0x73, 0x6d, 0x02, 0x00, 0x00, 0x00]));
    expect(v2).toMatchObject({ ok: false, error: { offset: 4, message: expect.stringMatching(/^unsupported WebAssembly version 2/) } });
  });

  it('parses an empty core module', () => {
    const a = core(parseModule(coreModule()));
    expect(a).toEqual({ format: 'core', kind: 'core', imports: [], exports: [], sections: [], customSections: [], producers: [], capabilities: [] });
  });

  it('reads producers appended to a wabt module', async () => {
    const bytes = await wat('(module $demo (func (export "f")))');
    const withProducers = concat(bytes, producers({ sdk: [['wabt', '1.0.39']] }));
    const a = core(parseModule(withProducers));
    expect(a.producers).toEqual(['sdk: wabt 1.0.39']);
  });
});
