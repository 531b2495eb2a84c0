/** Asks the user before an embedding page may run modules here. */
import { useEmbed } from '../state/embedStore';

export function EmbedConsent() {
  const pending = useEmbed((s) => s.pending);
  const answer = useEmbed((s) => s.answer);
  if (pending.length === 0) return null;
  const origin = pending[0]!;
  return (
    <div role="alertdialog" aria-label="Allow embedding page" className="consent">
      <p>
        <strong>{origin}</strong> wants to load and run WebAssembly modules in this playground.
      </p>
      <button type="button" className="primary" onClick={() => answer(origin, true)}>
        Allow
      </button>{' '}
      <button type="button" onClick={() => answer(origin, false)}>
        Deny
      </button>
    </div>
  );
}
