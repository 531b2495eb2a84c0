/** The sandbox message for one waPC operation. */
import type { Grants, ImportPolicy, WasiSettings } from '../../model/run';
import type { HostResponse } from '../../model/wapc';

export interface WapcRunMessage {
  kind: 'wapc';
  /** The operation, sent through `__guest_call` (waPC registers operations at run time: any name may be asked). */
  func: string;
  imports: ImportPolicy;
  payload?: ArrayBuffer;
  hostResponses: HostResponse[];
  grants: Grants;
  /** Keep the instance between runs (init runs once per instance) unless true. */
  freshInstance: boolean;
  /** WASI for guests that import it (TinyGo, some AssemblyScript guests). */
  wasi: WasiSettings;
}
