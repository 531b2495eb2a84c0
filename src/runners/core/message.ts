/** The sandbox message for a core module run (what `core/index.ts` builds and `core/run.ts` runs). */
import type { ImportPolicy } from '../../model/run';
import type { WasmValue } from '../../model/values';

export interface CoreRunMessage {
  kind: 'core';
  func: string;
  args: WasmValue[];
  imports: ImportPolicy;
  /** Call the function this many times (benchmarks); the last result is returned. */
  repeat: number;
}
