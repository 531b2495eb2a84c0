/** Download progress, load errors and notices, under the loader bar. */
import { useModule } from '../../state/moduleStore';
import { formatBytes } from '../format';

export function LoadStatus() {
  const loading = useModule((s) => s.loading);
  const error = useModule((s) => s.loadError);
  const notice = useModule((s) => s.notice);
  const setNotice = useModule((s) => s.setNotice);

  return (
    <div className="load-status">
      {loading && (
        <div className="loading">
          <span>Loading {loading.label}</span>
          {loading.progress && (
            <>
              <progress aria-label="Download progress" value={loading.progress.received} max={loading.progress.total ?? undefined} />
              <span className="muted">
                {formatBytes(loading.progress.received)}
                {loading.progress.total ? ` of ${formatBytes(loading.progress.total)}` : ''}
              </span>
            </>
          )}
        </div>
      )}
      {error && (
        <div role="alert" aria-label="Load error" className="error-banner" data-code={error.code}>
          <strong>{error.title}</strong> <span>{error.detail}</span>
        </div>
      )}
      {notice && (
        <div role="note" className="notice">
          {notice}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
