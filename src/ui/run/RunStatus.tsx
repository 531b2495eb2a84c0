/** The "Run status" line: ok | error | stopped, then timings (DESIGN.md §8). */
import { useEffect, useState } from 'react';
import { useRun } from '../../state/runStore';
import { formatMs } from '../format';
import type { RunResult } from '../../sandbox/api';

/** "ok · compile 3.1 ms · instantiate 0.4 ms · call 0.02 ms". */
export function statusText(result: RunResult): string {
  const parts: string[] = [result.status];
  if (result.exitCode !== undefined) parts.push(`exit ${result.exitCode}`);
  const t = result.timings;
  if (t.compileMs !== undefined) parts.push(`compile ${formatMs(t.compileMs)}`);
  if (t.instantiateMs !== undefined) parts.push(`instantiate ${formatMs(t.instantiateMs)}`);
  if (t.callMs !== undefined) parts.push(`call ${formatMs(t.callMs)}`);
  if (t.instantiateMs === undefined) parts.push(`after ${formatMs(result.wallMs)}`);
  return parts.join(' · ');
}

export function RunStatus() {
  const running = useRun((s) => s.running);
  const result = useRun((s) => s.result);
  const startedAt = useRun((s) => s.startedAt);
  const saving = useRun((s) => s.saving);
  const elapsed = useElapsed(running ? startedAt : null);
  const text = running ? `running…${elapsed !== null ? ` ${formatSeconds(elapsed)}` : ''}` : result ? statusText(result) : 'idle';
  return (
    <div className="run-status-line">
      <div role="status" aria-label="Run status" className="run-status" data-status={running ? 'running' : (result?.status ?? 'idle')}>
        {text}
      </div>
      {saving > 0 && (
        <span className="saving muted" role="status" aria-label="Saving files">
          saving {saving} file{saving === 1 ? '' : 's'}…
        </span>
      )}
    </div>
  );
}

/** Seconds since `since`, updated a few times a second while set. */
function useElapsed(since: number | null): number | null {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [since]);
  // Shown after a quarter second: quick runs do not flicker a counter.
  return since === null || now - since < 250 ? null : (now - since) / 1000;
}

function formatSeconds(s: number): string {
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}
