import { describe, expect, it } from 'vitest';
import { parseModule } from './parse';

// Binaries written by wasm-tools (`jco parse`), so the parser is checked against a real encoder
// for what wabt can't write: components and GC types. The WAT sources are in the comments.
const fromHex = (hex: string) => new Uint8Array(hex.match(/../g)!.map((b) => parseInt(b, 16)));

/*
(component
  (core module $m (func (export "f") (result i32) i32.const 42))
  (core instance $i (instantiate $m))
  (func $f (result u32) (canon lift (core func $i "f")))
  (export "the-answer" (func $f)))
*/
const COMPONENT = fromHex(
  '0061736d0d000100012d0061736d010000000105016000017f03020100070501016600000a06010400412a0b0009046e616d650002016d02040100000007' +
    '05014000007906070100000100016608060100000000000b1001000a7468652d616e7377657201000000260e636f6d706f6e656e742d6e616d650106' +
    '00110100016d010600120100016901050101000166',
);

/*
(module
  (rec (type $s (struct (field (mut i32)))) (type $a (sub (array i8))))
  (type $f (sub final (func (param i32) (result i64))))
  (type $g (func (param (ref null func) (ref $s) anyref)))
  (global $gs (ref null $s) (struct.new $s (i32.const 5)))
  (global $ga (ref $a) (array.new_fixed $a 2 (i32.const 1) (i32.const 2)))
  (global (export "gi") i32 (i32.add (i32.const 1) (i32.const 2)))
  (table (export "t") 2 (ref null func) (ref.null func))
  (tag (export "e") (param i32))
  (func (export "f") (type $f) i64.const 1)
  (func (export "g") (type $g)))
*/
const GC_MODULE = fromHex(
  '0061736d01000000011c044e025f017f0150005e780060017f017e60037064006e0060017f0003030202030409014000700002d0700b0d03010004061e03' +
    '6300004105fb00000b64010041014102fb0801020b7f00410141026a0b0716050267690302017401000165040001660000016700010a0902040042010b' +
    '02000b001f046e616d65040d040001730101610201660301670709020002677301026761',
);

describe('binaries from wasm-tools', () => {
  it('lists the sections of a real component', () => {
    const r = parseModule(COMPONENT);
    expect(r.ok && r.analysis).toMatchObject({
      format: 'component',
      sections: [
        { id: 1, name: 'core module', offset: 8, size: 45 },
        { id: 2, name: 'core instance', offset: 55, size: 4 },
        { id: 7, name: 'type', offset: 61, size: 5 },
        { id: 6, name: 'alias', offset: 68, size: 7 },
        { id: 8, name: 'canon', offset: 77, size: 6 },
        { id: 11, name: 'export', offset: 85, size: 16 },
        { id: 0, name: 'custom: component-name', offset: 103, size: 38 },
      ],
      customSections: ['component-name'],
    });
  });

  it('reads GC types, extended and GC constant expressions, table initialisers and tags', () => {
    const r = parseModule(GC_MODULE);
    if (!r.ok || r.analysis.format !== 'core') throw new Error(JSON.stringify(r));
    expect(r.analysis.exports).toEqual([
      { name: 'gi', index: 2, desc: { kind: 'global', type: 'i32', mutable: false } },
      { name: 't', index: 0, desc: { kind: 'table', element: 'funcref', limits: { min: 2 } } },
      { name: 'e', index: 0, desc: { kind: 'tag', type: { params: ['i32'], results: [] } } },
      { name: 'f', index: 0, desc: { kind: 'func', typeIndex: 2, type: { params: ['i32'], results: ['i64'] } } },
      { name: 'g', index: 1, desc: { kind: 'func', typeIndex: 3, type: { params: ['funcref', 'ref', 'anyref'], results: [] } } },
    ]);
    expect(r.analysis.sections.map((s) => s.name)).toEqual(['type', 'function', 'table', 'tag', 'global', 'export', 'code', 'custom: name']);
  });
});
