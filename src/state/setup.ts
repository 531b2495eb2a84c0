/**
 * One snapshot of what the user set up, gathered from the stores in one place, and one way to
 * apply one back (a share link, later examples and lessons). Runs and share links both start here.
 */
import type { RunRequest } from '../sandbox/api';
import type { MountRequest } from '../model/run';
import type { Callable, Runner } from '../runners/types';
import type { ModuleAnalysis, ModuleKind } from '../wasm/types';
import { usesOf } from '../runners/registry';
import { useCapabilities } from './capabilitiesStore';
import { fieldErrorsOf, useComponent } from './componentStore';
import { draftOf, incomingRequestOf, isIncomingHandler, useHttpRequest } from './httpRequestStore';
import type { HttpRequestDraft } from './httpRequestStore';
import { inputBytes, useInput } from './inputStore';
import { selectRunner, useModule } from './moduleStore';
import { useOutput } from './outputStore';
import { configRecord, usePlugin } from './pluginStore';
import { useSettings } from './settingsStore';
import { argvOf, useWasi } from './wasiStore';
import { hostResponseRows, useWapc, type WapcState } from './wapcStore';
import { jsonToMsgpack } from '../output/msgpackEncode';
import { argsTextError } from './witArgs';

export interface Setup {
  moduleId: string;
  runAs: ModuleKind | null;
  func: string | null;
  /** Argument texts of the selected function, as typed. */
  args: string[];
  stubImports: boolean;
  input: { text: string; file: { name: string; bytes: Uint8Array } | null; mime: string };
  outputMime: string | null;
  config: Record<string, string>;
  logLevel: ReturnType<typeof usePlugin.getState>['logLevel'];
  freshInstance: boolean;
  /** Components: drop the kept instance before this run ("Reset instance"). */
  resetInstance: boolean;
  /** Components: errors the argument fields know of that their texts can't carry (bytes that are not hex). */
  argErrors: (string | undefined)[];
  /** A wasi:http incoming handler's Request form. */
  httpRequest: HttpRequestDraft;
  /** argv after the program name, or why the Arguments field can't be read. */
  argv: { ok: true; argv: string[] } | { ok: false; message: string };
  env: [string, string][];
  deterministic: { seed: string } | false;
  timeoutMs: number;
  hosts: string[];
  mounts: MountRequest[];
  /** waPC guests: the Operation, the MessagePack switch and the host responses table. */
  wapc?: Pick<WapcState, 'operation' | 'msgpackInput' | 'hostResponses'>;
}

/** The current setup, or null when no module is loaded. */
export function captureSetup(): Setup | null {
  const { current, runAs, func, argsByFunc, stubImports } = useModule.getState();
  if (!current) return null;
  const input = useInput.getState();
  const plugin = usePlugin.getState();
  const wasi = useWasi.getState();
  const caps = useCapabilities.getState();
  const component = useComponent.getState();
  const isComponent = current.analysis.format === 'component';
  return {
    moduleId: current.id,
    runAs,
    func,
    args: (func && argsByFunc[func]) || [],
    stubImports,
    input: { text: input.text, file: input.file, mime: input.mime },
    outputMime: useOutput.getState().override,
    config: configRecord(plugin.config),
    logLevel: plugin.logLevel,
    freshInstance: isComponent ? component.freshInstance : plugin.freshInstance,
    resetInstance: isComponent && component.resetNext,
    argErrors: func ? fieldErrorsOf(component.fieldErrors, func, (argsByFunc[func] ?? []).length) : [],
    httpRequest: draftOf(useHttpRequest.getState()),
    argv: argvOf(wasi),
    env: wasi.env.filter(([k]) => k.trim() !== ''),
    deterministic: wasi.deterministic ? { seed: wasi.seed } : false,
    timeoutMs: useSettings.getState().timeoutMs,
    hosts: caps.hosts,
    mounts: caps.mounts,
    wapc: pickWapc(useWapc.getState()),
  };
}

const pickWapc = ({ operation, msgpackInput, hostResponses }: WapcState): NonNullable<Setup['wapc']> => ({ operation, msgpackInput, hostResponses });

/** A waPC run's operation, payload and host responses from the setup, or what is wrong with them. */
function wapcFields(setup: Setup): { ok: true; fields: Pick<RunRequest, 'func' | 'input' | 'hostResponses' | 'freshInstance'> } | { ok: false; message: string } {
  const wapc = setup.wapc ?? { operation: '', msgpackInput: false, hostResponses: [] };
  const operation = wapc.operation.trim();
  if (operation === '') return { ok: false, message: 'Enter the waPC operation to run in the Operation field (e.g. "echo").' };
  const rows = hostResponseRows(wapc.hostResponses);
  if (!rows.ok) return rows;
  let input = inputBytes(setup.input);
  if (wapc.msgpackInput) {
    const encoded = jsonToMsgpack(setup.input.file ? new TextDecoder().decode(setup.input.file.bytes) : setup.input.text);
    if (!encoded.ok) return { ok: false, message: `The input is ${encoded.message}. Turn off "Encode input as MessagePack" to send it as it is.` };
    input = encoded.bytes;
  }
  return { ok: true, fields: { func: operation, input, hostResponses: rows.rows, freshInstance: setup.freshInstance } };
}

/**
 * The run request for a setup, with the fields its runner uses; or what is wrong with it.
 * `callable` is the selected function: its typed parameters pick the fields (untouched fields
 * count as empty, so the error names the field instead of the count).
 */
export function runRequestOf(setup: Setup, runner: Runner, callable: Callable | undefined, analysis?: ModuleAnalysis): { ok: true; request: RunRequest } | { ok: false; message: string } {
  const func = setup.func ?? '';
  const uses = usesOf(runner, analysis, func);
  if (uses.wasi && !setup.argv.ok) return { ok: false, message: `The Arguments field can't be read: ${setup.argv.message}` };
  const wit = uses.args ? callable?.wit : undefined;
  if (wit) {
    // The same messages the fields show; types deeper than a field are checked by the runner.
    const argError = argsTextError(wit.params.map((p) => p.type), setup.args, setup.argErrors);
    if (argError) return { ok: false, message: argError };
  }
  const incoming = isIncomingHandler(func) ? incomingRequestOf(setup.httpRequest) : null;
  if (incoming && !incoming.ok) return incoming;
  const wapc = uses.operation ? wapcFields(setup) : null;
  if (wapc && !wapc.ok) return wapc;
  const request: RunRequest = {
    module: setup.moduleId,
    func,
    imports: setup.stubImports ? 'stub' : 'fail',
    timeoutMs: setup.timeoutMs,
    allowedHosts: setup.hosts,
    // Used by runners that give guests files (WASI programs, plugins that import WASI).
    mounts: setup.mounts,
    ...(setup.runAs ? { runAs: setup.runAs } : {}),
    ...(uses.args && callable?.params ? { args: callable.params.map((_, i) => setup.args[i] ?? '') } : {}),
    // WIT-typed arguments go as the form's JSON texts; the runner checks them against the types.
    ...(wit ? { argsJson: wit.params.map((_, i) => setup.args[i] ?? ''), freshInstance: setup.freshInstance, ...(setup.resetInstance ? { resetInstance: true } : {}) } : {}),
    ...(incoming?.ok ? { request: incoming.request } : {}),
    ...(uses.input ? { input: inputBytes(setup.input) } : {}),
    ...(uses.plugin ? { config: setup.config, logLevel: setup.logLevel, freshInstance: setup.freshInstance } : {}),
    ...(uses.wasi && setup.argv.ok ? { argv: setup.argv.argv, env: setup.env, deterministic: setup.deterministic } : {}),
    // waPC: the function is the operation, the input may be MessagePack from JSON.
    ...(wapc?.ok ? wapc.fields : {}),
  };
  return { ok: true, request };
}

/** Settings to apply over the current ones (a share link's, an example's). Absent fields are left alone. */
export interface SetupPatch {
  runAs?: ModuleKind;
  func?: string;
  args?: string[];
  stubImports?: boolean;
  input?: { mime: string; text?: string; bytes?: Uint8Array };
  outputMime?: string;
  config?: Record<string, string>;
  argv?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Apply a patch to the stores, each field on its own (one bad field does not stop the others). */
export function applySetup(patch: SetupPatch): void {
  const modules = useModule.getState();
  if (patch.runAs) modules.setRunAs(patch.runAs);
  // Only a function the runner can call is selected; otherwise the runner's default stays.
  const state = useModule.getState();
  const callable = patch.func !== undefined && state.current !== null && (selectRunner(state)?.callables(state.current.analysis).some((c) => c.name === patch.func) ?? false);
  if (patch.func && callable) useModule.getState().selectFunc(patch.func);
  if (patch.func && callable && patch.args) useModule.getState().setArgs(patch.func, patch.args);
  useModule.getState().setStubImports(patch.stubImports ?? false);
  if (patch.input) {
    const input = useInput.getState();
    input.setMime(patch.input.mime);
    if (patch.input.bytes) input.setFile({ name: 'input', bytes: patch.input.bytes });
    else input.setText(patch.input.text ?? '');
  }
  if (patch.outputMime) useOutput.getState().setOverride(patch.outputMime);
  if (patch.config) usePlugin.getState().setConfig(patch.config);
  if (patch.argv) useWasi.getState().setArgvText(patch.argv.map(quoteArg).join(' '));
  if (patch.env) useWasi.getState().setEnv(Object.entries(patch.env));
  if (patch.timeoutMs) useSettings.getState().setTimeoutMs(patch.timeoutMs);
}

/** Quote an argument so the Arguments field splits it back the same way. */
export function quoteArg(arg: string): string {
  return arg === '' || /[\s"'\\]/.test(arg) ? `'${arg.replace(/'/g, `'\\''`)}'` : arg;
}
