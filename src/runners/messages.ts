/** Each runnable kind's sandbox message, by kind (types only). */
import type { ModuleKind } from '../wasm/types';
import type { ComponentRunMessage } from './component/message';
import type { CoreRunMessage } from './core/message';
import type { ExtismRunMessage } from './extism/message';
import type { WapcRunMessage } from './wapc/message';
import type { WasiRunMessage } from './wasi-p1/message';

export interface RunMessages {
  core: CoreRunMessage;
  'wasi-command': WasiRunMessage;
  'wasi-reactor': WasiRunMessage;
  extism: ExtismRunMessage;
  wapc: WapcRunMessage;
  component: ComponentRunMessage;
}

export type RunMessageOf<K extends ModuleKind> = RunMessages[K];

/** Every message the sandbox worker can be asked to run, tagged by `kind`. */
export type RunMessage = RunMessages[ModuleKind];
