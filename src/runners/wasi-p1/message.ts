/** The sandbox message for a WASI preview 1 run (commands and reactors). */
import type { ImportPolicy, WasiSettings } from '../../model/run';
import type { WasmValue } from '../../model/values';

export interface WasiRunMessage {
  kind: 'wasi-p1';
  /** A command's `_start` runs as a program (exit code); anything else is `_initialize` then the export. */
  mode: 'command' | 'reactor';
  func: string;
  args: WasmValue[];
  imports: ImportPolicy;
  stdin?: ArrayBuffer;
  wasi: WasiSettings;
}
