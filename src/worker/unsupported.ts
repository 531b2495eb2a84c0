/** Plain words for kinds whose runner has not landed yet. */
import type { ModuleKind } from '../wasm/types';

/** Message for a run request of a kind no runner handles yet. */
export function unsupportedKind(kind: ModuleKind): string {
  const tail = ' Meanwhile, "Run as: Core module" runs its exports with stubbed imports.';
  switch (kind) {
    case 'extism':
      return `Extism plugins are not supported yet.${tail}`;
    case 'component':
      return 'WebAssembly components are not supported yet: they need transpiling with jco, which has not landed.';
    case 'core':
    case 'wasi-command':
    case 'wasi-reactor':
      return 'This kind has a runner; this message should not appear.';
  }
}
