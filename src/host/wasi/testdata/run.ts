/** Test helper: runs a fixture module through createWasiHost and collects everything it reports. */
import { readFileSync } from 'node:fs';
import { deterministicClock, realClock } from '../../clock';
import type { VfsDir } from '../../fs/nodes';
import type { VfsChange } from '../../fs/types';
import { cryptoRandom, seededRandom } from '../../random';
import { createWasiHost, type BlockedEvent, type QuotaEvent, type WasiOptions } from '../host';

const modules = new Map<string, WebAssembly.Module>();

/** A compiled fixture from this folder (demo.wasm, reactor.wasm). */
export function fixture(name: string): WebAssembly.Module {
  let m = modules.get(name);
  if (!m) {
    m = new WebAssembly.Module(readFileSync(new URL(`./${name}`, import.meta.url)));
    modules.set(name, m);
  }
  return m;
}

export interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
  blocked: BlockedEvent[];
  changes: VfsChange[][];
  quota: QuotaEvent[];
}

export interface RunSetup {
  env?: [string, string][];
  stdin?: string;
  preopens?: { guestPath: string; root: VfsDir; readOnly?: boolean }[];
  deterministic?: boolean;
  watchUnmounted?: boolean;
}

/** Runs demo.wasm with argv ["demo", ...args]. */
export function runDemo(args: string[], setup: RunSetup = {}): RunOutput {
  return runFixture('demo.wasm', args, setup);
}

/** Runs a fixture from this folder with argv [its name without .wasm, ...args]. */
export function runFixture(name: string, args: string[], setup: RunSetup = {}): RunOutput {
  const out: RunOutput = { code: -1, stdout: '', stderr: '', blocked: [], changes: [], quota: [] };
  const dec = { out: new TextDecoder(), err: new TextDecoder() };
  const opts: WasiOptions = {
    args: [name.replace(/\.wasm$/, ''), ...args],
    env: setup.env ?? [],
    stdin: new TextEncoder().encode(setup.stdin ?? ''),
    preopens: (setup.preopens ?? []).map((p) => ({ readOnly: false, ...p })),
    stdout: (b) => (out.stdout += dec.out.decode(b, { stream: true })),
    stderr: (b) => (out.stderr += dec.err.decode(b, { stream: true })),
    clock: setup.deterministic ? deterministicClock() : realClock(),
    random: setup.deterministic ? seededRandom('fixture') : cryptoRandom(),
    onBlocked: (e) => out.blocked.push(e),
    onDurable: (c) => out.changes.push(c),
    onQuota: (q) => out.quota.push(q),
    watchUnmounted: setup.watchUnmounted,
  };
  const host = createWasiHost(opts);
  const instance = new WebAssembly.Instance(fixture(name), host.imports);
  out.code = host.start(instance);
  host.flush();
  return out;
}
