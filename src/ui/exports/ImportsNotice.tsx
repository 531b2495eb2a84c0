/** Lists the imports the chosen runner cannot provide (a component's by interface, with WIT types) (by module, counted, long lists folded), and offers to stub them. */
import { useState } from 'react';
import { selectRunner, useModule } from '../../state/moduleStore';
import { formatImport } from '../../wasm/signature';
import type { ImportEntry } from '../../wasm/types';
import { componentImports } from '../capabilities/componentCapabilities';
import { ComponentImportsNotice } from '../component/ComponentImportsNotice';
import { worldOf } from '../component/world';
import { describeImportCounts, unprovidedImports } from '../../runners/shared/imports';

export function ImportsNotice() {
  const current = useModule((s) => s.current);
  const runner = useModule(selectRunner);
  const stub = useModule((s) => s.stubImports);
  const setStub = useModule((s) => s.setStubImports);
  if (!current || !runner) return null;
  if (current.analysis.format !== 'core') {
    const { world } = worldOf(current.analysis);
    if (!world) return null;
    const { unprovided, unprovidedFunctions } = componentImports(world);
    if (unprovided.length === 0 && unprovidedFunctions.length === 0) return null;
    return <ComponentImportsNotice interfaces={unprovided} functions={unprovidedFunctions} stub={stub} setStub={setStub} />;
  }
  const linked = new Set(current.manifest?.links.map((l) => l.name));
  const missing = unprovidedImports(current.analysis.imports, runner.provides, linked);
  if (missing.length === 0) return null;
  return <MissingImports missing={missing} stub={stub} setStub={setStub} />;
}

/** Imports listed per module before "Show all". */
const SHOWN_PER_MODULE = 6;

function MissingImports({ missing, stub, setStub }: { missing: ImportEntry[]; stub: boolean; setStub(on: boolean): void }) {
  const [all, setAll] = useState(false);
  const byModule = groupByModule(missing);
  const hidden = [...byModule.values()].reduce((n, list) => n + Math.max(0, list.length - SHOWN_PER_MODULE), 0);

  return (
    <div className="imports-notice" role="group" aria-label="Missing imports">
      <p>
        <strong>
          This module needs {missing.length} import{missing.length === 1 ? '' : 's'} that no host provides:
        </strong>{' '}
        <span className="muted">{describeImportCounts(missing)}</span>
      </p>
      {[...byModule].map(([module, entries]) => (
        <div key={module}>
          <code className="import-module">{module}</code> <span className="muted">({entries.length})</span>
          <ul>
            {(all ? entries : entries.slice(0, SHOWN_PER_MODULE)).map((e) => (
              <li key={`${e.module}.${e.name}`}>
                <code>{formatImport(e)}</code>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {hidden > 0 && (
        <button type="button" className="link" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all (${hidden} more)`}
        </button>
      )}
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
