/** PNG, JPEG, GIF, WebP (and SVG, via SvgView) as an `<img>` from a blob: URL, zoomable; small images scale up with crisp pixels. */
import { useState } from 'react';
import { useBlobSrc } from '../useOutputDoc';
import type { RendererProps } from './types';
import { firstZoom, MAX_ZOOM } from './imageZoom';

interface Seen {
  shown: string;
  width?: number;
  height?: number;
  failed?: boolean;
}

export default function ImageView({ doc, mime }: Pick<RendererProps, 'doc' | 'mime'>) {
  const src = useBlobSrc(doc, mime);
  const shown = `${doc.id} ${mime}`;
  const [seen, setSeen] = useState<Seen | null>(null);
  // null = "fit": big images shrink to the panel; a number = that many screen px per image px.
  const [zoom, setZoom] = useState<{ shown: string; value: number | null } | null>(null);
  const state = seen?.shown === shown ? seen : null;
  const z = zoom?.shown === shown ? zoom.value : state?.width !== undefined ? openingZoom(state.width, state.height ?? 1) : null;
  const sized = z !== null && state?.width !== undefined;
  const style = sized ? { width: state.width! * z, height: (state.height ?? 0) * z, maxWidth: 'none', maxHeight: 'none' } : undefined;
  const current = z ?? 1;
  return (
    <figure className="image-view" data-zoom={z ?? 'fit'}>
      {state?.width !== undefined && (
        <div className="image-zoom" role="group" aria-label="Zoom">
          <button type="button" aria-label="Zoom out" disabled={current <= 1 / 8} onClick={() => setZoom({ shown, value: current / 2 })}>
            −
          </button>
          <span className="muted mono" aria-live="polite">
            {z === null ? 'fit' : `${z >= 1 ? z : `1/${1 / z}`}×`}
          </span>
          <button type="button" aria-label="Zoom in" disabled={current >= MAX_ZOOM} onClick={() => setZoom({ shown, value: current * 2 })}>
            +
          </button>
          <button type="button" onClick={() => setZoom({ shown, value: 1 })}>
            Actual size
          </button>
        </div>
      )}
      <div className="image-frame">
        <img
          ref={src}
          alt="Output image"
          className={z !== null && z > 1 ? 'pixelated' : undefined}
          style={style}
          onLoad={(e) => setSeen({ shown, width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          onError={() => setSeen({ shown, failed: true })}
        />
      </div>
      <figcaption className="muted">
        {state?.failed && <span className="error-text">The browser could not show these bytes as {mime}.</span>}
        {state?.width !== undefined && `${state.width} × ${state.height} px`}
      </figcaption>
    </figure>
  );
}

/** Small images open scaled up; the rest open fitted to the panel. */
function openingZoom(width: number, height: number): number | null {
  const zoom = firstZoom(width, height);
  return zoom > 1 ? zoom : null;
}
