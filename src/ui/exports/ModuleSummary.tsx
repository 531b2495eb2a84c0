/** What was loaded: name, detected kind, size, hash, and the "Run as" override. */
import { useModule } from '../../state/moduleStore';
import { kindLabel, runAsChoices } from '../../runners/registry';
import { formatBytes, formatMs } from '../format';
import { TranspileStatus } from './TranspileStatus';

const RUNNABLE_AS = runAsChoices().map((r) => r.kind);

export function ModuleSummary() {
  const current = useModule((s) => s.current);
  const runAs = useModule((s) => s.runAs);
  const setRunAs = useModule((s) => s.setRunAs);
  if (!current) {
    return (
      <div className="empty-state">
        <h2>Load a module</h2>
        <p>Drop a <code>.wasm</code> file anywhere on this page, pick one with “Open .wasm…”, or paste a URL and press Load.</p>
      </div>
    );
  }
  const { analysis } = current;
  return (
    <div className="module-summary" aria-label="Module">
      <h2 title={current.sourceUrl ?? current.name}>{current.name}</h2>
      <p>
        <span className="kind-badge" data-kind={analysis.kind} aria-label="Module kind">
          {kindLabel(analysis.kind)}
        </span>{' '}
        <span className="muted">
          {formatBytes(current.size)} · sha-256 <code title={current.id}>{current.id.slice(0, 12)}</code> · parsed in {formatMs(current.parseMs)}
        </span>
      </p>
      {analysis.format === 'component' && <TranspileStatus id={current.id} />}
      {analysis.format === 'core' && (
        <label className="inline">
          Run as{' '}
          <select value={runAs ?? analysis.kind} onChange={(e) => {
              const kind = RUNNABLE_AS.find((k) => k === e.target.value) ?? null;
              setRunAs(kind === analysis.kind ? null : kind);
            }}>
            {RUNNABLE_AS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
                {k === analysis.kind ? ' (detected)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
