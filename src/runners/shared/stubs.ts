/** Stand-ins for imports nothing provides: zeros out, every call logged (DESIGN.md §3). */
import type { ImportEntry, ValType } from '../../wasm/types';
import type { WasmValue } from '../../model/values';

/** Stub calls logged per run before we only count them (a hot loop must not flood the page). */
export const STUB_LOG_LIMIT = 1000;

export interface StubLog {
  line(text: string): void;
}

export interface Stubs {
  imports: WebAssembly.Imports;
  /** Calls beyond STUB_LOG_LIMIT that were counted but not logged. */
  unlogged(): number;
}

/** Build an import object that satisfies `entries` with stubs. */
export function buildStubs(entries: ImportEntry[], log: StubLog): Stubs {
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  let calls = 0;
  for (const entry of entries) {
    const ns = (imports[entry.module] ??= {});
    const desc = entry.desc;
    const label = `${entry.module}.${entry.name}`;
    switch (desc.kind) {
      case 'func': {
        const results = desc.type.results;
        ns[entry.name] = (...args: WasmValue[]) => {
          calls++;
          const out = results.map(zeroOf);
          if (calls <= STUB_LOG_LIMIT) log.line(`${label}(${args.map(formatArg).join(', ')})${out.length ? ` → ${out.map(formatArg).join(', ')}` : ''}`);
          return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
        };
        break;
      }
      case 'memory':
        ns[entry.name] = new WebAssembly.Memory({
          initial: desc.limits.min,
          ...(desc.limits.max !== undefined ? { maximum: desc.limits.max } : {}),
          ...(desc.limits.shared ? { shared: true } : {}),
        });
        break;
      case 'table':
        ns[entry.name] = new WebAssembly.Table({
          element: desc.element === 'externref' ? 'externref' : 'anyfunc',
          initial: desc.limits.min,
          ...(desc.limits.max !== undefined ? { maximum: desc.limits.max } : {}),
        });
        break;
      case 'global':
        ns[entry.name] = new WebAssembly.Global({ value: globalType(desc.type), mutable: desc.mutable }, zeroOf(desc.type));
        break;
      case 'tag':
        throw new Error(`${label} is an exception tag import, which cannot be stubbed`);
    }
  }
  return { imports, unlogged: () => Math.max(0, calls - STUB_LOG_LIMIT) };
}

function zeroOf(type: ValType): WasmValue | null {
  if (type === 'i64') return 0n;
  if (type === 'i32' || type === 'f32' || type === 'f64') return 0;
  return null;
}

function globalType(type: ValType): WebAssembly.ValueType {
  switch (type) {
    case 'i32':
    case 'i64':
    case 'f32':
    case 'f64':
    case 'externref':
      return type;
    case 'funcref':
      return 'anyfunc';
    default:
      throw new Error(`a ${type} global cannot be stubbed`);
  }
}

function formatArg(value: WasmValue | null): string {
  if (value === null) return 'null';
  return Object.is(value, -0) ? '-0' : String(value);
}
