/** Share → Embed: the `<iframe>` snippet for a course page, read-only or editable, with its size. */
import { useRef, useState } from 'react';
import { embedSnippet } from '../../share/embedSnippet';
import type { MadeLink } from '../../state/shareStore';
import { formatBytes } from '../format';
import { CopyButton } from './CopyButton';

export function EmbedSection({ made }: { made: MadeLink }) {
  const [readOnly, setReadOnly] = useState(true);
  const field = useRef<HTMLTextAreaElement>(null);
  const snippet = embedSnippet(`${location.origin}${location.pathname}`, made.hash, { readOnly, title: `Wasm Playground: ${made.module.name}` });
  return (
    <div role="tabpanel" aria-label="Embed" className="share-section">
      <fieldset className="share-embed-mode">
        <legend>Embedded page</legend>
        <label>
          <input type="radio" name="embed-mode" checked={readOnly} onChange={() => setReadOnly(true)} /> Read-only
        </label>
        <label>
          <input type="radio" name="embed-mode" checked={!readOnly} onChange={() => setReadOnly(false)} /> Editable
        </label>
      </fieldset>
      <textarea ref={field} aria-label="Embed snippet" className="share-link" readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
      <div className="share-row">
        <CopyButton label="Copy snippet" text={snippet} field={() => field.current} />
        <span className="muted share-size">{formatBytes(snippet.length)}</span>
      </div>
      <p className="muted">
        {readOnly
          ? 'Read-only: readers can run it and change nothing but the run; loading, sharing and the settings are hidden.'
          : 'Editable: readers get the whole playground, starting from this setup.'}{' '}
        {made.tooBig && `The module is not in the link, so the embedded page asks each reader for ${made.module.name}; host it at a URL to embed it whole.`}
      </p>
    </div>
  );
}
