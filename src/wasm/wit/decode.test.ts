import { beforeAll, describe, expect, it } from 'vitest';
import { componentWit, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import type { WitFunction, WitInterface, WitWorld, WitWorldItem } from './types';
import { decodeWorld } from './decode';
import { printWit } from './printWit';
import { formatSignature, formatType } from './format';
import { buildCommand, buildComponent, TYPES_WAT, TYPES_WIT } from './testComponents';
import { WasmParseError } from '../reader';
import { uleb } from '../leb';

function iface(items: WitWorldItem[], name: string): WitInterface {
  const found = items.find((i) => i.kind === 'interface' && i.iface.name === name);
  if (found?.kind !== 'interface') throw new Error(`no interface ${name} in ${items.map((i) => i.kind).join(',')}`);
  return found.iface;
}

function fn(i: WitInterface, binaryName: string): WitFunction {
  const f = i.functions.find((x) => x.binaryName === binaryName);
  if (f === undefined) throw new Error(`no ${binaryName} in ${i.name}`);
  return f;
}

/** The world block's import/export lines, as both printers write them. */
function worldLines(wit: string): string[] {
  const start = wit.indexOf('world root {');
  const end = wit.indexOf('\n}', start);
  return wit
    .slice(start, end)
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '');
}

describe('decodeWorld: every WIT type kind', () => {
  let bytes: Uint8Array;
  let world: WitWorld;
  beforeAll(async () => {
    bytes = await buildComponent(TYPES_WAT, TYPES_WIT, 'kinds');
    world = decodeWorld(bytes);
  });

  it('decodes without warnings or unsupported features', () => {
    expect(world.warnings).toEqual([]);
    expect(world.unsupported).toEqual([]);
  });

  it('lists imports and exports in binary order, with packages and versions', () => {
    expect(world.imports.map((i) => (i.kind === 'interface' ? i.iface.name : i.kind))).toEqual(['wasi:io/streams@0.2.12', 'logger']);
    const streams = iface(world.imports, 'wasi:io/streams@0.2.12');
    expect(streams.package).toEqual({ namespace: 'wasi', name: 'io', version: '0.2.12' });
    expect(streams.shortName).toBe('streams');
    expect(streams.resources).toEqual(['input-stream']);
    const logger = iface(world.imports, 'logger');
    expect(logger.package).toBeUndefined();
    expect(formatSignature(fn(logger, 'log'))).toBe('(level: u8, msg: string) -> result<_, string>');
    const exported = world.exports.map((i) => (i.kind === 'interface' ? i.iface.name : i.kind === 'function' ? i.fn.name : i.name));
    expect(exported).toEqual(['hello', 'test:kinds/types@1.2.3', 'test:kinds/api@1.2.3']);
  });

  it('keeps named types by name, with their bodies', () => {
    const types = iface(world.exports, 'test:kinds/types@1.2.3');
    expect(types.types.map((t) => t.name)).toEqual(['point', 'shape', 'color', 'perms', 'id', 'blob']);
    const byName = new Map(types.types.map((t) => [t.name, t.type]));
    expect(byName.get('point')).toMatchObject({
      kind: 'record',
      name: 'point',
      iface: 'test:kinds/types@1.2.3',
      fields: [
        { name: 'x', type: { kind: 's64' } },
        { name: 'y', type: { kind: 'u64' } },
      ],
    });
    expect(byName.get('shape')).toMatchObject({
      kind: 'variant',
      cases: [{ name: 'circle', type: { kind: 'u32' } }, { name: 'square', type: { kind: 'tuple' } }, { name: 'none', type: null }],
    });
    expect(byName.get('color')).toMatchObject({ kind: 'enum', cases: ['red', 'dark-green'] });
    expect(byName.get('perms')).toMatchObject({ kind: 'flags', flags: ['read', 'write-it'] });
    expect(byName.get('id')).toMatchObject({ kind: 'u32', name: 'id' });
    expect(types.resources).toEqual(['blob']);
  });

  it('gives resource functions their kind and resource', () => {
    const types = iface(world.exports, 'test:kinds/types@1.2.3');
    const ctor = fn(types, '[constructor]blob');
    expect(ctor).toMatchObject({ name: 'constructor', kind: 'constructor', resource: 'blob' });
    expect(ctor.result).toEqual({ kind: 'own', resource: { iface: 'test:kinds/types@1.2.3', name: 'blob' } });
    const size = fn(types, '[method]blob.size');
    expect(size).toMatchObject({ name: 'size', kind: 'method', resource: 'blob' });
    expect(size.params[0]).toEqual({ name: 'self', type: { kind: 'borrow', resource: { iface: 'test:kinds/types@1.2.3', name: 'blob' } } });
    expect(formatSignature(size)).toBe('() -> u32');
    const merge = fn(types, '[static]blob.merge');
    expect(merge).toMatchObject({ name: 'merge', kind: 'static', resource: 'blob' });
    expect(formatSignature(merge)).toBe('(a: borrow<blob>, b: borrow<blob>) -> blob');
  });

  it("resolves used types to the interface that defines them, keeping the user's names", () => {
    const api = iface(world.exports, 'test:kinds/api@1.2.3');
    const describeFn = fn(api, 'describe');
    expect(describeFn.params.map((p) => `${p.name}: ${formatType(p.type)}`)).toEqual([
      'p: point',
      's: shape',
      'c: color',
      'f: perms',
      'i: ident',
      'b: borrow<blob>',
      'ch: char',
    ]);
    expect(formatType(describeFn.result!)).toBe('option<tuple<s32, string>>');
    // The used record keeps its body; the resource points at its defining interface.
    expect(describeFn.params[0]!.type).toMatchObject({ kind: 'record', name: 'point', iface: 'test:kinds/api@1.2.3' });
    expect(describeFn.params[5]!.type).toEqual({ kind: 'borrow', resource: { iface: 'test:kinds/types@1.2.3', name: 'blob' } });
    const readAll = fn(api, 'read-all');
    expect(readAll.params[0]!.type).toEqual({ kind: 'borrow', resource: { iface: 'wasi:io/streams@0.2.12', name: 'input-stream' } });
    expect(formatSignature(readAll)).toBe('(s: borrow<input-stream>, limit: u64) -> result<list<u8>, string>');
    expect(formatSignature(fn(api, 'noop'))).toBe('()');
    const ident = api.types.find((t) => t.name === 'ident')!;
    expect(ident.type).toMatchObject({ kind: 'u32', name: 'id', iface: 'test:kinds/types@1.2.3' });
  });

  it('decodes world-level functions', () => {
    const hello = world.exports.find((i) => i.kind === 'function');
    expect(hello).toEqual({
      kind: 'function',
      fn: { name: 'hello', binaryName: 'hello', kind: 'freestanding', params: [{ name: 'name', type: { kind: 'string' } }], result: { kind: 'string' } },
    });
  });

  it('prints WIT with every interface, its types, resources and uses', async () => {
    const wit = printWit(world);
    expect(wit).toContain(`package test:kinds@1.2.3 {
  interface types {
    record point {
      x: s64,
      y: u64,
    }
    variant shape {
      circle(u32),
      square(tuple<f32, f64>),
      none,
    }
    enum color {
      red,
      dark-green,
    }
    flags perms {
      read,
      write-it,
    }
    type id = u32;
    resource blob {
      constructor(init: list<u8>);
      size: func() -> u32;
      merge: static func(a: borrow<blob>, b: borrow<blob>) -> blob;
    }
  }

  interface api {
    use types.{point, shape, color, perms, blob, id as ident};
    use wasi:io/streams@0.2.12.{input-stream};
    describe: func(p: point, s: shape, c: color, f: perms, i: ident, b: borrow<blob>, ch: char) -> option<tuple<s32, string>>;
    read-all: func(s: borrow<input-stream>, limit: u64) -> result<list<u8>, string>;
    noop: func();
  }
}`);
    expect(wit).toContain(`package wasi:io@0.2.12 {
  interface streams {
    resource input-stream {
      read: func(len: u64) -> result<list<u8>, string>;
    }
  }
}`);
    expect(wit.startsWith('package root:component;\n\nworld root {\n')).toBe(true);
    expect(worldLines(wit)).toEqual(worldLines(await componentWit(bytes)));
  });
});

describe('decodeWorld: a wasi:cli command (demo.wasm through the preview1 command adapter)', () => {
  let bytes: Uint8Array;
  let world: WitWorld;
  beforeAll(async () => {
    bytes = await buildCommand();
    world = decodeWorld(bytes);
  });

  it('imports the WASI interfaces and exports wasi:cli/run', () => {
    expect(world.warnings).toEqual([]);
    const names = world.imports.map((i) => (i.kind === 'interface' ? i.iface.name : ''));
    for (const n of ['wasi:cli/environment', 'wasi:io/streams', 'wasi:filesystem/types', 'wasi:filesystem/preopens', 'wasi:cli/exit']) {
      expect(names.some((x) => x.startsWith(`${n}@0.2.`))).toBe(true);
    }
    const run = world.exports[0];
    expect(run?.kind === 'interface' && run.iface.shortName).toBe('run');
    if (run?.kind === 'interface') expect(formatSignature(fn(run.iface, 'run'))).toBe('() -> result');
  });

  it('decodes the filesystem descriptor resource and the stream resources across interfaces', () => {
    const fsName = world.imports.find((i) => i.kind === 'interface' && i.iface.name.startsWith('wasi:filesystem/types@'))!;
    const fsTypes = fsName.kind === 'interface' ? fsName.iface : null;
    expect(fsTypes?.resources).toContain('descriptor');
    const openAt = fn(fsTypes!, '[method]descriptor.open-at');
    expect(openAt.params.map((p) => p.name)).toEqual(['self', 'path-flags', 'path', 'open-flags', 'flags']);
    expect(formatType(openAt.result!)).toBe('result<descriptor, error-code>');
    const readVia = fn(fsTypes!, '[method]descriptor.read-via-stream');
    const ok = readVia.result?.kind === 'result' ? readVia.result.ok : null;
    expect(ok).toMatchObject({ kind: 'own', resource: { name: 'input-stream' } });
    expect(ok?.kind === 'own' && ok.resource.iface.startsWith('wasi:io/streams@0.2.')).toBe(true);
    const wit = printWit(world);
    expect(wit).toMatch(/interface preopens \{\n {4}use types\.\{descriptor\};\n {4}get-directories: func\(\) -> list<tuple<descriptor, string>>;/);
    expect(wit).toMatch(/use wasi:io\/streams@0\.2\.\d+\.\{input-stream\};\n {4}get-stdin: func\(\) -> input-stream;/);
  });

  it("prints the same world block as jco's componentWit", async () => {
    expect(worldLines(printWit(world))).toEqual(worldLines(await componentWit(bytes)));
  });

  it('skips core modules by size: with a 30 MB core module added, the world decodes in well under 100 ms', () => {
    const payload = 30 * 1024 * 1024;
    const customName = [4, ...new TextEncoder().encode('big!')];
    const custom = [0, ...uleb(customName.length + payload), ...customName];
    const head = [1, ...uleb(8 + custom.length + payload), 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...custom];
    const big = new Uint8Array(bytes.length + head.length + payload);
    big.set(bytes.subarray(0, 8));
    big.set(head, 8);
    big.set(bytes.subarray(8), 8 + head.length + payload);
    const start = performance.now();
    const bigWorld = decodeWorld(big);
    const ms = performance.now() - start;
    expect(bigWorld).toEqual(world);
    // Measured ~1-8 ms on the 2-core dev machine; the bar leaves room for a loaded CI.
    expect(ms).toBeLessThan(100);
  });
});

describe('decodeWorld: unsupported features and bad input', () => {
  it('names async functions, streams and futures, and shared-everything threads', async () => {
    const asyncBytes = await parse('(component (type $f (func async (param "x" u32))) (import "f" (func (type $f))) (type (stream u8)) (type (future)))');
    const w = decodeWorld(asyncBytes);
    expect(w.unsupported.join('\n')).toMatch(/async functions/);
    expect(w.unsupported.join('\n')).toMatch(/stream and future types/);
    expect(w.imports[0]).toMatchObject({ kind: 'function', fn: { name: 'f', async: true } });
    const threads = await parse('(component (core type $ft (func (param i32))) (core func (canon thread.spawn-ref $ft)))');
    expect(decodeWorld(threads).unsupported.join('\n')).toMatch(/shared-everything threads/);
  });

  it('throws WasmParseError with an offset for malformed bytes', () => {
    const bad = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x07, 0x03, 0x01, 0x55, 0x00]);
    expect(() => decodeWorld(bad)).toThrow(WasmParseError);
    expect(() => decodeWorld(bad)).toThrow(/unknown component type form 0x55/);
    expect(() => decodeWorld(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toThrow(/preamble/);
  });
});
