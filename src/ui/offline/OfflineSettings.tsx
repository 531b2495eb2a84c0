/** Settings › Offline: whether the app is kept for offline use, how much it takes, and clearing it. */
import { useEffect } from 'react';
import { useOffline } from '../../state/offlineStore';
import { formatBytes } from '../format';
import './offline.css';

const STATUS: Record<ReturnType<typeof useOffline.getState>['status'], string> = {
  off: 'not kept in this browser',
  unsupported: 'not available (this browser offers no service workers here)',
  installing: 'saving a copy…',
  ready: 'ready: the app and its examples open with no network',
  error: 'not saved',
};

export function OfflineSettings() {
  const status = useOffline((s) => s.status);
  const bytes = useOffline((s) => s.cacheBytes);
  const error = useOffline((s) => s.error);
  const measure = useOffline((s) => s.measure);
  const clear = useOffline((s) => s.clear);

  useEffect(() => {
    void measure();
  }, [status, measure]);

  return (
    <section className="offline-settings" aria-label="Offline">
      <span>
        Offline: <output aria-label="Offline status">{STATUS[status]}</output>
      </span>
      <span>
        Cache: <output aria-label="Offline cache size">{bytes === null ? '…' : formatBytes(bytes)}</output>
      </span>
      <button type="button" disabled={bytes === 0 && status !== 'ready'} onClick={() => void clear()}>
        Clear offline cache
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
