/** "A new version is ready · Reload": a new deploy is installed and waits for the user. */
import { useOffline } from '../../state/offlineStore';
import './offline.css';

export function UpdatePrompt() {
  const ready = useOffline((s) => s.updateReady);
  const reload = useOffline((s) => s.reloadToUpdate);
  if (!ready) return null;
  return (
    <div className="update-prompt" role="status" aria-label="Update">
      <span>A new version is ready</span>
      <span aria-hidden="true">·</span>
      <button type="button" className="primary" onClick={reload}>
        Reload
      </button>
    </div>
  );
}
