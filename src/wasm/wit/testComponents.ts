/** Components for the WIT tests, built from WAT and WIT with jco's wasm-tools (Node tests only). */
import { readFileSync } from 'node:fs';
import { componentEmbed, componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
// eslint-disable-next-line no-restricted-imports -- Node-only test helper: the path of jco's preview1 command adapter
import { preview1AdapterCommandPath } from '@bytecodealliance/jco';

/** A component from a core module in WAT and the world `world` of `wit`. */
export async function buildComponent(wat: string, wit: string, world: string): Promise<Uint8Array> {
  const core = await parse(wat);
  const embedded = await componentEmbed({ binary: core, witSource: wit, world, stringEncoding: 'utf8' });
  return componentNew(embedded, []);
}

/** The WASI p1 demo command (src/host/wasi/testdata/demo.wasm) as a wasi:cli command component. */
export async function buildCommand(): Promise<Uint8Array> {
  const core = new Uint8Array(readFileSync('src/host/wasi/testdata/demo.wasm'));
  const adapter = new Uint8Array(readFileSync(preview1AdapterCommandPath()));
  return componentNew(core, [['wasi_snapshot_preview1', adapter]]);
}

/**
 * A world with every WIT type kind: records, variants, enums, flags, options, results, tuples,
 * lists, 64-bit integers, char, a resource with constructor, method and static function, an
 * interface that `use`s another's types (renamed too), a WASI resource used across packages,
 * world-level functions and an import-only inline interface.
 */
export const TYPES_WIT = `package test:kinds@1.2.3;

interface types {
  record point { x: s64, y: u64 }
  variant shape { circle(u32), square(tuple<f32, f64>), none }
  enum color { red, dark-green }
  flags perms { read, write-it }
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

world kinds {
  import wasi:io/streams@0.2.12;
  import logger: interface {
    log: func(level: u8, msg: string) -> result<_, string>;
  }
  export types;
  export api;
  export hello: func(name: string) -> string;
}

package wasi:io@0.2.12 {
  interface streams {
    resource input-stream {
      read: func(len: u64) -> result<list<u8>, string>;
    }
  }
}
`;

export const TYPES_WAT = `(module
  (import "wasi:io/streams@0.2.12" "[method]input-stream.read" (func (param i32 i64 i32)))
  (import "wasi:io/streams@0.2.12" "[resource-drop]input-stream" (func (param i32)))
  (import "logger" "log" (func (param i32 i32 i32 i32)))
  (import "[export]test:kinds/types@1.2.3" "[resource-new]blob" (func (param i32) (result i32)))
  (import "[export]test:kinds/types@1.2.3" "[resource-rep]blob" (func (param i32) (result i32)))
  (import "[export]test:kinds/types@1.2.3" "[resource-drop]blob" (func (param i32)))
  (memory (export "memory") 1)
  (func (export "test:kinds/types@1.2.3#[constructor]blob") (param i32 i32) (result i32) i32.const 0)
  (func (export "test:kinds/types@1.2.3#[method]blob.size") (param i32) (result i32) i32.const 0)
  (func (export "test:kinds/types@1.2.3#[static]blob.merge") (param i32 i32) (result i32) i32.const 0)
  (func (export "test:kinds/types@1.2.3#[dtor]blob") (param i32))
  (func (export "test:kinds/api@1.2.3#describe") (param i64 i64 i32 i32 f64 i32 i32 i32 i32 i32) (result i32) i32.const 0)
  (func (export "test:kinds/api@1.2.3#read-all") (param i32 i64) (result i32) i32.const 0)
  (func (export "test:kinds/api@1.2.3#noop"))
  (func (export "hello") (param i32 i32) (result i32) i32.const 0)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) i32.const 64))`;
