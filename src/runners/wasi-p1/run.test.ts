import { describe, expect, it } from 'vitest';
import { wat } from '../../wasm/testBytes';
import { analyseForTest } from '../testAnalyse';
import { testContext } from '../shared/testContext';
import type { CoreAnalysis } from '../../wasm/types';
import { runWasi } from './run';
import type { WasiRunMessage } from './message';

// One name our host has and one it does not, in a module it provides (a bit flip away, as the fuzzer found).
const MISTYPED = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "Fd_write" (func (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start"))
  (func (export "probe") (result i32) (call 1 (i32.const 5))))`;

async function prepared() {
  const bytes = await wat(MISTYPED);
  const parsed = analyseForTest(bytes);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return testContext(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), (parsed.analysis as CoreAnalysis).imports);
}
const message = (func: string, imports: 'fail' | 'stub'): WasiRunMessage => ({ kind: 'wasi-p1', mode: 'command', func, args: [], imports, wasi: { argv: ['p'], env: [], mounts: [], watchUnmounted: false } });

describe('runWasi and imports the host lacks', () => {
  it('a mistyped name in a provided module is a link error naming it, not an engine message', async () => {
    const outcome = runWasi(message('_start', 'fail'), await prepared());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('link');
    expect(outcome.error.message).toContain('wasi_snapshot_preview1: 1 function (Fd_write)');
  });

  it('with stubs it runs: the stub sits beside the host functions of the same module', async () => {
    const ctx = await prepared();
    const outcome = runWasi(message('probe', 'stub'), ctx);
    expect(outcome).toMatchObject({ ok: true, values: [0] });
    expect(ctx.lines).toContainEqual({ stream: 'stub', text: 'wasi_snapshot_preview1.Fd_write(5) → 0' });
  });
});
