/** The "Run status" line: ok | error | stopped, then timings (DESIGN.md §8). */
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
  const text = running ? 'running…' : result ? statusText(result) : 'idle';
  return (
    <div role="status" aria-label="Run status" className="run-status" data-status={running ? 'running' : (result?.status ?? 'idle')}>
      {text}
    </div>
  );
}
