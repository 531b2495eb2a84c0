/** Grants asked for by a manifest or share link: the user accepts them or not (DESIGN.md §4, §7). */
import { useCapabilities, type RequestedGrants } from '../../state/capabilitiesStore';
import { describeMountSource } from '../../state/allowedPaths';

export function GrantRequest() {
  const requested = useCapabilities((s) => s.requested);
  const error = useCapabilities((s) => s.requestError);
  const answer = useCapabilities((s) => s.answerRequest);
  if (!requested) {
    return error ? (
      <p className="error-text" role="alert">
        {error}
      </p>
    ) : null;
  }
  const { hosts, mounts } = requested;
  return (
    <div role="alertdialog" aria-label="Grant request" className="consent">
      <p>
        {requested.from} asks for {hosts.length > 0 && (
          <>
            network access to: <strong>{hosts.join(', ')}</strong>
            {mounts.length > 0 ? ', and ' : ''}
          </>
        )}
        {mounts.length > 0 && `${mounts.length === 1 ? 'a folder' : 'folders'} of your files, mounted for the guest (below)`}. Nothing is allowed until you agree.
      </p>
      {mounts.length > 0 && (
        <ul aria-label="Requested mounts">
          {mounts.map((m) => (
            <li key={m.guestPath}>
              <code>{m.guestPath}</code> ← <code>{describeMountSource(m)}</code> ({m.readOnly ? 'read-only' : 'read-write'}; the folder is created if missing)
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="primary" onClick={() => void answer(true)}>
        {acceptLabel(requested)}
      </button>{' '}
      <button type="button" onClick={() => void answer(false)}>
        Not now
      </button>
    </div>
  );
}

function acceptLabel({ hosts, mounts }: RequestedGrants): string {
  if (hosts.length && mounts.length) return 'Allow hosts and mount folders';
  return hosts.length ? 'Allow these hosts' : mounts.length === 1 ? 'Mount this folder' : 'Mount these folders';
}
