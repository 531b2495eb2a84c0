/**
 * Test helper: our C WASI fixtures as wasi:cli command components (jco's preview 1 command
 * adapter), transpiled with jco and run in Node through createWasi2Host.
 */
// A Node-only test helper, never bundled: the jco fence (keep jco's engines out of the app) does not apply.
// eslint-disable-next-line no-restricted-imports
import { preview1AdapterCommandPath } from '@bytecodealliance/jco';
import { $init, generate } from '@bytecodealliance/jco-transpile/component';
import { componentEmbed, componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deterministicClock } from '../clock';
import { seededRandom } from '../random';
import { ComponentExit } from './cli';
import { createWasi2Host, importsFor, type Wasi2Host, type Wasi2Options } from './host';

type Instantiate = (getCoreModule: (path: string) => Promise<WebAssembly.Module>, imports: unknown, instantiateCore?: Wasi2Host['instantiateCore']) => Promise<Record<string, Record<string, (...a: unknown[]) => unknown>>>;

interface Transpiled {
  instantiate: Instantiate;
  /** The core modules jco wrote, by file name. */
  cores: Map<string, Uint8Array>;
}

const cache = new Map<string, Promise<Transpiled>>();

/** A preview 1 module turned into a wasi:cli command component with jco's adapter. */
export async function commandComponent(p1: Uint8Array): Promise<Uint8Array> {
  return componentNew(p1, [['wasi_snapshot_preview1', readFileSync(preview1AdapterCommandPath())]]);
}

/** Transpiles a component (async instantiation) into a temp dir and imports its JS. */
export async function transpile(component: Uint8Array, name = 'component'): Promise<Transpiled> {
  await $init;
  const out = generate(component, { name, instantiation: { tag: 'async' }, noTypescript: true });
  const dir = mkdtempSync(join(tmpdir(), 'wasi2-'));
  for (const [file, bytes] of out.files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), bytes);
  }
  try {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(join(dir, `${name}.js`)).href)) as { instantiate: Instantiate };
    const cores = new Map(out.files.filter(([f]) => f.endsWith('.wasm')).map(([f, b]) => [f, b]));
    return { instantiate: mod.instantiate, cores };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fixture from src/host/wasi/testdata as a transpiled command component (cached per run). */
export function fixtureComponent(name: string): Promise<Transpiled> {
  let t = cache.get(name);
  if (!t) {
    const p1 = readFileSync(new URL(`../wasi/testdata/${name}.wasm`, import.meta.url));
    t = commandComponent(p1).then((c) => transpile(c, name));
    cache.set(name, t);
  }
  return t;
}

/** jco's bundled WASI 0.2.12 WIT, as nested packages after a root package (one WIT source). */
function wasiWit(root: string): string {
  const base = join(dirname(fileURLToPath(preview1AdapterCommandPath())), 'wit', 'builtin', '0.2.12');
  const packages = ['wasi-http', 'wasi-io', 'wasi-clocks', 'wasi-random', 'wasi-cli', 'wasi-filesystem', 'wasi-sockets'].map((p) => {
    const [first = '', ...rest] = readFileSync(join(base, p, 'package.wit'), 'utf8').split('\n');
    return `${first.replace(/;\s*$/, ' {')}\n${rest.join('\n')}\n}`;
  });
  return [root, ...packages].join('\n');
}

/** testdata/proxy.wat as a wasi:http proxy component (exports wasi:http/incoming-handler). */
export async function proxyComponent(): Promise<Transpiled> {
  const wat = readFileSync(new URL('./testdata/proxy.wat', import.meta.url), 'utf8');
  const root = 'package test:proxy;\nworld proxy {\n  export wasi:http/incoming-handler@0.2.12;\n}';
  const embedded = await componentEmbed({ binary: await parse(wat), witSource: wasiWit(root), world: 'proxy' });
  return transpile(await componentNew(embedded, []), 'proxy');
}

/** Instantiates a transpiled component with a host (no call). */
export async function instantiateWith(t: Transpiled, host: Wasi2Host) {
  const core = (path: string) => {
    const bytes = t.cores.get(path);
    if (!bytes) throw new Error(`jco asked for a core module "${path}" it did not write`);
    return WebAssembly.compile(new Uint8Array(bytes));
  };
  return t.instantiate(core, importsFor(host), host.instantiateCore);
}

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
  host: Wasi2Host;
}

/** Instantiates a transpiled command with a host over `options` and calls wasi:cli/run#run. */
export async function runCommand(t: Transpiled, options: Partial<Wasi2Options> = {}): Promise<CommandRun> {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const host = createWasi2Host({
    args: ['demo'],
    env: [],
    stdin: new Uint8Array(0),
    preopens: [],
    clock: deterministicClock(),
    random: seededRandom(1),
    onBlocked: () => {},
    ...options,
    stdout: (b) => (out.push(b), options.stdout?.(b)),
    stderr: (b) => (err.push(b), options.stderr?.(b)),
  });
  const instance = await instantiateWith(t, host);
  let code = 0;
  try {
    await instance.run!.run!();
  } catch (e) {
    if (!(e instanceof ComponentExit)) throw e;
    code = e.code;
  }
  host.flush();
  const text = (parts: Uint8Array[]) => Buffer.concat(parts).toString('utf8');
  return { code, stdout: text(out), stderr: text(err), host };
}
