/** The sandbox message for a component call (types only). */
import type { Grants, ImportPolicy, WasiSettings } from '../../model/run';
import type { WitValue } from '../../model/values';
import type { WitFunction, WitInterface } from '../../wasm/wit/types';

/** An HTTP request for a proxy component's incoming handler. */
export interface IncomingRequestSpec {
  method: string;
  /** Path and query (`/hello?x=1`), or a full URL (its scheme and authority are passed on). */
  url: string;
  headers: [string, string][];
  body: Uint8Array;
}

export interface ComponentRunMessage {
  kind: 'component';
  /** What the user asked for (errors name it). */
  func: string;
  /** The exported interface's name as in the binary (`docs:adder/add@0.1.0`), or null for a world-level function. */
  iface: string | null;
  fn: WitFunction;
  /** Checked against the WIT types on the page: the worker only converts them for jco. */
  args: WitValue[];
  /** `keep`: reuse the kept instance (a reactor's state persists); `fresh`: one for this run only; `reset`: a new kept one. */
  instance: 'keep' | 'fresh' | 'reset';
  /** wasi:cli/run: a program with argv, env, stdin, stdout and an exit code. */
  command: boolean;
  stdin?: ArrayBuffer;
  wasi: WasiSettings;
  grants: Grants;
  imports: ImportPolicy;
  /** Imported interfaces no host provides: stubbed (policy `stub`) with each function's WIT type. */
  unprovided: WitInterface[];
  /** Imported world-level functions nothing provides. */
  unprovidedFunctions: WitFunction[];
  /** For wasi:http/incoming-handler#handle. */
  request?: IncomingRequestSpec;
}
