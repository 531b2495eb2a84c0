/** The `<iframe>` a course page pastes to embed the playground with a share state (README "Automation and embed API"). */

export interface EmbedOptions {
  /** `&readonly=1`: the embedded page hides the controls that load, share or change the setup. */
  readOnly: boolean;
  /** Title of the frame, for screen readers. */
  title?: string;
}

/** The embed URL: the app with `?embed=1` (and `&readonly=1`) and the share hash. */
export function embedUrl(appUrl: string, hash: string, options: EmbedOptions): string {
  const base = appUrl.replace(/[?#].*$/, '');
  return `${base}?embed=1${options.readOnly ? '&readonly=1' : ''}${hash}`;
}

/** The snippet, e.g. `<iframe src="https://…/?embed=1#s=…" title="Wasm Playground" …></iframe>`. */
export function embedSnippet(appUrl: string, hash: string, options: EmbedOptions): string {
  const src = escapeAttribute(embedUrl(appUrl, hash, options));
  const title = escapeAttribute(options.title ?? 'Wasm Playground');
  return `<iframe src="${src}" title="${title}" width="100%" height="640" style="border:1px solid #ccc;border-radius:6px" loading="lazy"></iframe>`;
}

/** Whether this page was opened as a read-only embed. */
export function isReadOnlyEmbed(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.get('embed') === '1' && params.get('readonly') === '1';
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
