import { pluginFunctions } from '../../runners/extism/callables';
import { fromSnapshot } from '../fs/snapshot';
/**
 * The Extism e2e fixtures (e2e/fixtures/extism/*.wasm, built by `npm run fixtures`) through the
 * real kernel and, for the WASI ones, the real WASI host: what the e2e specs rely on, proved
 * without a browser. What each fixture does is in its .wat header and e2e/fixtures/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseForTest } from '../../runners/testAnalyse';
import type { CoreAnalysis } from '../../wasm/types';
import { deterministicClock, realClock, type Clock } from '../clock';
import type { VfsDir} from '../fs/nodes';
import { type VfsFile } from '../fs/nodes';
import { resolve } from '../fs/resolve';
import { seededRandom } from '../random';
import { createWasiHost, type BlockedEvent, type WasiHost } from '../wasi/host';
import {
  createExtismHost,
  EXTISM_ENV,
  EXTISM_USER,
  ExtismError,
  KERNEL_FUNCS,
  parseManifest,
  verifyHash,
  type ExtismHost,
  type ExtismHostOptions,
  type HttpClient,
  type HttpRequest,
} from './index';

const DIR = new URL('../../../e2e/fixtures/extism/', import.meta.url);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bytes = (s: string) => encoder.encode(s);
const text = (b: Uint8Array | null) => (b === null ? null : decoder.decode(b));

const files = new Map<string, Uint8Array<ArrayBuffer>>();
function file(name: string): Uint8Array<ArrayBuffer> {
  let b = files.get(name);
  if (!b) {
    b = new Uint8Array(readFileSync(new URL(name, DIR)));
    files.set(name, b);
  }
  return b;
}
const modules = new Map<string, WebAssembly.Module>();
function compiled(name: string): WebAssembly.Module {
  let m = modules.get(name);
  if (!m) {
    m = new WebAssembly.Module(file(`${name}.wasm`));
    modules.set(name, m);
  }
  return m;
}

interface CallResult {
  rc: unknown;
  output: Uint8Array | null;
  error: string | null;
}

interface Plugin {
  host: ExtismHost;
  instance: WebAssembly.Instance;
  call(fn: string, input?: string | Uint8Array): CallResult;
  /** Output as text; throws unless the call returned 0 with no error. */
  text(fn: string, input?: string | Uint8Array): string;
}

interface PluginSetup extends ExtismHostOptions {
  /** Other import modules: WASI, math, extism:host/user. */
  imports?: WebAssembly.Imports;
  wasi?: WasiHost;
}

/** Instantiate a fixture over a fresh kernel (one instance, many calls, as the runner keeps it). */
function load(name: string, setup: PluginSetup = {}): Plugin {
  const host = createExtismHost(setup);
  const instance = new WebAssembly.Instance(compiled(name), { ...setup.wasi?.imports, ...setup.imports, [EXTISM_ENV]: host.imports });
  setup.wasi?.initialize(instance);
  const call = (fn: string, input: string | Uint8Array = '') => {
    host.reset(typeof input === 'string' ? bytes(input) : input);
    const f = instance.exports[fn];
    if (typeof f !== 'function') throw new Error(`${name} has no export ${fn}`);
    const rc: unknown = f();
    return { rc, output: host.takeOutput(), error: host.takeError() };
  };
  return {
    host,
    instance,
    call,
    text(fn, input) {
      const r = call(fn, input);
      if (r.rc !== 0 || r.error !== null) throw new Error(`${name}.${fn} returned ${String(r.rc)}: ${r.error}`);
      return text(r.output) ?? '';
    },
  };
}

/** Throws what the call throws (a kernel ExtismError or a trap); fails the test if it returns. */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to throw');
}

interface WasiSetup {
  preopens?: { guestPath: string; root: VfsDir; readOnly?: boolean }[];
  clock?: Clock;
  watchUnmounted?: boolean;
}

function wasiHost(setup: WasiSetup = {}) {
  const out = { stdout: '', stderr: '', chunks: [] as { fd: 1 | 2; text: string; at: number }[], blocked: [] as BlockedEvent[] };
  const wasi = createWasiHost({
    args: [],
    env: [],
    stdin: new Uint8Array(0),
    preopens: (setup.preopens ?? []).map((p) => ({ readOnly: false, ...p })),
    stdout: (b) => {
      out.stdout += decoder.decode(b);
      out.chunks.push({ fd: 1, text: decoder.decode(b), at: performance.now() });
    },
    stderr: (b) => {
      out.stderr += decoder.decode(b);
      out.chunks.push({ fd: 2, text: decoder.decode(b), at: performance.now() });
    },
    clock: setup.clock ?? deterministicClock(),
    random: seededRandom('extism fixtures'),
    onBlocked: (e) => out.blocked.push(e),
    watchUnmounted: setup.watchUnmounted,
  });
  return { wasi, out };
}

const PLUGINS = [
  'count-vowels',
  'echo',
  'outputs',
  'http',
  'logs',
  'fail',
  'loop',
  'limits',
  'wasi-stdout',
  'wasi-file',
  'user-host',
  'only-wasi',
  'no-imports',
  'link-math',
  'link-main',
];

describe('the fixture set', () => {
  it('has exactly these modules and manifests', () => {
    const names = readdirSync(DIR).filter((f) => f.endsWith('.wasm') || f.endsWith('.json'));
    expect(names.sort()).toEqual(
      [...PLUGINS.map((p) => `${p}.wasm`), 'manifest.json', 'manifest-bad-hash.json', 'manifest-files.json', 'manifest-inline.json', 'manifest-limits.json', 'manifest-missing-link.json'].sort(),
    );
  });

  it('imports kernel functions with the signatures of abi.ts, and is detected as documented', () => {
    const kinds: Record<string, string> = {};
    const callable: Record<string, string[]> = {};
    for (const name of PLUGINS) {
      const parsed = analyseForTest(file(`${name}.wasm`));
      if (!parsed.ok || parsed.analysis.format !== 'core') throw new Error(`${name} does not parse`);
      const analysis: CoreAnalysis = parsed.analysis;
      for (const imp of analysis.imports.filter((i) => i.module === EXTISM_ENV)) {
        expect(imp.desc.kind === 'func' && imp.desc.type, `${name} imports ${imp.name}`).toEqual(KERNEL_FUNCS[imp.name]);
      }
      kinds[name] = analysis.kind;
      callable[name] = pluginFunctions(analysis.exports);
    }
    expect(kinds).toEqual({
      ...Object.fromEntries(PLUGINS.map((p) => [p, 'extism'])),
      'only-wasi': 'wasi-reactor',
      'no-imports': 'core',
      'link-math': 'core',
    });
    expect(callable).toEqual({
      'count-vowels': ['count_vowels'],
      echo: ['echo', 'echo_twice'],
      outputs: ['png', 'html', 'json', 'markdown', 'csv', 'svg', 'wasm', 'text', 'big'],
      http: ['http_get', 'http_status', 'get_headers'],
      logs: ['log_all'],
      fail: ['fail', 'nonzero', 'trap'],
      loop: ['spin'],
      limits: ['alloc_forever', 'var_fill', 'grow_pages'],
      'wasi-stdout': ['greet', 'slow_lines'],
      'wasi-file': ['read_file', 'write_file'],
      'user-host': ['greet'],
      'only-wasi': ['run'],
      'no-imports': ['run', 'fail'],
      'link-math': [],
      'link-main': ['run', 'show_config'],
    });
  });
});

describe('count-vowels.wasm', () => {
  it('counts, keeps var total as decimal text across calls and instances, and reads config vowels', () => {
    const vars = new Map<string, Uint8Array>();
    const p = load('count-vowels', { vars });
    expect(p.text('count_vowels', 'Hello, World!')).toBe('{"count":3,"total":3,"vowels":"aeiouAEIOU"}');
    expect(p.text('count_vowels', 'Hello, World!')).toBe('{"count":3,"total":6,"vowels":"aeiouAEIOU"}');
    expect(text(vars.get('total') ?? null)).toBe('6');
    const other = load('count-vowels', { vars, config: { vowels: 'o' } });
    expect(other.text('count_vowels', 'Hello, World!')).toBe('{"count":2,"total":8,"vowels":"o"}');
    vars.clear(); // "Reset"
    expect(p.text('count_vowels', 'aaa')).toBe('{"count":3,"total":3,"vowels":"aeiouAEIOU"}');
  });

  it('counts 1 MB', () => {
    const p = load('count-vowels');
    const input = bytes('abcdefghijklmnop'.repeat(65536)); // 4 vowels in 16 bytes
    expect(JSON.parse(p.text('count_vowels', input))).toEqual({ count: 262144, total: 262144, vowels: 'aeiouAEIOU' });
  });

  it('fails with the plugin’s message when var total is not a number, and the host’s when vars are off', () => {
    const p = load('count-vowels', { vars: new Map([['total', bytes('lots')]]) });
    expect(p.call('count_vowels', 'a')).toEqual({ rc: 1, output: null, error: 'var "total" is not a decimal number' });
    const off = load('count-vowels', { maxVarBytes: 0 });
    expect(thrown(() => off.call('count_vowels', 'a'))).toMatchObject({ kind: 'vars' });
  });
});

describe('echo.wasm', () => {
  it('returns the input unchanged: empty, binary, 1 MB; echo_twice doubles it', () => {
    const p = load('echo');
    expect(p.call('echo', '')).toEqual({ rc: 0, output: new Uint8Array(0), error: null });
    const mb = Uint8Array.from({ length: 1024 * 1024 + 3 }, (_, i) => (i * 31 + 7) & 0xff);
    const r = p.call('echo', mb);
    expect(r.rc).toBe(0);
    expect(r.output && Buffer.compare(r.output, mb)).toBe(0);
    expect(p.text('echo_twice', 'ab')).toBe('abab');
    expect(p.call('echo_twice', mb).output?.length).toBe(2 * mb.length);
  });
});

describe('outputs.wasm', () => {
  const p = load('outputs');
  const out = (fn: string) => {
    const r = p.call(fn);
    expect(r.rc).toBe(0);
    return r.output ? new Uint8Array(r.output) : new Uint8Array(0);
  };

  it('gives a PNG, a wasm module, JSON, CSV, Markdown, SVG, HTML and text', () => {
    const png = out('png');
    expect(png.length).toBe(82);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const wasm = out('wasm');
    expect(wasm.length).toBe(39);
    const answer = new WebAssembly.Instance(new WebAssembly.Module(wasm)).exports.answer as () => number;
    expect(answer()).toBe(42);
    expect(text(out('json'))).toBe('{"name":"wasm","items":[1,2,3],"nested":{"ok":true}}');
    expect(text(out('csv'))).toBe('name,count\n"a, b",1\nc,2\n');
    expect(text(out('markdown'))).toMatch(/^# Title\n[\s\S]*<img src=x onerror=alert\(1\)>\n\n<script>alert\(2\)<\/script>\n$/);
    expect(text(out('svg'))).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\n$/);
    expect(text(out('html'))).toContain('<pre id="results">scripts: not run</pre>');
    expect(text(out('text'))).toBe('Line 1: plain text output\nLine 2: ünïcödé ✓ and a tab\there\nLine 3: the last line\n');
  });

  it('big gives exactly N bytes of numbered 64-byte lines', () => {
    const r = p.call('big', '8388608\n');
    expect(r.rc).toBe(0);
    const all = r.output ?? new Uint8Array(0);
    expect(all.length).toBe(8 * 1024 * 1024);
    const lines = decoder.decode(all).split('\n');
    expect(lines[0]).toBe('00000001 the quick brown fox jumps over the lazy dog 0123456789');
    expect(lines[131071]).toBe('00131072 the quick brown fox jumps over the lazy dog 0123456789');
    expect(lines[131072]).toBe('');
    expect(text(p.call('big', '100').output)).toBe(
      '00000001 the quick brown fox jumps over the lazy dog 0123456789\n00000002 the quick brown fox jumps o',
    );
    expect(p.call('big', 'lots')).toEqual({ rc: 1, output: null, error: 'big: the input must be a byte count in decimal, e.g. 1048576' });
  });

  it('big over the kernel memory cap fails with the host’s memory error', () => {
    const small = load('outputs', { maxKernelBytes: 1024 * 1024 });
    expect(thrown(() => small.call('big', '2000000'))).toMatchObject({ kind: 'memory' });
  });
});

describe('http.wasm', () => {
  const client = (status: number, body: string, seen: HttpRequest[] = []): HttpClient => ({
    request(req) {
      seen.push(req);
      return { ok: true, status, headers: { 'content-type': 'text/plain' }, body: bytes(body) };
    },
  });

  it('http_get outputs the body and logs the status; http_status outputs the code', () => {
    const seen: HttpRequest[] = [];
    const logs: string[] = [];
    const p = load('http', { http: client(200, 'hello body', seen), log: (level, msg) => logs.push(`${level}: ${msg}`) });
    expect(p.text('http_get', 'http://localhost:4180/fixtures/page.html\n')).toBe('hello body');
    expect(seen).toEqual([{ url: 'http://localhost:4180/fixtures/page.html', method: 'GET', headers: {} }]);
    expect(logs).toEqual(['info: status: 200']);
    expect(load('http', { http: client(404, 'nope') }).text('http_status', 'http://localhost:4180/x')).toBe('404');
  });

  it('fails the call as blocked without a client or for a refused host', () => {
    expect(thrown(() => load('http').call('http_get', 'http://example.com/'))).toMatchObject({ kind: 'http-blocked' });
    const refusing: HttpClient = { request: () => ({ ok: false, blocked: true, message: 'example.com is not allowed' }) };
    const err = thrown(() => load('http', { http: refusing }).call('http_get', 'http://example.com/'));
    expect(err).toBeInstanceOf(ExtismError);
    expect(err.message).toBe('example.com is not allowed');
  });

  it('get_headers outputs the headers only when the host exposes them', () => {
    expect(load('http', { http: client(200, '') }).call('get_headers', 'http://a.test/')).toEqual({
      rc: 1,
      output: null,
      error: 'response headers are not exposed to plugins (http_headers returned 0)',
    });
    expect(JSON.parse(load('http', { http: client(200, ''), exposeHeaders: true }).text('get_headers', 'http://a.test/'))).toEqual({
      'content-type': 'text/plain',
    });
  });
});

describe('logs.wasm', () => {
  it('logs at every level; the host filters; the output is get_log_level', () => {
    const run = (logLevel: ExtismHostOptions['logLevel']) => {
      const lines: string[] = [];
      const output = load('logs', { logLevel, log: (level, msg) => lines.push(`${level}: ${msg}`) }).text('log_all');
      return { output, lines };
    };
    expect(run('trace')).toEqual({
      output: '0',
      lines: ['trace: this is trace', 'debug: this is debug', 'info: this is info', 'warn: this is warn', 'error: this is error'],
    });
    expect(run('warn')).toEqual({ output: '3', lines: ['warn: this is warn', 'error: this is error'] });
    expect(run('off')).toEqual({ output: '2147483647', lines: [] });
  });
});

describe('fail.wasm', () => {
  it('error_set with the input, a bare non-zero code, a trap; the instance works after each', () => {
    const p = load('fail');
    expect(p.call('fail', 'oops')).toEqual({ rc: 1, output: null, error: 'something went wrong: oops' });
    expect(p.call('nonzero')).toEqual({ rc: 7, output: null, error: null });
    const trap = thrown(() => p.call('trap'));
    expect(trap).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(trap.message).toMatch(/unreachable/);
    expect(p.call('fail', 'again').error).toBe('something went wrong: again');
  });
});

describe('limits.wasm', () => {
  it('alloc_forever stops at the kernel memory cap', () => {
    const err = thrown(() => load('limits', { maxKernelBytes: 16 * 1024 * 1024 }).call('alloc_forever'));
    expect(err).toMatchObject({ kind: 'memory' });
    expect(err.message).toMatch(/^alloc\(1048576\): the plugin allocated more than 16 MiB of host memory/);
  });

  it('var_fill fits the default var cap at 1048576 bytes (values only) and not at 1048577', () => {
    const vars = new Map<string, Uint8Array>();
    const p = load('limits', { vars });
    expect(p.text('var_fill', '1048576')).toBe('stored 1048576 bytes in var blob');
    expect(vars.get('blob')?.length).toBe(1048576);
    const err = thrown(() => p.call('var_fill', '1048577'));
    expect(err).toMatchObject({ kind: 'vars' });
    expect(err.message).toMatch(/^var_set: var values would take 1048577 bytes, over the 1048576-byte limit/);
  });
});

describe('wasi-stdout.wasm and only-wasi.wasm', () => {
  it('greet writes stdout and stderr through the WASI host and outputs "done"', () => {
    const { wasi, out } = wasiHost();
    const p = load('wasi-stdout', { wasi });
    expect(p.text('greet')).toBe('done');
    expect(out.stdout).toBe('hello from stdout\n');
    expect(out.stderr).toBe('warning on stderr\n');
  });

  it('slow_lines delivers each line as it is written, 300 ms apart on the real clock', () => {
    const { wasi, out } = wasiHost({ clock: realClock() });
    const p = load('wasi-stdout', { wasi });
    const start = performance.now();
    expect(p.text('slow_lines')).toBe('done');
    const end = performance.now();
    expect(out.chunks.map((c) => c.text)).toEqual(['slow line 1 of 3\n', 'slow line 2 of 3\n', 'slow line 3 of 3\n']);
    const [first, second, third] = out.chunks.map((c) => c.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(299);
    expect(third - second).toBeGreaterThanOrEqual(299);
    expect(first - start).toBeLessThan(100);
    expect(end - start).toBeGreaterThanOrEqual(598);
  });

  it('only-wasi run writes stdout with no kernel at all and leaves the output empty', () => {
    const { wasi, out } = wasiHost();
    const p = load('only-wasi', { wasi });
    expect(p.call('run')).toEqual({ rc: 0, output: null, error: null });
    expect(out.stdout).toBe('hello from a WASI-only plugin\n');
  });
});

describe('wasi-file.wasm', () => {
  const volume = () =>
    fromSnapshot([
      { path: 'hello.txt', kind: 'file', data: bytes('hi from the library\n'), mtime: 0 },
      { path: 'docs', kind: 'dir', mtime: 0 },
      { path: 'docs/big.bin', kind: 'file', data: Uint8Array.from({ length: 300_000 }, (_, i) => i & 0xff), mtime: 0 },
    ]);
  const contents = (root: VfsDir, path: string) => {
    const r = resolve({ root, dir: root }, path, true);
    return r.ok && r.node?.kind === 'file' ? text((r.node as VfsFile).contents()) : undefined;
  };

  it('reads a file by its guest path under the mount, by a path relative to fd 3, and a big one', () => {
    const { wasi } = wasiHost({ preopens: [{ guestPath: '/data', root: volume() }] });
    const p = load('wasi-file', { wasi });
    expect(p.text('read_file', '/data/hello.txt\n')).toBe('hi from the library\n');
    expect(p.text('read_file', 'hello.txt')).toBe('hi from the library\n');
    const big = p.call('read_file', '/data/docs/big.bin').output;
    expect(big?.length).toBe(300_000);
    expect(big?.[299_999]).toBe(299_999 & 0xff);
  });

  it('reports errnos: missing file, unmounted path (reported as blocked), read-only mount', () => {
    const { wasi, out } = wasiHost({ preopens: [{ guestPath: '/data', root: volume(), readOnly: true }], watchUnmounted: true });
    const p = load('wasi-file', { wasi });
    expect(p.call('read_file', '/data/nope.txt')).toEqual({ rc: 1, output: null, error: 'cannot open /data/nope.txt: errno 44' });
    expect(p.call('read_file', '/etc/passwd')).toEqual({ rc: 1, output: null, error: 'cannot open /etc/passwd: errno 76' });
    expect(out.blocked).toEqual([{ kind: 'path', op: 'path_open', path: '/etc/passwd' }]);
    expect(p.call('write_file', '/data/new.txt\nhello')).toEqual({ rc: 1, output: null, error: 'cannot open /data/new.txt for writing: errno 63' });
    expect(p.call('write_file', 'no newline')).toEqual({ rc: 1, output: null, error: 'write_file: the input must be a path, a newline, then the contents' });
  });

  it('without the hidden "/" preopen an unmounted path fails in the plugin with errno 76', () => {
    const { wasi, out } = wasiHost({ preopens: [{ guestPath: '/data', root: volume() }] });
    expect(load('wasi-file', { wasi }).call('read_file', '/etc/passwd').error).toBe('cannot open /etc/passwd: errno 76');
    expect(out.blocked).toEqual([]);
  });

  it('writes a file into a writable mount', () => {
    const root = volume();
    const { wasi } = wasiHost({ preopens: [{ guestPath: '/data', root }] });
    const p = load('wasi-file', { wasi });
    expect(p.text('write_file', '/data/docs/note.txt\nline one\nline two\n')).toBe('wrote 18 bytes to /data/docs/note.txt');
    expect(contents(root, 'docs/note.txt')).toBe('line one\nline two\n');
    expect(p.text('write_file', '/data/hello.txt\n')).toBe('wrote 0 bytes to /data/hello.txt');
    expect(contents(root, 'hello.txt')).toBe('');
  });
});

describe('user-host.wasm', () => {
  it('calls extism:host/user.get_greeting: a stub answering 0, or a host function answering a block', () => {
    const stubbed = load('user-host', { imports: { [EXTISM_USER]: { get_greeting: () => 0n } } });
    expect(stubbed.text('greet', 'Ada')).toBe('get_greeting returned 0');

    let kernel: Record<string, (...args: never[]) => unknown> = {};
    const getGreeting = (offset: bigint): bigint => {
      const length = Number(kernel.length?.(offset as never));
      const name = Array.from({ length }, (_, i) => String.fromCharCode(kernel.load_u8?.((offset + BigInt(i)) as never) as number)).join('');
      const answer = bytes(`Hello, ${name}`);
      const block = kernel.alloc?.(BigInt(answer.length) as never) as bigint;
      answer.forEach((b, i) => kernel.store_u8?.((block + BigInt(i)) as never, b as never));
      return block;
    };
    const real = load('user-host', { imports: { [EXTISM_USER]: { get_greeting: getGreeting } } });
    kernel = real.host.imports as typeof kernel;
    expect(real.text('greet', 'Ada')).toBe('Hello, Ada');
  });

  it('cannot be instantiated without extism:host/user', () => {
    expect(() => load('user-host')).toThrow(/extism:host\/user/);
  });
});

describe('no-imports.wasm and loop.wasm', () => {
  it('no-imports runs as a plugin with no kernel imports: run 0, fail 3, empty output', () => {
    const p = load('no-imports');
    expect(p.call('run')).toEqual({ rc: 0, output: null, error: null });
    expect(p.call('fail')).toEqual({ rc: 3, output: null, error: null });
  });

  it('loop instantiates (spin never returns, so it is not called here)', () => {
    expect(typeof load('loop').instance.exports.spin).toBe('function');
  });
});

describe('linking and manifests', () => {
  const BASE = 'http://localhost:4180/fixtures/extism/manifest.json';
  const manifestText = (name: string) => decoder.decode(file(name));

  it('manifest.json parses with relative URLs against its own, names math and main, and its hash matches', async () => {
    const parsed = parseManifest(manifestText('manifest.json'), { baseUrl: BASE });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const { manifest } = parsed;
    expect(parsed.warnings).toEqual([]);
    expect(manifest.wasm.map((w) => [w.name, w.source.kind === 'url' ? w.source.url : w.source.kind])).toEqual([
      ['math', 'http://localhost:4180/fixtures/extism/link-math.wasm'],
      ['main', 'http://localhost:4180/fixtures/extism/link-main.wasm'],
    ]);
    expect(manifest.main).toBe(1);
    expect(manifest).toMatchObject({ config: { k: 'v' }, allowedHosts: ['localhost:4180'], timeoutMs: 5000 });
    const hash = manifest.wasm[1]?.hash ?? '';
    expect(await verifyHash(file('link-main.wasm'), hash)).toEqual({ ok: true, actual: hash });
  });

  it('manifest-bad-hash.json parses but its hash does not match link-main.wasm', async () => {
    const parsed = parseManifest(manifestText('manifest-bad-hash.json'), { baseUrl: BASE });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const check = await verifyHash(file('link-main.wasm'), parsed.manifest.wasm[1]?.hash ?? '');
    expect(check.ok).toBe(false);
    expect(parsed.manifest.wasm[1]?.hash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('manifest-inline.json carries both modules as data; manifest-missing-link.json has main only', () => {
    const inline = parseManifest(manifestText('manifest-inline.json'));
    if (!inline.ok) throw new Error(inline.errors.join('; '));
    const data = inline.manifest.wasm.map((w) => (w.source.kind === 'data' ? w.source.bytes : null));
    expect(data[0] && Buffer.compare(data[0], file('link-math.wasm'))).toBe(0);
    expect(data[1] && Buffer.compare(data[1], file('link-main.wasm'))).toBe(0);
    const missing = parseManifest(manifestText('manifest-missing-link.json'), { baseUrl: BASE });
    expect(missing.ok && missing.manifest.wasm.map((w) => w.name)).toEqual(['main']);
    // relative URLs need a base: a dropped manifest.json cannot be used as is
    expect(parseManifest(manifestText('manifest.json'))).toMatchObject({ ok: false });
  });

  it('manifest-files.json asks for two paths (one read-only); manifest-limits.json caps memory at 4 pages', () => {
    const files = parseManifest(manifestText('manifest-files.json'), { baseUrl: BASE });
    expect(files.ok && files.manifest.allowedPaths).toEqual([
      { hostPath: 'plugin-in', guestPath: '/in', readOnly: true },
      { hostPath: 'home:/plugin-out', guestPath: '/out', readOnly: false },
    ]);
    const limits = parseManifest(manifestText('manifest-limits.json'), { baseUrl: BASE });
    expect(limits.ok && limits.manifest.memory).toEqual({ maxPages: 4 });
  });

  it('link-main runs with link-math as "math" and the manifest config; alone it does not link', () => {
    const math = new WebAssembly.Instance(compiled('link-math'));
    const p = load('link-main', { config: { k: 'v' }, imports: { math: math.exports } });
    expect(p.text('run', '7')).toBe('14');
    expect(p.call('run', 'seven')).toEqual({ rc: 1, output: null, error: 'run: the input must be a decimal number from 0 to 999999999' });
    expect(p.text('show_config', 'k')).toBe('v');
    expect(p.call('show_config', 'nope')).toEqual({ rc: 1, output: null, error: 'no config key nope' });
    expect(() => load('link-main')).toThrow(/math/);
    expect(WebAssembly.Module.imports(compiled('link-main')).filter((i) => i.module !== EXTISM_ENV)).toEqual([{ module: 'math', name: 'double', kind: 'function' }]);
  });
});
