/** The app shell: the header, page-wide banners, then the panes (wide screens) or tabs (phones). */
import type { ReactNode } from 'react';
import { Banners } from './layout/Banners';
import { DesktopLayout } from './layout/DesktopLayout';
import { Header } from './layout/Header';
import { PhoneLayout } from './layout/PhoneLayout';
import { PHONE_QUERY, useMediaQuery } from './layout/useMediaQuery';
import { ExamplesButton } from '../ui/examples/ExamplesButton';
import { NewWatButton } from '../ui/wat/NewWatButton';
import { restoreLastSession } from './useRestoreSession';
import { useShareLink } from './useShareLink';
import { useShortcuts } from './useShortcuts';
import { useWindowDrop } from './useWindowDrop';
import './layout/theme.css';
import './layout/layout.css';

/** Examples and "New WAT" (issue 10), between the URL box and Recent. */
const examplesButton: ReactNode = (
  <>
    <ExamplesButton />
    <NewWatButton />
  </>
);

export function App({ embedded }: { embedded: boolean }) {
  const dragging = useWindowDrop();
  const phone = useMediaQuery(PHONE_QUERY);
  useShortcuts();
  // A share link wins over the last session; an embedded app starts empty.
  useShareLink(() => {
    if (!embedded) restoreLastSession();
  });

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to the module
      </a>
      <Header examples={examplesButton} />
      <Banners embedded={embedded} />
      {phone ? <PhoneLayout /> : <DesktopLayout />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">
            <strong>Drop a .wasm file to load it</strong>
            <span>or an Extism manifest (.json)</span>
          </div>
        </div>
      )}
    </div>
  );
}
