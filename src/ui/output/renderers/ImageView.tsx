/** PNG, JPEG, GIF, WebP (and SVG, via SvgView) as an `<img>` from a blob: URL. */
import { useState } from 'react';
import { useBlobSrc } from '../useOutputDoc';
import type { RendererProps } from './types';

export default function ImageView({ doc, mime }: Pick<RendererProps, 'doc' | 'mime'>) {
  const src = useBlobSrc(doc, mime);
  const shown = `${doc.id} ${mime}`;
  const [seen, setSeen] = useState<{ shown: string; size?: string; failed?: boolean } | null>(null);
  const state = seen?.shown === shown ? seen : null;
  return (
    <figure className="image-view">
      <img
        ref={src}
        alt="Output image"
        onLoad={(e) => setSeen({ shown, size: `${e.currentTarget.naturalWidth} × ${e.currentTarget.naturalHeight} px` })}
        onError={() => setSeen({ shown, failed: true })}
      />
      <figcaption className="muted">
        {state?.failed && <span className="error-text">The browser could not show these bytes as {mime}.</span>}
        {state?.size}
      </figcaption>
    </figure>
  );
}
