/** Grants asked for by a manifest or share link: the user accepts them or not (DESIGN.md §4, §7). */
import { useCapabilities } from '../../state/capabilitiesStore';

export function GrantRequest() {
  const requested = useCapabilities((s) => s.requested);
  const answer = useCapabilities((s) => s.answerRequest);
  if (!requested) return null;
  return (
    <div role="alertdialog" aria-label="Grant request" className="consent">
      <p>
        {requested.from} asks for network access to: <strong>{requested.hosts.join(', ')}</strong>. Nothing is allowed until you agree.
      </p>
      <button type="button" className="primary" onClick={() => answer(true)}>
        Allow these hosts
      </button>{' '}
      <button type="button" onClick={() => answer(false)}>
        Not now
      </button>
    </div>
  );
}
