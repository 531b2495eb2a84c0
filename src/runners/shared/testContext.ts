/** A GuestContext for unit tests: records what a runner reports. */
import type { VfsChange } from '../../model/files';
import type { ImportEntry } from '../../wasm/types';
import type { BlockedReport, GuestContext, PreparedModule } from './outcome';

export interface RecordingContext extends GuestContext {
  lines: { stream: string; text: string; level?: string }[];
  blockedReports: BlockedReport[];
  changes: VfsChange[];
}

/** A context for `module`; `others` are further prepared modules by id (links). */
export function testContext(module: WebAssembly.Module, imports: ImportEntry[] = [], others: Record<string, PreparedModule> = {}, moduleId = 'main'): RecordingContext {
  const ctx: RecordingContext = {
    moduleId,
    prepared: { module, compileMs: 0, imports },
    lookup: (id) => others[id],
    lines: [],
    blockedReports: [],
    changes: [],
    console: (stream, text, level) => ctx.lines.push({ stream, text, ...(level ? { level } : {}) }),
    blocked: (report) => ctx.blockedReports.push(report),
    fs: (changes) => ctx.changes.push(...changes),
    flush: () => {},
  };
  return ctx;
}
