/**
 * Instance reuse for a component's typed exports: the instance (and a reactor's state) is kept
 * between runs unless "Fresh instance per run" is on; "Reset instance" makes the next run start anew.
 */
import { useComponent } from '../../state/componentStore';

export function InstanceControls() {
  const fresh = useComponent((s) => s.freshInstance);
  const setFresh = useComponent((s) => s.setFreshInstance);
  const resetNext = useComponent((s) => s.resetNext);
  const requestReset = useComponent((s) => s.requestReset);
  return (
    <div className="instance-controls" role="group" aria-label="Component instance">
      <label className="inline" title="Otherwise the instance, and any state it keeps, lives on between runs">
        <input type="checkbox" checked={fresh} onChange={(e) => setFresh(e.target.checked)} /> Fresh instance per run
      </label>
      <button type="button" disabled={fresh || resetNext} onClick={requestReset} title="Drop the kept instance: the next run starts from a new one">
        Reset instance
      </button>
      {resetNext && !fresh && <span className="muted">The next run starts from a new instance.</span>}
    </div>
  );
}
