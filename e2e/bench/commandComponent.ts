/**
 * wasi:cli command components for the component bench, built in node as a C program's would be:
 * a core module importing `wasi_snapshot_preview1` (its `_start` writes "hello\n" with fd_write),
 * wrapped by jco's `componentNew` with the preview1 command adapter. Its size comes from many small
 * functions (code, as a compiled program has) and one data segment.
 *
 * Each copy gets a salt written over a marker in its data: a new SHA-256 (so the app transpiles
 * it as new) and new core-module bytes (V8 reuses a compiled module for bytes it has seen).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { $init, generate } from '@bytecodealliance/jco-transpile/component';
import { componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';

/**
 * The preview1 command adapter jco ships (what its `preview1AdapterCommandPath()` names), found by
 * path: importing `@bytecodealliance/jco` is fenced to the app's worker, and node needs only the file.
 */
const ADAPTER = path.join(path.dirname(createRequire(import.meta.url).resolve('@bytecodealliance/jco')), '../lib/wasi_snapshot_preview1.command.wasm');

/** What `_start` prints. */
export const HELLO = 'hello\n';

/** 32 bytes in the data segment, replaced by each copy's salt. */
const MARKER = new TextEncoder().encode('@@cbench-salt-marker-0123456789@');

export interface CommandTemplate {
  /** The component; `salted` makes copies. */
  component: Uint8Array;
  /** The core modules jco makes of it (what the app compiles), the program's own first. */
  cores: Uint8Array[];
  functions: number;
}

/** `(i32) -> i32` bodies of `local.get 0` and 64 `i32.const k; i32.add`: ~198 bytes each in binary. */
function functionsWat(codeBytes: number): { text: string; count: number } {
  const count = Math.ceil(codeBytes / 198);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    let body = `(func $f${i} (param i32) (result i32) local.get 0`;
    for (let j = 0; j < 64; j++) body += ` i32.const ${(i + j) & 63} i32.add`;
    parts.push(`${body})`);
  }
  return { text: parts.join('\n'), count };
}

function dataWat(bytes: number): string {
  let text = '';
  for (let i = 0; i < bytes; i++) text += `\\${((i * 31) & 255).toString(16).padStart(2, '0')}`;
  return text;
}

/** Build the component once (parse, componentNew, jco generate for its core modules). */
export async function commandTemplate(codeBytes: number, dataBytes: number): Promise<CommandTemplate> {
  const { text, count } = functionsWat(codeBytes);
  const marker = Array.from(MARKER, (b) => `\\${b.toString(16).padStart(2, '0')}`).join('');
  const pages = Math.ceil((65536 + MARKER.length + dataBytes) / 65536) + 1;
  const wat = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") ${pages})
  (data (i32.const 16) "${Array.from(new TextEncoder().encode(HELLO), (b) => `\\${b.toString(16).padStart(2, '0')}`).join('')}")
  (data (i32.const 65536) "${marker}${dataWat(dataBytes)}")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const ${HELLO.length}))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  ${text}
)`;
  const core = await parse(wat);
  const adapter = readFileSync(ADAPTER);
  const component = await componentNew(core, [['wasi_snapshot_preview1', adapter]]);
  await $init;
  const out = generate(component, { name: 'component', instantiation: { tag: 'async' }, noTypescript: true, noNodejsCompat: true, base64Cutoff: 0 });
  const cores = out.files.filter(([name]) => name.endsWith('.wasm')).map(([, bytes]) => bytes);
  if (cores.length === 0) throw new Error('jco made no core modules of the bench component');
  // The program's own module (the one holding the marker) first; the adapter and jco's shims after.
  cores.sort((a, b) => Number(indexOf(b, MARKER) >= 0) - Number(indexOf(a, MARKER) >= 0));
  if (indexOf(component, MARKER) < 0 || indexOf(cores[0]!, MARKER) < 0) throw new Error('salt marker not found in the bench component');
  return { component, cores, functions: count };
}

/** A copy of `bytes` with the marker replaced by `salt` (same length: still valid). */
export function salted(bytes: Uint8Array, salt: string): Uint8Array {
  const at = indexOf(bytes, MARKER);
  if (at < 0) throw new Error('salt marker not found');
  const copy = bytes.slice();
  const text = new TextEncoder().encode(salt.padEnd(MARKER.length, '.').slice(0, MARKER.length));
  copy.set(text, at);
  return copy;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = haystack.indexOf(needle[0]!); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(needle[0]!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
