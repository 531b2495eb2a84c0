/** What the loaded Extism manifest says: links, limits, allowed hosts and paths (with their state), warnings. */
import type { ManifestInfo } from '../../sandbox/api';
import { describeMountSource, mountForAllowedPath } from '../../state/allowedPaths';
import { useCapabilities } from '../../state/capabilitiesStore';
import { useModule } from '../../state/moduleStore';
import { formatBytes } from '../format';

export function ManifestSummary() {
  const manifest = useModule((s) => s.current?.manifest);
  const mounts = useCapabilities((s) => s.mounts);
  const hosts = useCapabilities((s) => s.hosts);
  if (!manifest) return null;
  const limits = limitsOf(manifest);
  return (
    <section className="manifest-summary" aria-label="Manifest">
      <h4>Manifest{manifest.url ? <span className="muted"> · {manifest.url}</span> : null}</h4>
      <ul>
        {manifest.links.length > 0 && <li>Linked modules: {manifest.links.map((l) => l.name).join(', ')}</li>}
        {limits.length > 0 && <li>Limits: {limits.join(' · ')}</li>}
        {manifest.allowedHosts?.length ? (
          <li>
            Allowed hosts:{' '}
            {manifest.allowedHosts.map((h) => (
              <span key={h} className="manifest-item">
                <code>{h}</code> <span className={`grant ${hosts.includes(h) ? 'granted' : 'denied'}`}>{hosts.includes(h) ? 'allowed' : 'not allowed yet'}</span>
              </span>
            ))}
          </li>
        ) : null}
        {manifest.allowedPaths.map((p) => {
          const m = mountForAllowedPath(p);
          if (!m.ok) {
            return (
              <li key={`${p.hostPath}→${p.guestPath}`} className="error-text">
                {m.message}
              </li>
            );
          }
          const mounted = mounts.some((x) => x.guestPath === m.mount.guestPath && x.volume === m.mount.volume && (x.dir ?? '') === m.mount.dir);
          return (
            <li key={`${p.hostPath}→${p.guestPath}`}>
              Allowed path: <code>{m.mount.guestPath}</code> ← <code>{describeMountSource(m.mount)}</code> ({p.readOnly ? 'read-only' : 'read-write'}){' '}
              <span className={`grant ${mounted ? 'granted' : 'denied'}`}>{mounted ? 'mounted' : 'not mounted yet'}</span>
            </li>
          );
        })}
        {manifest.warnings.map((w) => (
          <li key={w} className="warning-text">
            {w}
          </li>
        ))}
      </ul>
    </section>
  );
}

function limitsOf(m: ManifestInfo): string[] {
  const out: string[] = [];
  if (m.timeoutMs !== undefined) out.push(`timeout ${m.timeoutMs} ms`);
  if (m.maxPages !== undefined) out.push(`memory ${m.maxPages} pages (${formatBytes(m.maxPages * 65536)})`);
  if (m.maxVarBytes !== undefined) out.push(`vars ${formatBytes(m.maxVarBytes)}`);
  if (m.maxHttpResponseBytes !== undefined) out.push(`HTTP responses ${formatBytes(m.maxHttpResponseBytes)}`);
  return out;
}
