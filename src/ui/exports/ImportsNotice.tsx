/** Lists the imports the chosen runner cannot provide, and offers to stub them. */
import { useModule } from '../../state/moduleStore';
import { formatImport } from '../../wasm/signature';
import type { ImportEntry } from '../../wasm/types';
import { unprovidedImports } from '../../sandbox/provided';

export function ImportsNotice() {
  const current = useModule((s) => s.current);
  const runAs = useModule((s) => s.runAs);
  const stub = useModule((s) => s.stubImports);
  const setStub = useModule((s) => s.setStubImports);
  if (!current || current.analysis.format !== 'core') return null;
  const kind = runAs ?? current.analysis.kind;
  const linked = new Set(current.manifest?.links.map((l) => l.name));
  const missing = unprovidedImports(current.analysis.imports, kind).filter((i) => !linked.has(i.module));
  if (missing.length === 0) return null;
  const byModule = groupByModule(missing);

  return (
    <div className="imports-notice" role="group" aria-label="Missing imports">
      <p>
        <strong>
          This module needs {missing.length} import{missing.length === 1 ? '' : 's'} that no host provides:
        </strong>
      </p>
      {[...byModule].map(([module, entries]) => (
        <div key={module}>
          <code className="import-module">{module}</code>
          <ul>
            {entries.map((e) => (
              <li key={`${e.module}.${e.name}`}>
                <code>{formatImport(e)}</code>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <label className="inline">
        <input type="checkbox" checked={stub} aria-describedby="stub-help" onChange={(e) => setStub(e.target.checked)} /> Stub missing imports
      </label>
      <p id="stub-help" className="muted">
        Stubbed functions return zeros and every call is logged in the Console.
      </p>
    </div>
  );
}

function groupByModule(imports: ImportEntry[]): Map<string, ImportEntry[]> {
  const groups = new Map<string, ImportEntry[]>();
  for (const entry of imports) {
    const list = groups.get(entry.module) ?? [];
    list.push(entry);
    groups.set(entry.module, list);
  }
  return groups;
}
