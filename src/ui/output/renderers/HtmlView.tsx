/**
 * HTML in a sandboxed iframe, never with allow-same-origin, so the page runs in an opaque origin
 * and cannot reach the app's storage, cookies or DOM (DESIGN.md §11).
 *
 * Without scripts: `sandbox=""` on a blob: URL of the bytes (nothing is decoded on this thread).
 * With "Allow scripts": `sandbox="allow-scripts"` on htmlFrame.html, which takes the page by
 * postMessage and writes it into itself. srcdoc, blob: and data: frames inherit the app's CSP
 * (`script-src 'self'`) in Chromium, which would block every inline script of the page.
 */
import { useEffect, useRef } from 'react';
import frameUrl from './htmlFrame.html?url';
import type { OutputDoc } from '../../../sandbox/outputClient';
import { useOutput } from '../../../state/outputStore';
import { useBlobSrc } from '../useOutputDoc';
import { LargeOutputGate } from './LargeOutputGate';
import type { RendererProps } from './types';

/**
 * Bigger pages are shown as text unless asked for: the frame shares this page's thread, and
 * parsing and laying out 1 MB of HTML can take it for half a second in Chromium here.
 */
const HTML_RENDER_LIMIT = 1024 * 1024;

export default function HtmlView({ bytes, doc }: RendererProps) {
  return (
    <LargeOutputGate bytes={bytes} doc={doc} limit={HTML_RENDER_LIMIT} what="This page">
      <HtmlFrame doc={doc} />
    </LargeOutputGate>
  );
}

function HtmlFrame({ doc }: { doc: OutputDoc }) {
  const allowScripts = useOutput((s) => s.allowScripts);
  const setAllowScripts = useOutput((s) => s.setAllowScripts);
  return (
    <div className="html-view">
      <label className="inline">
        <input type="checkbox" checked={allowScripts} onChange={(e) => setAllowScripts(e.target.checked)} /> Allow scripts
      </label>
      {allowScripts ? <ScriptFrame key={doc.id} doc={doc} /> : <StaticFrame doc={doc} />}
    </div>
  );
}

function StaticFrame({ doc }: { doc: OutputDoc }) {
  const src = useBlobSrc(doc, 'text/html;charset=utf-8');
  return <iframe ref={src} className="html-frame" title="HTML output" sandbox="" />;
}

/** Keyed by output: a page's scripts never see the next output. */
function ScriptFrame({ doc }: { doc: OutputDoc }) {
  const ref = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      const frame = ref.current?.contentWindow;
      // Only our frame may talk to us, and all it may say is "ready".
      if (!frame || event.source !== frame) return;
      const data = event.data;
      if (typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'ready') return;
      // An opaque origin has no name to target: '*' to the one window we checked above.
      void doc.blob.then((blob) => frame.postMessage({ type: 'render', html: blob.slice(0, blob.size, 'text/html') }, '*'));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [doc]);
  return <iframe ref={ref} className="html-frame" title="HTML output" sandbox="allow-scripts" src={frameUrl} />;
}
