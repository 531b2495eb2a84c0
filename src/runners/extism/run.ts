/** Worker half of the Extism runner: our kernel (src/host/extism) + WASI, input bytes in, output bytes out. */
import { createExtismHost, EXTISM_ENV, ExtismError, type ExtismHost } from '../../host/extism';
import type { NetPolicy } from '../../host/net';
import { fetchAsync, fetchSync } from '../../host/net';
import { WasiExit, type WasiHost } from '../../host/wasi/host';
import type { RunError } from '../../model/errors';
import type { VfsChange } from '../../model/files';
import type { ConsoleStream, ExtismSettings } from '../../model/run';
import type { ImportEntry } from '../../wasm/types';
import { describeGuestError } from '../shared/guestErrors';
import { createGuestWasi, importsWasi, lineSplitter, mountRoot, wasiKey } from '../shared/guestWasi';
import { mergeImports, missingImportsError, unprovidedImports } from '../shared/imports';
import { EXTISM_PROVIDES } from '../shared/provides';
import { promising } from '../shared/jspi';
import type { BlockedReport, GuestContext, RunOutcome } from '../shared/outcome';
import { failure } from '../shared/outcome';
import { buildStubs } from '../shared/stubs';
import type { ExtismRunMessage } from './message';
import { instantiateLinked, PluginLinkError } from './pluginLinks';


/** One call, as the code below reads it: the message with its modules looked up. */
interface ExtismRun {
  moduleId: string;
  module: WebAssembly.Module;
  compileMs: number;
  imports: ImportEntry[];
  policy: ExtismRunMessage['imports'];
  func: string;
  input: Uint8Array;
  grants: ExtismRunMessage['grants'];
  freshInstance: boolean;
  options: ExtismSettings;
  wasi: ExtismRunMessage['wasi'];
  links: { name: string; module: WebAssembly.Module; imports: ImportEntry[] }[];
  console: GuestContext['console'];
  blocked(report: BlockedReport): void;
  fs(changes: VfsChange[]): void;
  flush(): void;
}

function toCall(message: ExtismRunMessage, ctx: GuestContext): ExtismRun | RunError {
  const links: ExtismRun['links'] = [];
  for (const link of message.links) {
    const prepared = ctx.lookup(link.moduleId);
    if (!prepared) return { code: 'internal', func: message.func, message: `The linked module "${link.name}" was not given to the sandbox. Load the manifest again.` };
    links.push({ name: link.name, module: prepared.module, imports: prepared.imports });
  }
  return {
    moduleId: ctx.moduleId,
    module: ctx.prepared.module,
    compileMs: ctx.prepared.compileMs,
    imports: ctx.prepared.imports,
    policy: message.imports,
    func: message.func,
    input: new Uint8Array(message.input ?? new ArrayBuffer(0)),
    grants: message.grants,
    freshInstance: message.freshInstance,
    options: message.settings,
    wasi: message.wasi,
    links,
    console: ctx.console,
    blocked: ctx.blocked,
    fs: ctx.fs,
    flush: ctx.flush,
  };
}

interface Live {
  instance: WebAssembly.Instance;
  host: ExtismHost;
  /** One WASI host per module that imports WASI (main and linked), sharing the mounted trees. */
  wasis: WasiHost[];
  /** The WASI settings it was made with: a kept instance is reused only under the same ones. */
  wasiKey: string;
  vars: Map<string, Uint8Array>;
  /** Where the current run's callbacks go; swapped per run when the instance is kept. */
  sink: { run: ExtismRun };
  call(name: string): Promise<unknown>;
}

// Instances kept between runs (memory persists, as with the SDKs' Plugin objects).
const live = new Map<string, Live>();
const MAX_HTTP_DEFAULT = 50 * 1024 * 1024;
const WASM_PAGE = 65536;

/** Run one plugin function. Never rejects: failures come back as a RunFailure. */
export async function runExtism(message: ExtismRunMessage, ctx: GuestContext): Promise<RunOutcome> {
  const run = toCall(message, ctx);
  if ('code' in run) return failure(run);
  const { func, compileMs } = run;
  let instantiateMs = 0;
  let plugin = run.freshInstance ? undefined : live.get(run.moduleId);
  if (plugin && plugin.wasiKey !== wasiKey(run.wasi)) plugin = undefined; // mounts or settings changed: start afresh
  if (plugin) {
    plugin.sink.run = run;
    // Same mounts, fresh contents: the volumes may have changed since the last call.
    const roots = run.wasi.mounts.map(mountRoot);
    for (const wasi of plugin.wasis) wasi.remount(roots);
  } else {
    const t0 = performance.now();
    const made = instantiate(run);
    instantiateMs = performance.now() - t0;
    if ('error' in made) return failure(made.error, { compileMs, instantiateMs });
    plugin = made;
    if (!run.freshInstance) live.set(run.moduleId, plugin);
  }

  const { host, vars } = plugin;
  vars.clear();
  for (const [k, v] of run.options.vars) vars.set(k, new Uint8Array(v));
  host.update({ config: run.options.config, logLevel: run.options.logLevel });
  host.reset(run.input);

  const t1 = performance.now();
  let rc: unknown;
  let thrown: unknown = null;
  try {
    rc = await plugin.call(func);
  } catch (err) {
    // proc_exit ends the call with its code, as the native runtime reads it: 0 is success.
    if (err instanceof WasiExit) rc = err.code;
    else thrown = err;
  }
  const callMs = performance.now() - t1;
  const timings = { compileMs, instantiateMs, callMs };
  // Files the plugin wrote are saved even when the call then failed, as for WASI programs.
  for (const wasi of plugin.wasis) wasi.flush(thrown !== null);
  const varsOut = [...vars].map(([k, v]): [string, ArrayBuffer] => [k, v.slice().buffer]);

  // The plugin's own message wins over whatever the unwinding threw (as in the native runtime).
  const pluginError = host.takeError();
  if (pluginError !== null || thrown !== null) {
    live.delete(run.moduleId); // a trapped instance is not safe to reuse
    const error: RunError =
      pluginError !== null
        ? { code: 'plugin', func, message: `${func} failed: ${pluginError}` }
        : thrown instanceof ExtismError
          ? { code: thrown.kind === 'memory' ? 'memory' : 'plugin', func, message: `${func} failed: ${thrown.message}` }
          : describeGuestError(thrown, func, 'call');
    const limit = run.options.maxPages;
    // Exactly at the cap: a memory that started above it was left uncapped (see limitMemory).
    if (limit !== undefined && memoryPages(plugin.instance) === limit) {
      // Most allocators trap or report failure when memory.grow returns -1: say why it did.
      error.code = 'memory';
      error.message += ` The plugin's memory is at its limit of ${limit} pages (${(limit * WASM_PAGE) / 1024} KiB, memory.max_pages in the manifest): it could not grow any further.`;
    }
    return { ok: false, timings, error, vars: varsOut };
  }
  if (typeof rc === 'number' && rc !== 0) {
    return { ok: false, timings, vars: varsOut, error: { code: 'plugin', func, message: `${func} returned non-zero exit code: ${rc}` } };
  }
  const output = host.takeOutput() ?? new Uint8Array(0);
  return { ok: true, values: [], timings, output: output.slice().buffer, vars: varsOut };
}

/**
 * Kernel blocks (input, output, copies of vars) are capped by maxKernelBytes, else by
 * memory.max_pages: that is all max_pages limits in the JS SDK, and the native runtime counts
 * them in the same budget as the plugin's memory.
 */
function kernelCap(options: ExtismSettings): { maxKernelBytes?: number } {
  if (options.maxKernelBytes !== undefined) return { maxKernelBytes: options.maxKernelBytes };
  return options.maxPages !== undefined ? { maxKernelBytes: options.maxPages * WASM_PAGE } : {};
}

/** WASI reactors are bound and `_initialize`d; others run `_initialize` if they have one; GHC's runtime starts with hs_init. */
function initialise(instance: WebAssembly.Instance, wasi: WasiHost | undefined): void {
  if (wasi) wasi.initialize(instance);
  else if (typeof instance.exports._initialize === 'function') (instance.exports._initialize as () => void)();
  if (typeof instance.exports.hs_init === 'function') (instance.exports.hs_init as (argc: number, argv: number) => void)(0, 0);
}

function memoryPages(instance: WebAssembly.Instance): number {
  const memory = instance.exports.memory;
  return memory instanceof WebAssembly.Memory ? memory.buffer.byteLength / WASM_PAGE : 0;
}

/** Forget kept instances of a module (e.g. on "Reset"). */
export function dropExtismInstance(moduleId: string): void {
  live.delete(moduleId);
}

function instantiate(run: ExtismRun): Live | { error: RunError } {
  const sink = { run };
  const policy: NetPolicy = {
    allowlist: run.grants.hosts,
    maxResponseBytes: run.options.maxHttpResponseBytes ?? MAX_HTTP_DEFAULT,
    onBlocked: (host, url) => sink.run.blocked({ capability: 'network', target: host, detail: `http_request to ${url}` }),
  };
  // The policy reads the current run's grants, so a kept instance sees newly allowed hosts.
  Object.defineProperty(policy, 'allowlist', { get: () => sink.run.grants.hosts });
  const vars = new Map<string, Uint8Array>();
  const host = createExtismHost({
    vars,
    config: run.options.config,
    logLevel: run.options.logLevel,
    log: (level, text) => sink.run.console('log', text, level),
    jspi: run.options.httpMode === 'auto',
    exposeHeaders: run.options.exposeHeaders,
    http: {
      request: (req, body) => fetchSync({ ...req, body }, policy),
      requestAsync: (req, body) => fetchAsync({ ...req, body }, policy),
    },
    ...(run.options.maxVarBytes !== undefined ? { maxVarBytes: run.options.maxVarBytes } : {}),
    ...kernelCap(run.options),
    ...(run.options.maxHttpResponseBytes !== undefined ? { maxHttpResponseBytes: run.options.maxHttpResponseBytes } : {}),
  });

  const stdout = lineSplitter((line) => sink.run.console('stdout', line));
  const stderr = lineSplitter((line) => sink.run.console('stderr', line));
  const io = {
    stdout: stdout.push,
    stderr: stderr.push,
    console: (stream: ConsoleStream, text: string) => sink.run.console(stream, text),
    blocked: (report: BlockedReport) => sink.run.blocked(report),
    fs: (changes: VfsChange[]) => sink.run.fs(changes),
    beforeBlock: () => sink.run.flush(),
  };
  const roots = run.wasi.mounts.map(mountRoot);
  // Each module that imports WASI gets its own host (bound to its own memory), as in the JS SDK:
  // index i for links[i], the last for the main module.
  const modules = [...run.links.map((l) => l.module), run.module];
  const wasiOf = modules.map((m) => (importsWasi(m) ? createGuestWasi(run.wasi, new Uint8Array(0), io, roots) : undefined));
  const linkedNames = new Set(run.links.map((l) => l.name));
  const missing = [run.imports, ...run.links.map((l) => l.imports)].flatMap((list) => unprovidedImports(list, EXTISM_PROVIDES, linkedNames));
  if (missing.length > 0 && run.policy === 'fail') return { error: missingImportsError(missing, run.func, 'plugin') };
  const stubs = buildStubs(missing, { line: (text) => sink.run.console('stub', text) });
  const base = (i: number): WebAssembly.Imports => mergeImports(stubs.imports, wasiOf[i]?.imports ?? {}, { [EXTISM_ENV]: host.imports });

  let instance: WebAssembly.Instance;
  try {
    const linked = instantiateLinked(run.module, run.links, base);
    instance = linked.main;
    // Initialise once everything exists (a cycle may call across): linked modules first, then main.
    [...linked.links.map((l) => l.instance), instance].forEach((inst, i) => initialise(inst, wasiOf[i]));
  } catch (err) {
    if (err instanceof PluginLinkError) return { error: { code: 'link', func: run.func, message: err.message } };
    return { error: describeGuestError(err, run.func, 'instantiate') };
  }

  // Only http_request suspends: a plugin that can't call it skips JSPI's stack switch on every call.
  const suspends = host.suspending && modules.some((m) => WebAssembly.Module.imports(m).some((i) => i.module === EXTISM_ENV && i.name === 'http_request'));
  const entries = new Map<string, (() => Promise<unknown>) | undefined>();
  const call = async (name: string): Promise<unknown> => {
    const fn = instance.exports[name];
    if (typeof fn !== 'function') throw new Error(`The plugin has no function "${name}".`);
    try {
      // With JSPI the export must be entered through promising() so http_request can suspend.
      if (suspends && !entries.has(name)) entries.set(name, promising(fn as (...args: unknown[]) => unknown));
      const entered = suspends ? entries.get(name) : undefined;
      return entered ? await entered() : (fn as () => unknown)();
    } finally {
      stdout.end();
      stderr.end();
    }
  };
  return { instance, host, wasis: wasiOf.filter((w): w is WasiHost => w !== undefined), wasiKey: wasiKey(run.wasi), vars, sink, call };
}
