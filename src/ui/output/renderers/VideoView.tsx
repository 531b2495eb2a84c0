/** Video with the browser's controls, from a blob: URL. */
import { useState } from 'react';
import { useBlobSrc } from '../useOutputDoc';
import type { RendererProps } from './types';

export default function VideoView({ doc, mime }: RendererProps) {
  const src = useBlobSrc(doc, mime);
  const shown = `${doc.id} ${mime}`;
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <div className="media-view">
      <video ref={src} controls aria-label="Output video" onError={() => setFailed(shown)} />
      {failed === shown && <p className="error-text">This browser cannot play these bytes as {mime}.</p>}
    </div>
  );
}
