/** The "Inspector" region: exports, imports and sections of the loaded module. */
import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useModule } from '../../state/moduleStore';
import { formatExport, formatImport } from '../../wasm/signature';
import { formatBytes } from '../format';
import type { ModuleAnalysis } from '../../wasm/types';
import type { WitWorld } from '../../wasm/wit/types';
import { printWit } from '../../wasm/wit/printWit';
import { worldOf } from '../component/world';
import { WitView } from './WitView';
import { WorldList } from './WorldList';
import { ClaimsView } from '../claims/ClaimsView';
import { CheckView } from '../checks/CheckView';
import { hasClaimsSection } from '../../wasm/checks/checkedModule';
import { getEngine } from '../../sandbox/instance';
import { useWatEditor } from '../../state/watEditorStore';
import { WatView, type WatJump } from '../wat/WatView';
import type { ExportEntry } from '../../wasm/types';

const TABS = ['Exports', 'Imports', 'Sections', 'WAT', 'WIT'] as const;
type Tab = (typeof TABS)[number] | 'Claims' | 'Check';

export function Inspector() {
  const current = useModule((s) => s.current);
  const [tab, setTab] = useState<Tab>('Exports');
  const [jump, setJump] = useState<WatJump | null>(null);
  const id = current?.id;
  const bytes = useCallback(() => (id ? getEngine().bytesOf(id) : undefined), [id]);
  if (!current) return null;
  // "Claims" only for a wascap-signed module; a tab that went away falls back to Exports.
  const tabs: Tab[] = [...TABS, ...(hasClaimsSection(current.analysis) ? (['Claims'] as const) : []), 'Check'];
  const shown: Tab = tabs.includes(tab) ? tab : 'Exports';
  // Clicking a function export shows its body in the WAT tab.
  const showInWat = (index: number) => {
    setJump((j) => ({ index, seq: (j?.seq ?? 0) + 1 }));
    setTab('WAT');
  };
  return (
    <section className="inspector panel" aria-label="Inspector">
      <div role="tablist" aria-label="Inspector views">
        {tabs.map((t) => (
          <button key={t} role="tab" id={`tab-${t}`} aria-selected={shown === t} aria-controls={`tabpanel-${t}`} tabIndex={shown === t ? 0 : -1} onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${shown}`} aria-labelledby={`tab-${shown}`} className="tab-body">
        {shown === 'Claims' ? (
          <ClaimsView module={current} />
        ) : shown === 'Check' ? (
          <CheckView module={current} />
        ) : shown === 'WAT' ? (
          <WatView id={current.id} name={current.name} bytes={bytes} jumpTo={jump} {...(current.analysis.format === 'core' ? { onEdit: (docId: number) => useWatEditor.getState().editPrinted(docId, current.name) } : {})} />
        ) : (
          <TabBody tab={shown} analysis={current.analysis} showInWat={showInWat} />
        )}
      </div>
    </section>
  );
}

function TabBody({ tab, analysis, showInWat }: { tab: Exclude<Tab, 'WAT' | 'Claims' | 'Check'>; analysis: ModuleAnalysis; showInWat(index: number): void }) {
  switch (tab) {
    case 'Exports':
      if (analysis.format !== 'core') return <ComponentWorld analysis={analysis} show={(w) => <WorldList items={w.exports} label="Exports" empty="This component exports nothing." />} />;
      return <ExportList exports={analysis.exports} showInWat={showInWat} />;
    case 'Imports':
      if (analysis.format !== 'core') return <ComponentWorld analysis={analysis} show={(w) => <WorldList items={w.imports} label="Imports" empty="This component imports nothing." />} />;
      return <CodeList items={analysis.imports.map(formatImport)} empty="No imports." label="Imports" />;
    case 'Sections':
      return (
        <table className="sections">
          <thead>
            <tr>
              <th>Section</th>
              <th>Offset</th>
              <th>Size</th>
            </tr>
          </thead>
          <tbody>
            {analysis.sections.map((s, i) => (
              <tr key={i}>
                <td>{s.name}</td>
                <td>0x{s.offset.toString(16)}</td>
                <td>{formatBytes(s.size)}</td>
              </tr>
            ))}
          </tbody>
          {analysis.producers.length > 0 && (
            <caption>Producers: {analysis.producers.join('; ')}</caption>
          )}
        </table>
      );
    case 'WIT':
      if (analysis.format !== 'component') return <p className="muted">WIT describes components; this is a core module.</p>;
      return <ComponentWorld analysis={analysis} show={(w) => <WitText world={w} />} />;
  }
}

/** A component's world through `show`; when it could not be read, why (the Sections tab still works). */
function ComponentWorld({ analysis, show }: { analysis: ModuleAnalysis; show(world: WitWorld): ReactNode }) {
  const { world, error } = worldOf(analysis);
  return (
    <>
      {error && (
        <p className="error-text">
          The component&apos;s WIT could not be read: {error} The Sections tab still lists its binary sections.
        </p>
      )}
      {world && world.unsupported.length > 0 && <p className="muted">Not supported here: {world.unsupported.join('; ')}.</p>}
      {world && world.warnings.length > 0 && (
        <details className="muted">
          <summary>{world.warnings.length} part{world.warnings.length === 1 ? '' : 's'} of the binary could not be shown as WIT</summary>
          <ul>
            {world.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {world ? show(world) : !error && <p className="muted">The component&apos;s WIT is not available.</p>}
    </>
  );
}

function WitText({ world }: { world: WitWorld }) {
  const text = useMemo(() => printWit(world), [world]);
  return <WitView text={text} />;
}

/** Rows shown before "show all": a module with 100,000 exports must not stall the page. */
const FIRST_ROWS = 1000;

/** A core module's exports; a function's line is a button that shows its body in the WAT tab. */
function ExportList({ exports, showInWat }: { exports: ExportEntry[]; showInWat(index: number): void }) {
  const [all, setAll] = useState(false);
  if (exports.length === 0) return <p className="muted">No exports.</p>;
  const shown = all ? exports : exports.slice(0, FIRST_ROWS);
  return (
    <>
      <ul className="code-list" aria-label="Exports">
        {shown.map((e, i) => (
          <li key={i}>
            {e.desc.kind === 'func' ? (
              <button type="button" className="link code-link" title="Show in the WAT tab" onClick={() => showInWat(e.index)}>
                <code>{formatExport(e)}</code>
              </button>
            ) : (
              <code>{formatExport(e)}</code>
            )}
          </li>
        ))}
      </ul>
      {shown.length < exports.length && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {exports.length}
        </button>
      )}
    </>
  );
}

function CodeList({ items, empty, label }: { items: string[]; empty: string; label: string }) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p className="muted">{empty}</p>;
  const shown = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <>
      <ul className="code-list" aria-label={label}>
        {shown.map((text, i) => (
          <li key={i}>
            <code>{text}</code>
          </li>
        ))}
      </ul>
      {shown.length < items.length && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {items.length}
        </button>
      )}
    </>
  );
}
