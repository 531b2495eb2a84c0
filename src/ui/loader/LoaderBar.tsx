/** File picker and URL box: two of the three ways in (the third is dropping anywhere). */
import { useState } from 'react';
import { useModule } from '../../state/moduleStore';
import { loadFile } from './loadFile';

export function LoaderBar() {
  const load = useModule((s) => s.load);
  const [url, setUrl] = useState('');
  // The box shows where the current module came from (a share link, a recent entry), until edited.
  const sourceUrl = useModule((s) => s.current?.sourceUrl);
  const [shownSource, setShownSource] = useState<string | undefined>(undefined);
  if (sourceUrl !== shownSource) {
    setShownSource(sourceUrl);
    if (sourceUrl && /^https?:/.test(sourceUrl)) setUrl(sourceUrl);
  }

  return (
    <div className="loader-bar">
      <label className="file-button">
        <span>Open .wasm…</span>
        <input
          type="file"
          aria-label="Module file"
          accept=".wasm,application/wasm,.json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void loadFile(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <form
        className="url-form"
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = url.trim();
          if (!trimmed) return;
          // Relative URLs resolve against the app, so hosted examples work from any sub-path.
          let absolute = trimmed;
          let isManifest = false;
          try {
            const parsed = new URL(trimmed, location.href);
            absolute = parsed.href;
            // A .json URL is an Extism manifest; its wasm URLs resolve against it.
            isManifest = /\.json($|[?#])/i.test(parsed.pathname);
          } catch {
            // Not a URL even relative to the app (e.g. "http://<x>/"): loaded as typed, so the analyser reports it as a bad URL instead of this handler throwing.
          }
          void load(isManifest ? { manifest: { url: absolute } } : { url: absolute }, absolute);
        }}
      >
        <input type="text" inputMode="url" autoComplete="url" spellCheck={false} aria-label="Module URL" placeholder="https://…/module.wasm" value={url} onChange={(e) => setUrl(e.target.value)} />
        <button type="submit">Load</button>
      </form>
    </div>
  );
}
