/**
 * Components become runnable JS through jco (DESIGN.md §3): transpiled here, in the analyser worker,
 * never on the page, and cached in IndexedDB by SHA-256. jco's engines (~6 MB of wasm) are imported
 * on the first component only, so core-module users never download them.
 */
import type * as JcoTypes from '@bytecodealliance/jco-transpile/component';
import type { LoadError } from '../../model/errors';
import type { Transpiled } from './protocol';
import { readTranspiled, saveTranspiled, type TranspiledRecord } from '../../storage/transpiledCache';

// Types only: the module itself (and its 3.5 MB engine) is imported on the first component.
type JcoBindgen = typeof JcoTypes;

/** Bump with jco or with the options below: cached bindings from another flavour are not reused. */
export const TRANSPILE_FLAVOUR = 'jco-transpile-0.15.0/async/v1';

/** jco's JSPI lists: `wasi:io/poll@0.2.0#poll`, `docs:adder/add@0.1.0#add`, … */
export interface JspiLists {
  imports: string[];
  exports: string[];
}

export type TranspileOutcome = { ok: true; value: Transpiled } | { ok: false; error: LoadError };

/** Transpile (or read back) component `id` and compile its core modules. Never rejects. */
export async function transpileComponent(id: string, bytes: Uint8Array, jspi: JspiLists | null = null): Promise<TranspileOutcome> {
  // JSPI output differs (suspending imports, promising exports): cached apart.
  const flavour = jspi ? `${TRANSPILE_FLAVOUR}/jspi:${JSON.stringify(jspi)}` : TRANSPILE_FLAVOUR;
  let record = await readTranspiled(id, flavour);
  const from = record ? 'cache' : 'jco';
  if (!record) {
    const made = await runJco(bytes, jspi);
    if (!made.ok) return made;
    record = made.value;
    await saveTranspiled(id, flavour, record);
  }
  const t0 = performance.now();
  try {
    const cores = await Promise.all(record.cores.map(async ([name, core]): Promise<[string, WebAssembly.Module]> => [name, await WebAssembly.compile(core as Uint8Array<ArrayBuffer>)]));
    return { ok: true, value: { js: record.js, cores, transpileMs: record.transpileMs, compileMs: performance.now() - t0, from, jspi: jspi !== null } };
  } catch (err) {
    return { ok: false, error: { code: 'invalid', title: 'A core module inside the component does not compile.', detail: `${err instanceof Error ? err.message : String(err)}. Rebuild the component, or check that this browser supports the wasm features it uses.` } };
  }
}

async function runJco(bytes: Uint8Array, jspi: JspiLists | null): Promise<{ ok: true; value: TranspiledRecord } | { ok: false; error: LoadError }> {
  const t0 = performance.now();
  let jco: JcoBindgen;
  try {
    jco = await import('@bytecodealliance/jco-transpile/component');
    await jco.$init;
  } catch (err) {
    return { ok: false, error: { code: 'network', title: 'jco, the component transpiler, could not be loaded.', detail: `${err instanceof Error ? err.message : String(err)}. Check the connection and load the component again.` } };
  }
  try {
    const out = jco.generate(bytes, {
      name: 'component',
      instantiation: { tag: 'async' },
      noTypescript: true,
      noNodejsCompat: true,
      // Every core module as its own file: compiled by the engine, not decoded from base64 in JS.
      base64Cutoff: 0,
      ...(jspi ? { asyncMode: { tag: 'jspi' as const, val: jspi } } : {}),
    });
    const js = out.files.find(([name]) => name === 'component.js')?.[1];
    if (!js) return { ok: false, error: { code: 'invalid', title: 'jco produced no bindings for this component.', detail: 'Report this component: jco returned no component.js.' } };
    const cores = out.files.filter(([name]) => name.endsWith('.wasm'));
    return { ok: true, value: { js: new TextDecoder().decode(js), cores, transpileMs: performance.now() - t0 } };
  } catch (err) {
    return { ok: false, error: jcoFailed(err) };
  }
}

/** jco's own message, which part failed, and the byte offset when it names one. */
export function jcoFailed(err: unknown): LoadError {
  const message = (err instanceof Error ? err.message : String(err)).trim();
  const offset = /offset (0x[0-9a-f]+|\d+)/i.exec(message)?.[1];
  const first = message.split('\n')[0] ?? message;
  const part = /failed to parse|parse/i.test(first) ? 'reading the binary' : /validat/i.test(message) ? 'validating the component' : /lower|lift|canon/i.test(message) ? 'generating the bindings' : 'transpiling';
  return {
    code: 'invalid',
    title: `jco could not transpile this component (while ${part}).`,
    detail: `${message}${offset !== undefined ? ` (byte offset ${Number(offset)})` : ''}. Rebuild the component with current tooling (wasm-tools, cargo-component, jco componentize), or report it to jco if it runs in wasmtime.`,
  };
}
