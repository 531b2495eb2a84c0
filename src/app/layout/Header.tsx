/** The compact header: name, Open/URL/Load, an Examples slot, Recent, Share. */
import type { ReactNode } from 'react';
import { LoaderBar } from '../../ui/loader/LoaderBar';
import { RecentModules } from '../../ui/loader/RecentModules';
import { SharePanel } from '../../ui/share/SharePanel';

export function Header({ examples }: { examples?: ReactNode }) {
  return (
    <header className="topbar">
      <h1>
        <svg className="logo" width="20" height="20" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect width="16" height="16" rx="3.5" fill="var(--accent)" />
          <path d="M3.5 5l1.4 6 1.6-4.2L8 11l1.5-6M10.5 11l1.5-6 1.5 6M11 9.2h2" stroke="var(--accent-fg)" strokeWidth="1.2" fill="none" strokeLinejoin="round" />
        </svg>
        <span>Wasm Playground</span>
      </h1>
      <LoaderBar />
      <div className="topbar-actions">
        {examples}
        <RecentModules />
        <SharePanel />
      </div>
    </header>
  );
}
