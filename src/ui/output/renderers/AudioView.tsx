/** Audio with the browser's controls, from a blob: URL. */
import { useState } from 'react';
import { useBlobSrc } from '../useOutputDoc';
import type { RendererProps } from './types';

export default function AudioView({ doc, mime }: RendererProps) {
  const src = useBlobSrc(doc, mime);
  const shown = `${doc.id} ${mime}`;
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <div className="media-view">
      <audio ref={src} controls aria-label="Output audio" onError={() => setFailed(shown)} />
      {failed === shown && <p className="error-text">This browser cannot play these bytes as {mime}.</p>}
    </div>
  );
}
