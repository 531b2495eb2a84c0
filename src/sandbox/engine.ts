/**
 * The engine: load and run modules, with no UI. The app, `window.wasmPlayground` and the
 * embed API all call this (DESIGN.md §9), so what the API does, the UI does.
 */
import type { LoadError, RunError } from '../model/errors';
import type { VfsChange } from '../model/files';
import type { MountSpec } from '../model/run';
import { runnerFor } from '../runners/registry';
import { jspiPlan } from '../runners/component/jspi';
import type { Decoded } from '../share/codec';
import type { UnzipResult } from '../host/fs/unzip';
import type { RunnerServices } from '../runners/types';
import type { AnalyserClient, AnalyserOutcome } from './AnalyserClient';
import type { ConsoleLine, LoadedModule, LoadProgress, ModuleSource, RunRequest, RunResult } from './api';
import { LoadFailure } from './api';
import type { FsPort } from './fsPort';
import type { LibraryPort } from './libraryPort';
import { loadManifest } from './manifestLoader';
import { clampTimeoutMs } from '../util/timeout';
import { toRunSpec } from './runSpec';
import { SaveQueue } from './saveQueue';
import { CONSOLE_KEEP, LineWindow } from './lineWindow';
import type { SandboxClient, StreamedEvent } from './SandboxClient';
import type { ClaimsReport } from '../wasm/claims/types';
import type { CheckReport } from '../wasm/checks/types';
import { checkedModuleOf, hasClaimsSection } from '../wasm/checks/checkedModule';

export { DEFAULT_TIMEOUT_MS } from './runSpec';

export interface LoadOptions {
  onProgress?: (progress: LoadProgress) => void;
  /** Keep the module in the IndexedDB library (the UI does; API callers opt in). */
  remember?: boolean;
}

/** Where a component's transpiled code stands (the Inspector shows it; tests read it). */
export type ComponentStatus =
  | { state: 'transpiling' }
  | { state: 'ready'; from: 'cache' | 'jco'; transpileMs: number; compileMs: number; jspi: boolean }
  | { state: 'failed'; error: LoadError };

export interface RunOptions {
  onConsole?: (line: ConsoleLine) => void;
}

interface Held {
  info: LoadedModule;
  bytes: Uint8Array;
  module?: WebAssembly.Module;
}

export class Engine {
  private readonly held = new Map<string, Held>();
  /** Memory-capped copies prepared in the sandbox, by "<id>#max_pages=<n>". */
  private readonly limitedIds = new Map<string, Promise<string | { message: string }>>();
  /** Components being transpiled or ready in the sandbox, by id. */
  private readonly components = new Map<string, Promise<ComponentStatus>>();
  private readonly componentStates = new Map<string, ComponentStatus>();
  private readonly componentListeners = new Set<(id: string, status: ComponentStatus) => void>();
  private nextRunId = 1;
  private readonly saves: SaveQueue;

  constructor(
    private readonly analyser: AnalyserClient,
    private readonly sandbox: SandboxClient,
    private readonly library: LibraryPort,
    private readonly fs: FsPort,
  ) {
    this.saves = new SaveQueue(fs);
  }

  /** Load a module from a URL, bytes, or an id (memory, then library). Throws LoadFailure. */
  async load(source: ModuleSource, options: LoadOptions = {}): Promise<LoadedModule> {
    if ('id' in source) return this.loadById(source.id, options);
    if ('manifest' in source) {
      const info = await loadManifest(source.manifest, source.baseUrl, (s) => this.load(s, { ...options, remember: false }));
      const held = this.held.get(info.id);
      if (held) held.info = info;
      if (options.remember && held) void this.library.touch(info, { bytes: held.bytes });
      return info;
    }
    if ('url' in source) {
      const url = source.url;
      const outcome = await this.analyser.fetch(url, (received, total) => options.onProgress?.({ received, total }), options.remember);
      if (!outcome.ok) throw new LoadFailure(outcome.error);
      const bytes = new Uint8Array(outcome.value.bytes ?? new ArrayBuffer(0));
      return this.admit(outcome, bytes, nameFromUrl(url), url, options);
    }
    const bytes = source.bytes instanceof Uint8Array ? source.bytes : new Uint8Array(source.bytes);
    // The analyser takes the buffer itself when the caller gave it up (and sends it back), else a
    // copy; we keep ours for share links. With `remember` it also stores them in the library.
    const whole = source.transfer === true && bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const outcome = await this.analyser.analyse(whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer, { giveBack: whole, keep: options.remember === true });
    if (!outcome.ok) throw new LoadFailure(outcome.error);
    const ours = whole && outcome.value.bytes ? new Uint8Array(outcome.value.bytes) : bytes;
    return this.admit(outcome, ours, source.name ?? 'module.wasm', undefined, options);
  }

  /** Unpack a .zip off the main thread (Files panel, `files.zip` in a run request). */
  unzip(bytes: Uint8Array, onProgress?: (read: number, total: number) => void): Promise<UnzipResult> {
    return this.analyser.unzip(bytes.slice().buffer, onProgress);
  }

  /** Decode a share link's hash off the main thread (a hostile link cannot freeze the page). */
  decodeShareLink(hash: string): Promise<Decoded | undefined> {
    return this.analyser.decodeShare(hash);
  }

  /** A loaded module's info, if held in memory. */
  get(id: string): LoadedModule | undefined {
    return this.held.get(id)?.info;
  }

  /** A loaded module's bytes (a copy-free view; do not transfer it). */
  bytesOf(id: string): Uint8Array | undefined {
    return this.held.get(id)?.bytes;
  }

  /** A module's wascap claims, verified in the analyser worker; null when it has no claims section. Throws LoadFailure. */
  async claims(module: RunRequest['module']): Promise<ClaimsReport | null> {
    const held = await this.resolve(module);
    if (!hasClaimsSection(held.info.analysis)) return null;
    return this.analyser.claims(held.bytes.slice().buffer, Date.now());
  }

  /** Check a module against a check file (Modsurfer's YAML), parsed in the analyser worker. Throws LoadFailure. */
  async check(module: RunRequest['module'], checkFile: string): Promise<CheckReport> {
    const held = await this.resolve(module);
    return this.analyser.check(checkedModuleOf(held.info.analysis, held.bytes.length), checkFile);
  }

  /** Run an export. Never throws for guest or input errors: they come back as status "error". */
  async run(request: RunRequest, options: RunOptions = {}): Promise<RunResult> {
    const started = performance.now();
    const runId = this.nextRunId++;
    const func = request.func;
    const fail = (error: RunError): RunResult => ({ runId, status: 'error', func, values: [], error, timings: {}, wallMs: performance.now() - started, console: [] });

    let held: Held;
    try {
      held = await this.resolve(request.module);
    } catch (err) {
      if (err instanceof LoadFailure) return fail({ code: 'internal', func, message: `${err.loadError.title} ${err.loadError.detail}` });
      throw err;
    }
    const { info } = held;
    if (request.timeoutMs !== undefined) {
      const timeout = clampTimeoutMs(request.timeoutMs);
      if (!timeout.ok) return fail({ code: 'bad-args', func, message: `timeoutMs: ${timeout.message}` });
    }
    if (request.files && 'zip' in request.files) {
      const zip = request.files.zip;
      const unzipped = await this.unzip(zip instanceof Uint8Array ? zip : new Uint8Array(zip));
      if (!unzipped.ok) return fail({ code: 'bad-args', func, message: `files.zip: ${unzipped.error}` });
      const entries = unzipped.files.map((f) => (f.kind === 'dir' ? { path: f.path, kind: 'dir' as const } : { path: f.path, data: f.data ?? new Uint8Array(0) }));
      request = { ...request, files: { guestPath: request.files.guestPath, entries } };
    }
    const spec = toRunSpec(request, runId, info);
    const runner = runnerFor(request.runAs ?? info.analysis.kind);
    let built;
    try {
      built = await runner.build(spec, info, this.services);
    } catch (err) {
      return fail({ code: 'internal', func, message: err instanceof Error ? err.message : String(err) });
    }
    if ('code' in built) return fail(built);
    const stored = built.mounts;

    const emit = (line: ConsoleLine) => {
      kept.push(line);
      options.onConsole?.(line);
    };
    // The result keeps the last CONSOLE_KEEP lines; the rest are counted.
    const kept = new LineWindow(CONSOLE_KEEP);
    const fsChanges: VfsChange[] = [];
    const saveError = (message: string) => emit({ stream: 'stderr', text: message, at: performance.now() - started });
    const onEvent = (event: StreamedEvent) => {
      const at = performance.now() - started;
      switch (event.type) {
        case 'console':
          for (const item of event.items) {
            emit(item.stream === 'blocked' ? { stream: 'blocked', text: item.text, at, target: item.target, capability: item.capability } : { stream: item.stream, text: item.text, at, ...(item.level ? { level: item.level } : {}) });
          }
          if (event.dropped > 0) emit({ stream: 'dropped', text: `${event.dropped} line${event.dropped === 1 ? '' : 's'} dropped: the guest printed faster than the page shows (the whole stdout is in Output).`, at, count: event.dropped });
          return;
        case 'fs': {
          fsChanges.push(...event.changes);
          // Saved in order as they become durable, so a later Stop loses nothing closed.
          const byMount = new Map<MountSpec, VfsChange[]>();
          for (const change of event.changes) {
            const mount = stored.find((m) => m.guestPath === change.mount);
            if (mount) byMount.set(mount, [...(byMount.get(mount) ?? []), change]); // fresh API volumes are only reported
          }
          for (const [mount, changes] of byMount) this.saves.add(mount, changes, saveError);
          return;
        }
      }
    };

    const outcome = await this.sandbox.run({ moduleId: built.moduleId, func, message: built.message }, spec.timeoutMs, onEvent);
    // A run that ended by itself answers once its files are saved; a stopped one answers at once
    // and its files are saved behind it ("saving N files…").
    const ended = !outcome.ok && (outcome.error.code === 'stopped' || outcome.error.code === 'timeout' || outcome.error.code === 'crash');
    if (!ended) await this.saves.idle();
    const lines = kept.lines();
    const extras = { ...runner.result(outcome, spec, info), ...(fsChanges.length ? { fsChanges } : {}), ...(kept.dropped ? { consoleDropped: kept.dropped } : {}) };
    const wallMs = performance.now() - started;
    if (outcome.ok) return { runId, status: 'ok', func, values: outcome.values, timings: outcome.timings, wallMs, console: lines, ...extras };
    const stopped = outcome.error.code === 'stopped' || outcome.error.code === 'timeout';
    return { runId, status: stopped ? 'stopped' : 'error', func, values: [], error: outcome.error, timings: outcome.timings, wallMs, console: lines, ...extras };
  }

  /** Files waiting to be saved, now and whenever that changes (the UI's "saving N files…"). */
  onSaving(listener: (files: number) => void): () => void {
    listener(this.saves.files);
    return this.saves.subscribe(listener);
  }

  /** Resolves when every durable change so far is saved (tests, and a page about to reload). */
  whenSaved(): Promise<void> {
    return this.saves.idle();
  }

  /** What runners may ask of the engine while they build a run. */
  private readonly services: RunnerServices = {
    snapshot: (mounts) => Promise.all(mounts.map((m) => this.fs.snapshot(m))),
    limited: (id, maxPages) => this.limited(id, maxPages),
    component: async (id) => {
      const held = this.held.get(id);
      if (!held) return { ok: false, message: `Component ${id.slice(0, 12)}… is no longer loaded. Load it again.` };
      const status = await this.prepareComponent(id, held.bytes);
      return status.state === 'ready' ? { ok: true } : { ok: false, message: status.state === 'failed' ? `${status.error.title} ${status.error.detail}` : 'The component is still being transpiled.' };
    },
  };

  /** A component's transpile state, if it was loaded. */
  componentStatus(id: string): ComponentStatus | undefined {
    return this.componentStates.get(id);
  }

  /** Told each time a component's transpile state changes. */
  onComponentStatus(listener: (id: string, status: ComponentStatus) => void): () => void {
    this.componentListeners.add(listener);
    return () => this.componentListeners.delete(listener);
  }

  /**
   * Transpile a component with jco in the analyser worker (or read its cached output) and hand the
   * bindings to the sandbox; once per component. Started at load, so Run usually finds it ready.
   */
  private prepareComponent(id: string, bytes: Uint8Array): Promise<ComponentStatus> {
    let pending = this.components.get(id);
    if (pending) return pending;
    const report = (status: ComponentStatus) => {
      this.componentStates.set(id, status);
      for (const listener of this.componentListeners) listener(id, status);
      return status;
    };
    report({ state: 'transpiling' });
    const analysis = this.held.get(id)?.info.analysis;
    const plan = analysis?.format === 'component' && analysis.world ? jspiPlan(analysis.world) : null;
    pending = this.analyser.transpile(id, bytes.slice().buffer, plan).then((outcome): ComponentStatus => {
      if (!outcome.ok) {
        this.components.delete(id); // a later run may try again (a network failure loading jco)
        return report({ state: 'failed', error: outcome.error });
      }
      const { js, cores, compileMs, transpileMs, from, jspi } = outcome.value;
      this.sandbox.prepare({ type: 'prepare-component', moduleId: id, js, cores, compileMs, jspi });
      return report({ state: 'ready', from, transpileMs, compileMs, jspi });
    });
    this.components.set(id, pending);
    return pending;
  }

  /**
   * The sandbox id of a copy of module `id` whose memories are capped at `maxPages`, compiled
   * (off the main thread) on first use; or why it can't be made.
   */
  private limited(id: string, maxPages: number): Promise<string | { message: string }> {
    const key = `${id}#max_pages=${maxPages}`;
    let pending = this.limitedIds.get(key);
    if (!pending) {
      const held = this.held.get(id);
      pending = !held
        ? Promise.resolve({ message: `Module ${id.slice(0, 12)}… is no longer loaded. Load it again.` })
        : this.analyser.limit(held.bytes.slice().buffer, maxPages).then((outcome) => {
            if (!outcome.ok) {
              this.limitedIds.delete(key); // a later load may fix it
              return { message: `${held.info.name}: ${outcome.error.title} ${outcome.error.detail}` };
            }
            const { module, compileMs } = outcome.value;
            this.sandbox.prepare({ type: 'prepare', moduleId: key, module, compileMs, imports: held.info.analysis.format === 'core' ? held.info.analysis.imports : [] });
            return key;
          });
      this.limitedIds.set(key, pending);
    }
    return pending;
  }

  /** Stop the active run, if any. */
  stop(): boolean {
    return this.sandbox.stop();
  }

  private async resolve(module: RunRequest['module']): Promise<Held> {
    const id = typeof module === 'string' ? module : 'id' in module ? module.id : undefined;
    const cached = id ? this.held.get(id) : undefined;
    if (cached) return cached;
    const info = await this.load(typeof module === 'string' ? { id: module } : module);
    const held = this.held.get(info.id);
    if (!held) throw new Error('module vanished after load');
    return held;
  }

  private async loadById(id: string, options: LoadOptions): Promise<LoadedModule> {
    const cached = this.held.get(id);
    if (cached) {
      if (options.remember) void this.library.touch(cached.info, { bytes: cached.bytes });
      return cached.info;
    }
    // The analyser reads the bytes from IndexedDB itself: megabytes never cross the page twice.
    const [entry, outcome] = await Promise.all([this.library.entry(id), this.analyser.open(id)]);
    if (!entry) {
      throw new LoadFailure({ code: 'not-found', title: `No module with id ${id.slice(0, 12)}… is loaded or in the library.`, detail: 'Load it again from its file or URL.' });
    }
    if (!outcome.ok) throw new LoadFailure(outcome.error);
    const bytes = new Uint8Array(outcome.value.bytes ?? new ArrayBuffer(0));
    return this.admit(outcome, bytes, entry.name, entry.sourceUrl, { ...options, stored: true });
  }

  private admit(outcome: Extract<AnalyserOutcome, { ok: true }>, bytes: Uint8Array, name: string, sourceUrl: string | undefined, options: LoadOptions & { stored?: boolean }): LoadedModule {
    const { sha256, analysis, module, compileMs, parseMs } = outcome.value;
    const info: LoadedModule = { id: sha256, name, size: bytes.length, analysis, compileMs, parseMs, ...(sourceUrl ? { sourceUrl } : {}) };
    this.held.set(sha256, { info, bytes, module });
    if (module && analysis.format === 'core') {
      this.sandbox.prepare({ type: 'prepare', moduleId: sha256, module, compileMs, imports: analysis.imports });
    }
    if (analysis.format === 'component' && analysis.world) void this.prepareComponent(sha256, bytes);
    if (options.remember) {
      // Stored already (opened from the library), kept by the analyser, or written from here.
      const saved = options.stored ? { kept: Promise.resolve({}) } : outcome.kept ? { kept: outcome.kept } : { bytes };
      void this.library.touch(info, saved);
    }
    return info;
  }
}

function nameFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : 'module.wasm';
  } catch {
    return 'module.wasm';
  }
}
