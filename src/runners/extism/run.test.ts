/**
 * The plugin runner with files: mounts (manifest allowed_paths or the user's) reach plugins that
 * import WASI, writes come back as durable changes, and a kept instance sees each run's volumes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VfsChange } from '../../model/files';
import type { ConsoleStream, ExtismSettings, Grants, ImportPolicy, LogLevel, MountSpec, WasiSettings } from '../../model/run';
import { limitMemory } from '../../wasm/limitMemory';
import { wat } from '../../wasm/testBytes';
import type { CoreAnalysis, ImportEntry } from '../../wasm/types';
import { analyseForTest as analyseModule } from '../testAnalyse';
import type { BlockedReport, PreparedModule, RunOutcome } from '../shared/outcome';
import { dropExtismInstance, runExtism as runMessage } from './run';

/** The flat shape these tests were written against, turned into a message and a context. */
interface ExtismRun {
  moduleId: string;
  module: WebAssembly.Module;
  compileMs: number;
  imports: ImportEntry[];
  policy: ImportPolicy;
  func: string;
  input: Uint8Array;
  grants: Grants;
  freshInstance: boolean;
  options: ExtismSettings;
  wasi: WasiSettings;
  links: { name: string; module: WebAssembly.Module; imports: ImportEntry[] }[];
  console(stream: ConsoleStream, text: string, level?: Exclude<LogLevel, 'off'>): void;
  blocked(report: BlockedReport): void;
  fs(changes: VfsChange[]): void;
}
type ResultEvent = Extract<RunOutcome, { ok: true }>;
type ErrorEvent = Extract<RunOutcome, { ok: false }>;

function runExtism(run: ExtismRun): Promise<RunOutcome> {
  const others: Record<string, PreparedModule> = {};
  run.links.forEach((l, i) => (others[`link-${i}`] = { module: l.module, compileMs: 0, imports: l.imports }));
  return runMessage(
    {
      kind: 'extism',
      func: run.func,
      imports: run.policy,
      input: run.input.slice().buffer,
      grants: run.grants,
      freshInstance: run.freshInstance,
      settings: run.options,
      wasi: run.wasi,
      links: run.links.map((l, i) => ({ name: l.name, moduleId: `link-${i}` })),
    },
    { moduleId: run.moduleId, prepared: { module: run.module, compileMs: run.compileMs, imports: run.imports }, lookup: (id) => others[id], console: run.console, blocked: run.blocked, fs: run.fs, flush: () => {} },
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
function fixture(name: string): { bytes: Uint8Array<ArrayBuffer>; imports: ImportEntry[] } {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../e2e/fixtures/extism/${name}.wasm`, import.meta.url)));
  const parsed = analyseModule(bytes);
  if (!parsed.ok) throw new Error(`${name}.wasm does not parse`);
  return { bytes, imports: (parsed.analysis as CoreAnalysis).imports };
}
const wasiFile = fixture('wasi-file');
const module = new WebAssembly.Module(wasiFile.bytes);
const imports = wasiFile.imports;

const mount = (guestPath: string, files: Record<string, string>, readOnly = false): MountSpec => ({
  guestPath,
  readOnly,
  volume: 'home',
  dir: '',
  entries: Object.entries(files).map(([path, text]) => ({ path, kind: 'file' as const, data: encoder.encode(text), mtime: 0 })),
});

interface Seen {
  fs: VfsChange[];
  blocked: BlockedReport[];
}

/** A fresh-instance run of `func` with no input, mounts or links; `over` replaces any field. */
function request(module: WebAssembly.Module, func: string, over: Partial<ExtismRun> = {}): ExtismRun {
  return {
    moduleId: func,
    module,
    compileMs: 0,
    imports: [],
    policy: 'fail',
    func,
    input: new Uint8Array(0),
    grants: { hosts: [] },
    freshInstance: true,
    options: { config: {}, vars: [], logLevel: 'info', httpMode: 'sync', exposeHeaders: false },
    wasi: { argv: ['plugin'], env: [], mounts: [], watchUnmounted: false },
    links: [],
    console: () => {},
    blocked: () => {},
    fs: () => {},
    ...over,
  };
}

function run(func: string, input: string, mounts: MountSpec[], opts: { moduleId?: string; fresh?: boolean } = {}): { outcome: Promise<ResultEvent | ErrorEvent>; seen: Seen } {
  const seen: Seen = { fs: [], blocked: [] };
  const outcome = runExtism(
    request(module, func, {
      moduleId: opts.moduleId ?? 'wasi-file',
      imports,
      input: encoder.encode(input),
      freshInstance: opts.fresh ?? false,
      wasi: { argv: ['plugin'], env: [], mounts, watchUnmounted: true },
      blocked: (event) => seen.blocked.push(event),
      fs: (changes) => seen.fs.push(...changes),
    }),
  );
  return { outcome, seen };
}

const outputText = (e: ResultEvent | ErrorEvent) => (e.ok && e.output ? decoder.decode(e.output) : `error: ${!e.ok ? e.error.message : ''}`);

describe('runExtism with mounts', () => {
  it('reads a file from a mounted directory', async () => {
    const { outcome } = run('read_file', '/data/hello.txt', [mount('/data', { 'hello.txt': 'hi there\n' })], { fresh: true });
    expect(outputText(await outcome)).toBe('hi there\n');
  });

  it('sends what the plugin wrote as durable changes, under the mount', async () => {
    const { outcome, seen } = run('write_file', '/data/out.txt\nsaved', [mount('/data', {})], { fresh: true });
    expect(outputText(await outcome)).toBe('wrote 5 bytes to /data/out.txt');
    const writes = seen.fs.filter((c) => c.op === 'write');
    expect(writes.map((c) => [c.mount, c.path, decoder.decode(c.data)])).toEqual([['/data', 'out.txt', 'saved']]);
  });

  it('reports an unmounted path as blocked, and a read-only mount refuses writes', async () => {
    const a = run('read_file', '/secret/key', [mount('/data', {})], { fresh: true });
    expect(outputText(await a.outcome)).toBe('error: read_file failed: cannot open /secret/key: errno 76');
    expect(a.seen.blocked).toEqual([{ capability: 'filesystem', target: '/secret/key', detail: 'path_open /secret/key: no directory is mounted there' }]);
    const b = run('write_file', '/data/x\ny', [mount('/data', {}, true)], { fresh: true });
    expect(outputText(await b.outcome)).toBe('error: write_file failed: cannot open /data/x for writing: errno 63');
    expect(b.seen.fs).toEqual([]);
  });

  it('a kept instance sees the volume as it is at each run, and its blocked lines again', async () => {
    const id = 'kept';
    dropExtismInstance(id);
    const first = run('read_file', '/data/a.txt', [mount('/data', { 'a.txt': 'one' })], { moduleId: id });
    expect(outputText(await first.outcome)).toBe('one');
    const second = run('read_file', '/data/a.txt', [mount('/data', { 'a.txt': 'two' })], { moduleId: id });
    const result = await second.outcome;
    expect(outputText(result)).toBe('two');
    expect(result.timings.instantiateMs).toBe(0); // reused, not re-instantiated
    for (let i = 0; i < 2; i++) {
      const blocked = run('read_file', '/elsewhere/f', [mount('/data', {})], { moduleId: id });
      await blocked.outcome;
      expect(blocked.seen.blocked.map((b) => b.target)).toEqual(['/elsewhere/f']);
    }
  });

  it('a kept instance is made afresh when the mounts change', async () => {
    const id = 'remounted';
    dropExtismInstance(id);
    await run('read_file', '/data/a.txt', [mount('/data', { 'a.txt': 'one' })], { moduleId: id }).outcome;
    const moved = await run('read_file', '/in/a.txt', [mount('/in', { 'a.txt': 'moved' })], { moduleId: id }).outcome;
    expect(outputText(moved)).toBe('moved');
    expect(moved.timings.instantiateMs).toBeGreaterThan(0);
  });
});

describe('runExtism with memory.max_pages', () => {
  const limits = fixture('limits');
  const capped = limitMemory(limits.bytes, 4);
  if (!capped.ok) throw new Error(capped.message);
  const call = (input: string) =>
    runExtism(
      request(new WebAssembly.Module(capped.bytes), 'grow_pages', {
        imports: limits.imports,
        input: encoder.encode(input),
        options: { config: {}, vars: [], logLevel: 'info', httpMode: 'sync', exposeHeaders: false, maxPages: 4 },
      }),
    );

  it('grows up to the cap', async () => {
    expect(outputText(await call('3'))).toBe('grew to 4 pages');
  });

  it('a call that needs more fails with a memory error that names the limit', async () => {
    const outcome = await call('4');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('memory');
    expect(outcome.error.message).toContain("The plugin's memory is at its limit of 4 pages (256 KiB, memory.max_pages in the manifest)");
  });
});

describe('runExtism with linked modules', () => {
  it('a linked module that imports WASI gets its own WASI host, bound to its own memory', async () => {
    const side = new WebAssembly.Module(
      (await wat(`(module
        (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 64) "from side\\n")
        (func (export "hello") (result i32)
          (i32.store (i32.const 0) (i32.const 64))
          (i32.store (i32.const 4) (i32.const 10))
          (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))`)) as Uint8Array<ArrayBuffer>,
    );
    const main = new WebAssembly.Module(
      (await wat(`(module
        (import "side" "hello" (func $hello (result i32)))
        (memory (export "memory") 1)
        (func (export "run") (result i32) (call $hello)))`)) as Uint8Array<ArrayBuffer>,
    );
    const lines: [string, string][] = [];
    const outcome = await runExtism(
      request(main, 'run', {
        moduleId: 'linked-wasi',
        imports: [{ module: 'side', name: 'hello', desc: { kind: 'func', typeIndex: 0, type: { params: [], results: ['i32'] } } }],
        links: [{ name: 'side', module: side, imports: [] }],
        console: (stream, text) => lines.push([stream, text]),
      }),
    );
    expect(outcome.ok).toBe(true);
    expect(lines).toEqual([['stdout', 'from side']]);
  });
});

describe('runExtism and proc_exit', () => {
  const exiting = async (code: number) => {
    const module = new WebAssembly.Module(
      (await wat(`(module
        (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
        (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
        (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
        (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
        (memory (export "memory") 1)
        (func (export "run") (result i32) (local $o i64)
          (local.set $o (call $alloc (i64.const 2)))
          (call $store_u8 (local.get $o) (i32.const 111))
          (call $store_u8 (i64.add (local.get $o) (i64.const 1)) (i32.const 107))
          (call $output_set (local.get $o) (i64.const 2))
          (call $exit (i32.const ${code}))
          (i32.const 0)))`)) as Uint8Array<ArrayBuffer>,
    );
    return runExtism(request(module, 'run', { moduleId: `exit-${code}`, policy: 'stub' }));
  };

  it('proc_exit(0) is success with the output set before it; another code is the return code', async () => {
    expect(outputText(await exiting(0))).toBe('ok');
    const failed = await exiting(3);
    expect(!failed.ok && failed.error.message).toBe('run returned non-zero exit code: 3');
  });
});
