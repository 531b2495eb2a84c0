/** "Download bundle": the module and the link state in one HTML file (src/share/bundle.ts). */
import { getEngine } from '../../sandbox/instance';
import { buildBundleHtml, bundleFileName } from '../../share/bundle';
import type { MadeLink } from '../../state/shareStore';

export function BundleButton({ made }: { made: MadeLink }) {
  return (
    <button
      type="button"
      onClick={() => {
        const bytes = getEngine().bytesOf(made.module.sha256);
        if (!bytes) return;
        const html = buildBundleHtml({ appUrl: `${location.origin}${location.pathname}`, hash: made.hash, name: made.module.name, sha256: made.module.sha256, bytes });
        const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = bundleFileName(made.module.name);
        a.click();
        // Revoked later: the download reads the blob after this handler returns.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }}
    >
      Download bundle
    </button>
  );
}
