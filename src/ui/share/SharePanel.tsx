/** "Share" in the header: opens the Share dialog; also shows why an opened link could not be used. */
import { useEffect } from 'react';
import { isReadOnlyEmbed } from '../../share/embedSnippet';
import { useModule } from '../../state/moduleStore';
import { useShare } from '../../state/shareStore';
import { ShareDialog } from './ShareDialog';
import './share.css';

export function SharePanel() {
  const error = useShare((s) => s.error);
  const openDialog = useShare((s) => s.openDialog);
  const hasModule = useModule((s) => s.current !== null);
  useEffect(() => {
    // `?embed=1&readonly=1`: share.css hides the controls that load, share or change the setup.
    if (isReadOnlyEmbed(location.search)) document.documentElement.dataset.readonly = 'true';
  }, []);

  return (
    <div className="share">
      <button type="button" disabled={!hasModule} onClick={openDialog}>
        Share
      </button>
      {/* Why an opened link could not be used; "Share" explains its own problems in the dialog. */}
      {error && (
        <p role="alert" className="error-text share-error">
          {error}
        </p>
      )}
      <ShareDialog />
    </div>
  );
}
