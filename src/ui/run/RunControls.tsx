/** Run (Ctrl/Cmd+Enter), Stop, and the time limit. */
import { useModule } from '../../state/moduleStore';
import { useRun } from '../../state/runStore';
import { useSettings } from '../../state/settingsStore';

export function RunControls() {
  const canRun = useModule((s) => s.current !== null && s.func !== null);
  const running = useRun((s) => s.running);
  const run = useRun((s) => s.run);
  const stop = useRun((s) => s.stop);
  const timeoutMs = useSettings((s) => s.timeoutMs);
  const setTimeoutMs = useSettings((s) => s.setTimeoutMs);

  return (
    <div className="run-controls">
      <button type="button" className="primary" disabled={!canRun || running} onClick={() => void run()} title="Run (Ctrl/Cmd+Enter)" aria-keyshortcuts="Control+Enter Meta+Enter">
        Run
      </button>
      <button type="button" disabled={!running} onClick={stop} title="Stop: terminates the sandbox worker">
        Stop
      </button>
      <label className="inline">
        Timeout (s)
        <input
          type="number"
          min={0.1}
          step={0.5}
          value={timeoutMs / 1000}
          onChange={(e) => {
            const seconds = Number(e.target.value);
            if (Number.isFinite(seconds) && seconds > 0) setTimeoutMs(Math.round(seconds * 1000));
          }}
        />
      </label>
    </div>
  );
}
