/** File picker and URL box: two of the three ways in (the third is dropping anywhere). */
import { useState } from 'react';
import { useModule } from '../../state/moduleStore';
import { loadFile } from './loadFile';
import { readModuleUrl } from './moduleUrl';

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
        <svg className="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" aria-hidden="true" focusable="false">
          <path d="M2 4.5V12a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1H8L6.5 3.5H3A1 1 0 0 0 2 4.5z" />
        </svg>
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
          if (!url.trim()) return;
          // Relative URLs resolve against the app, so hosted examples work from any sub-path.
          const reading = readModuleUrl(url, location.href);
          if (!reading.ok) {
            useModule.setState({ loadError: { code: 'bad-url', title: reading.message, detail: '' } });
            return;
          }
          void load(reading.manifest ? { manifest: { url: reading.url } } : { url: reading.url }, reading.url);
        }}
      >
        <input type="text" inputMode="url" autoComplete="url" spellCheck={false} aria-label="Module URL" placeholder="https://…/module.wasm" value={url} onChange={(e) => setUrl(e.target.value)} />
        <button type="submit">Load</button>
      </form>
    </div>
  );
}
