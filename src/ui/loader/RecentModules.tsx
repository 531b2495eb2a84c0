/** "Recent modules": reopen anything loaded before, from the IndexedDB library. */
import { useEffect, useState } from 'react';
import { useModule } from '../../state/moduleStore';
import { kindLabel } from '../../runners/registry';
import { formatBytes, formatWhen } from '../format';

export function RecentModules() {
  const recent = useModule((s) => s.recent);
  const refresh = useModule((s) => s.refreshRecent);
  const load = useModule((s) => s.load);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="recent">
      <button type="button" aria-expanded={open} aria-controls="recent-list" onClick={() => setOpen(!open)}>
        <svg className="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="6" />
          <path d="M8 4.5V8l2.5 1.5" />
        </svg>
        Recent<span className="visually-hidden"> modules</span>
      </button>
      {open && (
        <ul id="recent-list" className="recent-list" aria-label="Recent modules list">
          {recent.length === 0 && <li className="muted">Nothing yet: modules you load are kept here, in this browser.</li>}
          {recent.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                aria-label={`Open ${entry.name}`}
                onClick={() => {
                  setOpen(false);
                  void load({ id: entry.id }, entry.name);
                }}
              >
                <span className="recent-name">{entry.name}</span>
                <span className="muted">
                  {kindLabel(entry.kind)} · {formatBytes(entry.size)} · {formatWhen(entry.lastOpenedAt)}
                  {entry.sourceUrl ? ` · ${entry.sourceUrl}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
