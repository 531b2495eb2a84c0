/** Inspector "Claims": a wascap-signed module's claims and each verification verdict with its reason. */
import { useEffect, useState } from 'react';
import type { LoadedModule } from '../../sandbox/api';
import { getEngine } from '../../sandbox/instance';
import type { ClaimsCheck, ClaimsKey, ClaimsReport, WascapClaims } from '../../wasm/claims/types';
import './verdicts.css';

const CHECK_LABELS: Record<ClaimsCheck['check'], string> = { signature: 'Signature', hash: 'Module hash', expiry: 'Expiry', 'not-before': 'Not before' };

type State = { state: 'done'; report: ClaimsReport | null; forId: string } | { state: 'failed'; message: string; forId: string };

export function ClaimsView({ module }: { module: LoadedModule }) {
  const [state, setState] = useState<State | null>(null);
  useEffect(() => {
    let live = true;
    getEngine()
      .claims(module.id)
      .then((report) => live && setState({ state: 'done', report, forId: module.id }))
      .catch((err: unknown) => live && setState({ state: 'failed', message: err instanceof Error ? err.message : String(err), forId: module.id }));
    return () => {
      live = false;
    };
  }, [module.id]);

  if (!state || state.forId !== module.id) return <p className="muted" role="status">Verifying the claims…</p>;
  if (state.state === 'failed') return <p className="error-text" role="alert">{state.message}</p>;
  const { report } = state;
  if (!report) return <p className="muted">This module carries no wascap claims (no jwt section).</p>;
  return (
    <div className="claims">
      {report.error && (
        <p className="error-text" role="alert">
          {report.error}
        </p>
      )}
      <ul className="verdicts" aria-label="Claims verification">
        {report.checks.map((c) => (
          <li key={c.check} className={c.passed ? 'passed' : 'failed'} data-check={c.check}>
            <strong>{CHECK_LABELS[c.check]}</strong>: <span className={c.passed ? 'verdict-pass' : 'verdict-fail'}>{c.passed ? 'passed' : 'failed'}</span> — {c.reason}
          </li>
        ))}
      </ul>
      {report.claims && <ClaimsFields claims={report.claims} />}
    </div>
  );
}

function date(seconds: number | undefined): string | undefined {
  if (seconds === undefined) return undefined;
  const d = new Date(seconds * 1000);
  return Number.isFinite(d.getTime()) ? `${d.toISOString().replace('T', ' ').replace(/\.000Z$/, '')} UTC` : String(seconds);
}

function keyText(k: ClaimsKey): string {
  return `${k.key}${k.role ? ` (${k.role})` : ''}`;
}

function ClaimsFields({ claims }: { claims: WascapClaims }) {
  const rows: [string, string | undefined, string?][] = [
    ['Issuer', keyText(claims.issuer), claims.issuer.error],
    ['Subject', keyText(claims.subject), claims.subject.error],
    ['Name', claims.name],
    ['Version', claims.version],
    ['Revision', claims.revision?.toString()],
    ['Capabilities', claims.caps.length ? claims.caps.join(', ') : 'none'],
    ['Tags', claims.tags.length ? claims.tags.join(', ') : 'none'],
    ['Issued at', date(claims.issuedAt)],
    ['Not before', date(claims.notBefore) ?? 'not set'],
    ['Expires', date(claims.expires) ?? 'never'],
    ['Call alias', claims.callAlias],
    ['Provider', claims.provider === undefined ? undefined : String(claims.provider)],
    ['Token ID', claims.id],
    ['Module hash', claims.hash],
    ['Section', claims.section],
    ['Algorithm', typeof claims.header.alg === 'string' ? claims.header.alg : JSON.stringify(claims.header.alg)],
  ];
  const other = Object.keys(claims.other).length ? JSON.stringify(claims.other, null, 2) : null;
  return (
    <dl className="claims-fields" aria-label="Claims fields">
      {rows
        .filter(([, v]) => v !== undefined)
        .map(([label, value, error]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>
              <code>{value}</code>
              {error && <span className="error-text"> {error}</span>}
            </dd>
          </div>
        ))}
      {other && (
        <>
          <dt>Other fields</dt>
          <dd>
            <pre>{other}</pre>
          </dd>
        </>
      )}
    </dl>
  );
}
