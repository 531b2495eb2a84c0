import { describe, expect, it } from 'vitest';
import { detectKind } from '../runners/registry';
import type { ImportEntry, ModuleAnalysis } from './types';
import { analyseModule } from './analyse';
import type { KindDetector } from './analyse';
import { capabilitiesFromImports } from './capabilities';
import { componentBinary, section, wat } from './testBytes';

const fn = (module: string, name: string): ImportEntry => ({ module, name, desc: { kind: 'func', typeIndex: 0, type: { params: [], results: [] } } });
/** Kinds come from the runner registry; wasm/ reports what its detector says. */
const detect: KindDetector = detectKind;

function analysed(bytes: Uint8Array): ModuleAnalysis {
  const r = analyseModule(bytes, detect);
  if (!r.ok) throw new Error(r.error.message);
  return r.analysis;
}

describe('capabilitiesFromImports', () => {
  it('maps WASI p1 imports in a fixed order, deduplicated, with the imports that ask', () => {
    const w = (name: string) => fn('wasi_snapshot_preview1', name);
    const caps = capabilitiesFromImports([
      w('random_get'),
      w('fd_write'),
      w('path_open'),
      w('fd_prestat_get'),
      w('fd_readdir'),
      w('environ_get'),
      w('environ_sizes_get'),
      w('args_get'),
      w('fd_read'),
      w('clock_time_get'),
      w('poll_oneoff'),
      w('sock_accept'),
      w('proc_exit'),
      w('fd_close'),
      w('fd_write'),
      fn('env', 'path_open'),
    ]);
    expect(caps).toEqual([
      { capability: 'filesystem', via: ['wasi_snapshot_preview1.path_open', 'wasi_snapshot_preview1.fd_prestat_get', 'wasi_snapshot_preview1.fd_readdir'] },
      { capability: 'sockets', via: ['wasi_snapshot_preview1.sock_accept'] },
      { capability: 'env', via: ['wasi_snapshot_preview1.environ_get', 'wasi_snapshot_preview1.environ_sizes_get'] },
      { capability: 'args', via: ['wasi_snapshot_preview1.args_get'] },
      { capability: 'stdin', via: ['wasi_snapshot_preview1.fd_read'] },
      { capability: 'stdout', via: ['wasi_snapshot_preview1.fd_write'] },
      { capability: 'clock', via: ['wasi_snapshot_preview1.clock_time_get', 'wasi_snapshot_preview1.poll_oneoff'] },
      { capability: 'random', via: ['wasi_snapshot_preview1.random_get'] },
      { capability: 'proc-exit', via: ['wasi_snapshot_preview1.proc_exit'] },
    ]);
  });
  it('maps Extism host functions', () => {
    const e = (name: string) => fn('extism:host/env', name);
    expect(capabilitiesFromImports([e('input_length'), e('log_info'), e('var_set'), e('config_get'), e('http_request'), e('var_get')])).toEqual([
      { capability: 'network', via: ['extism:host/env.http_request'] },
      { capability: 'stdout', via: ['extism:host/env.log_info'] },
      { capability: 'config', via: ['extism:host/env.config_get'] },
      { capability: 'vars', via: ['extism:host/env.var_set', 'extism:host/env.var_get'] },
    ]);
  });
  it('asks for nothing without known imports', () => {
    expect(capabilitiesFromImports([fn('env', 'fd_write')])).toEqual([]);
  });
});

describe('analyseModule', () => {
  it('detects a WASI command from bytes, with its capabilities', async () => {
    const a = analysed(
      await wat(`(module
        (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
        (memory (export "memory") 1)
        (func (export "_start")))`),
    );
    expect(a.kind).toBe('wasi-command');
    expect(a.capabilities.map((c) => c.capability)).toEqual(['stdout', 'proc-exit']);
  });
  it('detects a WASI reactor, an Extism plugin and a plain core module', async () => {
    const reactor = await wat(`(module (import "wasi_snapshot_preview1" "random_get" (func (param i32 i32) (result i32)))
      (func (export "_initialize")) (func (export "f")))`);
    expect(analysed(reactor).kind).toBe('wasi-reactor');
    const plugin = await wat(`(module (import "extism:host/env" "output_set" (func (param i64 i64)))
      (import "extism:host/env" "http_request" (func (param i64 i64) (result i64)))
      (func (export "greet") (result i32) i32.const 0))`);
    const p = analysed(plugin);
    expect(p.kind).toBe('extism');
    expect(p.capabilities).toEqual([{ capability: 'network', via: ['extism:host/env.http_request'] }]);
    expect(analysed(await wat('(module (func (export "f")))')).kind).toBe('core');
  });
  it('detects a component by its header', () => {
    const a = analysed(componentBinary(section(7, [0x00])));
    expect(a).toMatchObject({ format: 'component', kind: 'component', capabilities: [] });
  });
  it('passes parse failures through', () => {
    expect(analyseModule(new Uint8Array([1, 2, 3]), detect)).toMatchObject({ ok: false, error: { offset: 0 } });
  });
});
