/**
 * The page half of a runner: everything that differs per module kind (DESIGN.md §3, STYLE.md §13).
 * The engine, the stores and the UI ask the registry for a Runner; none tests a kind by name.
 */
import type { RunError } from '../model/errors';
import type { LoadedModule } from '../model/module';
import type { RunResult } from '../model/result';
import type { FileEntry, ImportPolicy, LogLevel, MountRequest, MountSpec } from '../model/run';
import type { ArgInput, WitValue } from '../model/values';
import type { HostResponse } from '../model/wapc';
import type { RunMessageOf } from './messages';
import type { ProvidedImports } from './shared/imports';
import type { RunOutcome } from './shared/outcome';
import type { IncomingRequestSpec } from './component/message';
import type { ExportEntry, ImportEntry, ModuleAnalysis, ModuleKind, ValType } from '../wasm/types';
import type { WitFunction } from '../wasm/wit/types';

/** A function the runner can call, as the Function picker lists it. */
export interface Callable {
  name: string;
  /** What the picker shows when it differs from `name` (a component function within its group). */
  label?: string;
  /** The signature after the name, e.g. `(i32, i32) -> i32`; '' when the runner has no signature to show. */
  signature: string;
  /** Typed parameters for the argument form; null when the function takes input bytes (or nothing). */
  params: ValType[] | null;
  /** Why it can't be called from the form, when it can't. */
  disabled?: string;
  /** ABI internals (`_initialize`, `cabi_realloc`, …): listed only under "Show all". */
  internal?: boolean;
  /** The picker's group heading: a component's interface (`docs:adder/add@0.1.0`), or its resource within one. */
  group?: string;
  /** A component function's WIT signature: the form is built from it (then `params` is null). */
  wit?: WitFunction;
}

/** Which parts of the setup a kind uses: the UI shows those panels, the request carries those fields. */
export interface RunnerUses {
  /** Typed arguments per signature. */
  args: boolean;
  /** Input bytes (Extism input, WASI stdin). */
  input: boolean;
  /** argv, env, deterministic mode. */
  wasi: boolean;
  /** Extism config, log level, vars, fresh instance. */
  plugin: boolean;
  /** waPC: the Operation field (the function is the operation) and the host responses table. */
  operation?: boolean;
}

/** A run request with every default applied, once, by the engine (STYLE.md §12). */
export interface RunSpec {
  runId: number;
  func: string;
  args: ArgInput[];
  /** The request's `args` as given: WIT values for components (null when none were given). */
  witArgs: WitValue[] | null;
  /** Components: arguments as JSON texts (the form, share links). */
  argsJson?: string[];
  imports: ImportPolicy;
  timeoutMs: number;
  repeat: number;
  input: Uint8Array;
  hosts: string[];
  outputMime?: string;
  config: Record<string, string>;
  logLevel: LogLevel;
  freshInstance: boolean;
  httpMode: 'auto' | 'sync';
  exposeHeaders: boolean;
  maxVarBytes?: number;
  maxKernelBytes?: number;
  maxPages?: number;
  maxHttpResponseBytes?: number;
  /** WASI arguments after the program name. */
  argv: string[];
  env: [string, string][];
  files?: { guestPath: string; entries: FileEntry[] };
  mounts: MountRequest[];
  deterministic?: { seed: string; epochMs: number };
  watchUnmounted: boolean;
  /** Components: drop the kept instance and keep the new one ("Reset instance"). */
  resetInstance: boolean;
  /** wasi:http/incoming-handler#handle: the request to send. */
  request?: IncomingRequestSpec;
  /** waPC guests: answers to host calls. */
  hostResponses: HostResponse[];
}

/** What the engine lends a runner while it builds a message. */
export interface RunnerServices {
  /** Snapshots of stored directories to mount (rejects with a user-facing Error). */
  snapshot(mounts: MountRequest[]): Promise<MountSpec[]>;
  /** The sandbox id of a copy of `moduleId` with memories capped at `maxPages`, or why it can't be made. */
  limited(moduleId: string, maxPages: number): Promise<string | { message: string }>;
  /** Resolves when component `moduleId` is transpiled and prepared in the sandbox, or says why it can't be. */
  component(moduleId: string): Promise<{ ok: true } | { ok: false; message: string }>;
}

/** A message ready for the sandbox, with what the engine needs to follow the run. */
export interface BuiltRun<K extends ModuleKind = ModuleKind> {
  /** The prepared module to run (a capped copy may replace the loaded one). */
  moduleId: string;
  message: RunMessageOf<K>;
  /** Stored mounts the run writes to: their durable changes are persisted. */
  mounts: MountSpec[];
}

/** Result fields a kind adds to the common ones. */
export type ResultExtras = Pick<RunResult, 'output' | 'vars' | 'exitCode' | 'stdout' | 'stderr' | 'value' | 'response'>;

export interface Runner<K extends ModuleKind = ModuleKind> {
  kind: K;
  /** "Extism plugin", "WASI p1 command", … */
  label: string;
  /** Offered in "Run as" for core modules. */
  runAs: boolean;
  /** Whether a core module looks like this kind; the registry asks in order, core last. */
  detect(imports: readonly ImportEntry[], exports: readonly ExportEntry[]): boolean;
  /** Imports this runner's host provides (module → names); the rest must be linked or stubbed. */
  provides: ProvidedImports;
  uses: RunnerUses;
  /** When what it uses depends on the module or the function (a wasi:cli command vs. a component's typed export). */
  usesFor?(analysis: ModuleAnalysis, func: string | null): RunnerUses;
  /** Functions it can call, in the order to list them. */
  callables(analysis: ModuleAnalysis): Callable[];
  /** The function to select first. */
  defaultFunc(analysis: ModuleAnalysis): string | null;
  /** The sandbox message for a request, or why it can't run. */
  build(spec: RunSpec, module: LoadedModule, services: RunnerServices): Promise<BuiltRun<K> | RunError>;
  /** The fields this kind adds to the result. */
  result(outcome: RunOutcome, spec: RunSpec, module: LoadedModule): ResultExtras;
}
