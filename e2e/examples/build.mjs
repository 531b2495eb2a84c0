// @ts-check
/**
 * Rebuilds the examples gallery (public/examples/): `npm run examples`.
 *
 * Each example lives in public/examples/<id>/: its source (copied from our own fixtures where
 * one exists, written there otherwise) and the module built from it. public/examples/manifest.json
 * lists them in gallery order with what the app fills in when one is opened.
 *
 *   .wat (core, WASI, Extism)  -> wabt's wat2wasm, with a `name` section
 *   .wat + .wit (component)    -> jco's parse, componentEmbed, componentNew
 *   .c (WASI p1 command)       -> clang --target=wasm32-wasi (Debian: clang lld wasi-libc libclang-rt-dev-wasm32)
 *   .c + .wit (wasi:cli)       -> clang, then componentEmbed + componentNew with the preview1 command adapter
 *
 * Every module is validated (core modules by WebAssembly.validate, components by jco's parse
 * of their WIT) before anything is written. Same sources, same bytes, on every run.
 *
 *   node e2e/examples/build.mjs           build, check, copy sources, write modules and the manifest
 *   node e2e/examples/build.mjs --check   build and compare with public/examples: exit 1 if stale
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview1AdapterCommandPath } from '@bytecodealliance/jco';
import { componentEmbed, componentNew, componentWit, parse } from '@bytecodealliance/jco-transpile/wasm-tools';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const OUT = path.join(ROOT, 'public', 'examples');
const CHECK_ONLY = process.argv.includes('--check');
const CC = process.env.CC ?? 'clang';
const CFLAGS = ['--target=wasm32-wasi', '--sysroot=/usr', '-Oz', '-Wl,--strip-all', '-D__wasilibc_printscan_no_floating_point'];
const LIBS = ['-lc-printscan-no-floating-point'];
const FEATURES = { mutable_globals: true, sat_float_to_int: true, sign_extension: true, multi_value: true, bulk_memory: true, reference_types: true };

/**
 * @typedef {{ wat: string } | { watWit: [string, string, string] } | { c: string, include?: string } | { cComponent: [string, string, string, string[]] }} Build
 * watWit: [wat, wit, world]; cComponent: [c, wit, world, features]
 * @typedef {{
 *   id: string, title: string, kind: string, teaches: string, lesson: string,
 *   copy?: [string, string][], build: Build, file: string,
 *   function: string, args?: string[], argv?: string[], env?: Record<string, string>,
 *   input?: string, config?: Record<string, string>, hosts?: 'self', mounts?: { guestPath: string, volume: string, dir: string }[],
 *   inputUrl?: string,
 * }} Example
 * copy: [from (repo-relative), to (name in the example folder)]: our fixtures' sources, copied.
 * hosts 'self': the app's own host is requested (the app fills it in, as it knows where it is served).
 * inputUrl: a file of the example whose absolute URL (resolved against the app) is the input.
 */

/** @type {Example[]} */
const EXAMPLES = [
  {
    id: 'add', title: 'Add two numbers', kind: 'core',
    teaches: 'Call an exported function with typed arguments.',
    lesson: 'A core module exports functions; the form has one field per parameter (i32 here). Change the numbers and press Run.',
    copy: [['e2e/fixtures/src/add.wat', 'add.wat']], build: { wat: 'add.wat' }, file: 'add.wasm',
    function: 'add', args: ['2', '3'],
  },
  {
    id: 'fac', title: 'Factorial (i64)', kind: 'core',
    teaches: '64-bit integers cross into JavaScript as BigInt.',
    lesson: 'fac(20) = 2432902008176640000 needs 64 bits: an i64 comes back exact as a BigInt. Try 21 to see i64 wrap around.',
    build: { wat: 'fac.wat' }, file: 'fac.wasm',
    function: 'fac', args: ['20'],
  },
  {
    id: 'strings', title: 'Strings through memory', kind: 'wasi-command',
    teaches: 'Text crosses the boundary as a pointer and a length in linear memory.',
    lesson: 'The host copies the Input into linear memory (fd_read); the module answers with pointers and lengths (fd_write). Edit the Input and Run.',
    build: { wat: 'strings.wat' }, file: 'strings.wasm',
    function: '_start', input: 'WebAssembly',
  },
  {
    id: 'trap', title: 'A trap', kind: 'core',
    teaches: 'A trap ends the call with an error, and the sandbox stays usable.',
    lesson: 'div_s(1, 0) divides by zero: the engine traps and the run ends with an error. Try div_s(7, 2), or boom and oob.',
    copy: [['e2e/fixtures/src/trap.wat', 'trap.wat']], build: { wat: 'trap.wat' }, file: 'trap.wasm',
    function: 'div_s', args: ['1', '0'],
  },
  {
    id: 'loop', title: 'An infinite loop', kind: 'core',
    teaches: 'Stop ends a guest that never returns.',
    lesson: 'spin() loops forever. Press Run, then Stop: the worker is ended and the next run starts at once.',
    copy: [['e2e/fixtures/src/loop.wat', 'loop.wat']], build: { wat: 'loop.wat' }, file: 'loop.wasm',
    function: 'spin', args: [],
  },
  {
    id: 'wasi-cli', title: 'A C program: args, env and stdin', kind: 'wasi-command',
    teaches: 'A WASI command gets a command line, environment variables and stdin.',
    lesson: 'A C program built with clang for WASI preview 1. Edit the Arguments, the GREETING variable or the Input, and Run: stdout and stderr go to the Console.',
    copy: [['e2e/fixtures/components/c/cli-demo.c', 'cli-demo.c']],
    build: { c: 'cli-demo.c' }, file: 'cli-demo.wasm',
    function: '_start', argv: ['hello', 'workshop'], env: { GREETING: 'hi from the env' }, input: 'shout this\n',
  },
  {
    id: 'wasi-files', title: 'Write files under a mount', kind: 'wasi-command',
    teaches: 'A program reaches your files only through a folder you mount.',
    lesson: 'Mount the requested folder (home:/examples at /data), then Run: the program writes three files there; open them in the Files panel.',
    copy: [['src/host/wasi/testdata/files.c', 'files.c']], build: { c: 'files.c' }, file: 'files.wasm',
    function: '_start', argv: ['/data', '3', '1', '0'],
    mounts: [{ guestPath: '/data', volume: 'home', dir: 'examples' }],
  },
  {
    id: 'png', title: 'A PNG on stdout', kind: 'wasi-command',
    teaches: 'Output is bytes with a type: an image renders as an image.',
    lesson: 'The program writes a 2x2 red PNG to stdout; the Output pane sees image/png and shows it.',
    copy: [['src/host/wasi/testdata/png.c', 'png.c']], build: { c: 'png.c' }, file: 'png.wasm',
    function: '_start', argv: [],
  },
  {
    id: 'count-vowels', title: 'Extism: count vowels', kind: 'extism',
    teaches: 'An Extism plugin takes input bytes, reads config and keeps vars between calls.',
    lesson: 'Config "vowels" says which letters count; var "total" keeps a running total. Run twice and watch total grow in Vars.',
    copy: [['e2e/fixtures/extism/src/count-vowels.wat', 'count-vowels.wat']], build: { wat: 'count-vowels.wat' }, file: 'count-vowels.wasm',
    function: 'count_vowels', input: 'Hello, WebAssembly workshop!', config: { vowels: 'aeiouyAEIOUY' },
  },
  {
    id: 'extism-http', title: 'Extism: HTTP to an allowed host', kind: 'extism',
    teaches: 'A plugin reaches the network only to hosts you allow.',
    lesson: 'http_get fetches the URL in the Input. Allow the requested host (this app\'s own), then Run; without it the call is blocked.',
    copy: [['e2e/fixtures/extism/src/http.wat', 'http.wat']], build: { wat: 'http.wat' }, file: 'http.wasm',
    function: 'http_get', inputUrl: 'hello.txt', hosts: 'self',
  },
  {
    id: 'types', title: 'A component: records and variants', kind: 'component',
    teaches: 'Component functions take and return typed WIT values, such as records and variants.',
    lesson: 'greet takes a person record: edit its fields as JSON and Run. area takes a shape variant ({"tag":"circle","val":1}).',
    copy: [['e2e/fixtures/components/src/types.wat', 'types.wat'], ['e2e/fixtures/components/src/types.wit', 'types.wit']],
    build: { watWit: ['types.wat', 'types.wit', 'types'] }, file: 'types.wasm',
    function: 'test:types/shapes@0.1.0#greet', args: ['{"full-name":"Ada Lovelace","age":36,"tags":["math"]}'],
  },
  {
    id: 'cli-component', title: 'A wasi:cli component', kind: 'component',
    teaches: 'A WASI 0.2 command component runs through wasi:cli/run with args, env and stdin.',
    lesson: 'The same C program as a component (WASI 0.2 through the preview1 adapter), run with jco in the worker. Edit Arguments, env or Input and Run.',
    copy: [['e2e/fixtures/components/c/cli-demo.c', 'cli-demo.c'], ['e2e/fixtures/components/c/exit_code.h', 'exit_code.h'], ['e2e/fixtures/components/c/exit-code.wit', 'exit-code.wit']],
    build: { cComponent: ['cli-demo.c', 'exit-code.wit', 'exit-code', ['cli-exit-with-code']] }, file: 'cli-demo.wasm',
    function: 'wasi:cli/run#run', argv: ['from', 'a', 'component'], env: { GREETING: 'hello, component' }, input: 'wasi 0.2\n',
  },
];

const wabt = await (await import('wabt')).default();
const tmp = mkdtempSync(path.join(tmpdir(), 'examples-'));
const adapter = new Uint8Array(readFileSync(preview1AdapterCommandPath()));

/** @param {Example} ex @param {string} name */
const src = (ex, name) => path.join(OUT, ex.id, name);

/** @param {Example} ex @returns {Promise<Uint8Array>} */
async function build(ex) {
  const b = ex.build;
  if ('wat' in b) {
    const mod = wabt.parseWat(b.wat, readFileSync(src(ex, b.wat), 'utf8'), FEATURES);
    try {
      mod.resolveNames();
      mod.validate();
      return new Uint8Array(mod.toBinary({ write_debug_names: true }).buffer);
    } finally {
      mod.destroy();
    }
  }
  if ('watWit' in b) {
    const [wat, wit, world] = b.watWit;
    const core = await parse(readFileSync(src(ex, wat), 'utf8'));
    const embedded = await componentEmbed({ binary: core, witSource: readFileSync(src(ex, wit), 'utf8'), world, stringEncoding: 'utf8' });
    return componentNew(embedded, []);
  }
  if ('c' in b) {
    const out = path.join(tmp, `${ex.id}.wasm`);
    // The example's own folder first: wasi-cli's exit_code.h is the preview1 one.
    execFileSync(CC, [...CFLAGS, '-I', path.join(OUT, ex.id), '-o', out, src(ex, b.c), ...LIBS], { stdio: 'inherit' });
    return new Uint8Array(readFileSync(out));
  }
  const [c, wit, world, features] = b.cComponent;
  const out = path.join(tmp, `${ex.id}.core.wasm`);
  execFileSync(CC, [...CFLAGS, '-I', path.join(OUT, ex.id), '-o', out, src(ex, c), ...LIBS], { stdio: 'inherit' });
  const embedded = await componentEmbed({
    binary: new Uint8Array(readFileSync(out)), witSource: readFileSync(src(ex, wit), 'utf8'), world, stringEncoding: 'utf8',
    features: { tag: 'list', val: features },
  });
  return componentNew(embedded, [['wasi_snapshot_preview1', adapter]]);
}

/** @param {Example} ex @param {Uint8Array} bytes */
async function check(ex, bytes) {
  if (ex.kind === 'component') {
    const wit = await componentWit(bytes);
    const want = ex.function === 'wasi:cli/run#run' ? 'wasi:cli/run' : ex.function.split('#')[0];
    if (!wit.includes(want)) throw new Error(`${ex.id}: the component's WIT does not export ${want}`);
    return;
  }
  if (!WebAssembly.validate(bytes)) throw new Error(`${ex.id}: ${ex.file} does not validate`);
  const mod = new WebAssembly.Module(bytes);
  const exports = WebAssembly.Module.exports(mod).map((e) => e.name);
  if (!exports.includes(ex.function)) throw new Error(`${ex.id}: ${ex.file} does not export ${ex.function} (it has ${exports.join(', ')})`);
  if (ex.kind === 'core' && ex.id !== 'loop' && ex.id !== 'trap') {
    const inst = new WebAssembly.Instance(mod, {});
    const f = /** @type {(...a: unknown[]) => unknown} */ (inst.exports[ex.function]);
    const params = (ex.args ?? []).map((a) => (ex.id === 'fac' ? BigInt(a) : Number(a)));
    console.log(`  ${ex.id}: ${ex.function}(${ex.args?.join(', ')}) = ${String(f(...params))}`);
  }
}

/** The manifest entry: what the app needs, no build details. */
/** @param {Example} ex */
function entry(ex) {
  const { copy, build: b, ...rest } = ex;
  const sources = [...new Set([...(copy ?? []).map(([, to]) => to), ...Object.values(b).flat().filter((x) => typeof x === 'string' && /\.(wat|wit|c|h)$/.test(x))])];
  if (ex.id === 'wasi-cli') sources.push('exit_code.h');
  return { ...rest, file: `${ex.id}/${ex.file}`, sources: sources.map((s) => `${ex.id}/${s}`), ...(ex.inputUrl ? { inputUrl: `${ex.id}/${ex.inputUrl}` } : {}) };
}

/** @type {Map<string, Uint8Array>} */
const outputs = new Map();
const enc = new TextEncoder();
try {
  for (const ex of EXAMPLES) {
    mkdirSync(path.join(OUT, ex.id), { recursive: true });
    // Sources first (a check run compares them too), then the module built from them.
    for (const [from, to] of ex.copy ?? []) {
      const bytes = new Uint8Array(readFileSync(path.join(ROOT, from)));
      outputs.set(`${ex.id}/${to}`, bytes);
      if (!CHECK_ONLY) copyFileSync(path.join(ROOT, from), src(ex, to));
    }
    if (CHECK_ONLY) for (const [from] of ex.copy ?? []) if (!existsSync(path.join(ROOT, from))) throw new Error(`${from} is missing`);
  }
  for (const ex of EXAMPLES) {
    const bytes = await build(ex);
    await check(ex, bytes);
    outputs.set(`${ex.id}/${ex.file}`, bytes);
  }
  outputs.set('extism-http/hello.txt', enc.encode('Hello from an allowed host!\n'));
  outputs.set('manifest.json', enc.encode(`${JSON.stringify({ version: 1, examples: EXAMPLES.map(entry) }, null, 2)}\n`));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

let stale = 0;
for (const [name, bytes] of outputs) {
  const file = path.join(OUT, name);
  if (CHECK_ONLY) {
    const same = existsSync(file) && Buffer.compare(readFileSync(file), Buffer.from(bytes)) === 0;
    if (!same) {
      stale++;
      console.log(`stale: public/examples/${name}`);
    }
  } else {
    writeFileSync(file, bytes);
    console.log(`${String(bytes.length).padStart(7)}  public/examples/${name}`);
  }
}
if (stale) process.exit(1);
