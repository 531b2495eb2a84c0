/**
 * Asks the user before an embedding page may run modules here. The page around the iframe may
 * be hostile (clickjacking: the iframe made invisible over a bait button), so the buttons take
 * clicks only once useConsentGate says the dialog is really visible, and the origin is shown
 * large, with its scheme, host and port spelled out.
 */
import { useRef, useState } from 'react';
import { useEmbed } from '../state/embedStore';
import type { OriginParts } from '../util/origin';
import { originParts } from '../util/origin';
import { useConsentGate } from './useConsentGate';

/** The second step (browsers without IO v2) arms sooner: the first already waited. */
const CONFIRM_ARM_MS = 600;

export function EmbedConsent() {
  const origin = useEmbed((s) => s.pending[0]);
  if (origin === undefined) return null;
  // Keyed by origin: a newly asking page never inherits an armed button.
  return <ConsentDialog key={origin} origin={origin} />;
}

function ConsentDialog({ origin }: { origin: string }) {
  const answer = useEmbed((s) => s.answer);
  const ref = useRef<HTMLDivElement>(null);
  const gate = useConsentGate(ref);
  const [confirming, setConfirming] = useState(false);
  const parts = originParts(origin);
  if (!parts) return null; // opaque origins never get here (the bridge refuses them)

  const allow = () => {
    if (!gate.armedRef.current) return;
    if (gate.mode === 'delay') setConfirming(true);
    else answer(origin, true);
  };
  return (
    <div ref={ref} role="alertdialog" aria-label="Allow embedding page" aria-describedby="embed-consent-origin" className="consent embed-consent">
      <p>This page wants to load and run WebAssembly modules in this playground:</p>
      <OriginLine origin={origin} parts={parts} />
      {confirming ? (
        <ConfirmStep origin={origin} onAnswer={(allowed) => (allowed ? answer(origin, true) : setConfirming(false))} />
      ) : (
        <p className="consent-actions">
          <button type="button" className="primary" disabled={!gate.armed} onClick={allow}>
            Allow
          </button>{' '}
          <button type="button" onClick={() => answer(origin, false)}>
            Deny
          </button>{' '}
          {/* Always laid out, only hidden once armed: removing it changed the box's size, which made
              IntersectionObserver v2 report it not visible for a frame, which disarmed it again (a loop). */}
          <span className="hint" style={{ visibility: gate.armed ? 'hidden' : 'visible' }} aria-hidden={gate.armed}>
            {gate.mode === 'visibility' ? 'Allow works once this box is fully visible.' : 'Allow is available in a moment.'}
          </span>
        </p>
      )}
    </div>
  );
}

function OriginLine({ origin, parts }: { origin: string; parts: OriginParts }) {
  return (
    <div id="embed-consent-origin">
      <p className="consent-origin">
        <code>{origin}</code>
      </p>
      <p className="hint">
        scheme <strong>{parts.scheme}</strong> · host <strong>{parts.host}</strong> · port <strong>{parts.port}</strong>
        {!parts.secure && ' · not HTTPS: anyone on the network could pose as this page'}
      </p>
    </div>
  );
}

/** Without IO v2: a second question whose "yes" is not where Allow was, so one double click cannot answer both. */
function ConfirmStep({ origin, onAnswer }: { origin: string; onAnswer: (allowed: boolean) => void }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const gate = useConsentGate(ref, CONFIRM_ARM_MS);
  return (
    <p ref={ref} className="consent-actions">
      <button type="button" onClick={() => onAnswer(false)}>
        Back
      </button>{' '}
      <button type="button" className="primary" disabled={!gate.armed} onClick={() => gate.armedRef.current && onAnswer(true)}>
        Yes, allow {origin}
      </button>
    </p>
  );
}
