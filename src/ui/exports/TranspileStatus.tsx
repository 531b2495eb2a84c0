/** A component's transpile state under its name: jco at work, done (and how), or why it failed. */
import { useTranspile } from '../../state/transpileStore';
import { formatMs } from '../format';

export function TranspileStatus({ id }: { id: string }) {
  const status = useTranspile((s) => s.byId[id]);
  if (!status) return null;
  switch (status.state) {
    case 'transpiling':
      return <p className="muted" aria-label="Transpile status">Transpiling with jco…</p>;
    case 'ready':
      return (
        <p className="muted" aria-label="Transpile status">
          {status.from === 'cache' ? `Transpiled code from the cache (jco not run) · core modules compiled in ${formatMs(status.compileMs)}` : `Transpiled by jco in ${formatMs(status.transpileMs)} · core modules compiled in ${formatMs(status.compileMs)}`}
        </p>
      );
    case 'failed':
      return (
        <div className="error-box" role="alert" aria-label="Transpile error">
          <strong>{status.error.title}</strong> {status.error.detail}
        </div>
      );
  }
}
