/**
 * "Download bundle": one self-contained HTML file with a module too big for a link and the link's
 * state. Opened from disk (or any static host), its button opens the app with the link (which asks
 * for the module file) and, when the app says it is ready, posts the bytes to the app's origin; the
 * app checks them against the link's SHA-256 as it does a picked file. Nothing runs by itself, and
 * the page also offers the module as a plain download, so a blocked pop-up is not a dead end.
 */
import { toBase64Url } from './base64url';

/** Posted by the app to its opener when a `&bundle=1` link waits for its module. */
export const BUNDLE_READY = 'wasmPlayground:bundle-ready';
/** Posted by the bundle page to the app: `{ type, name, bytes }`. */
export const BUNDLE_MODULE = 'wasmPlayground:bundle';

/** The hash flag that makes the app ask its opener for the module. */
export const BUNDLE_FLAG = 'bundle=1';

export interface BundleInput {
  /** The app's address without query or hash, e.g. "https://x.github.io/playground/". */
  appUrl: string;
  /** The share hash (`#s=…`) of a link that asks for the module file. */
  hash: string;
  name: string;
  sha256: string;
  bytes: Uint8Array;
}

/** Whether a share hash carries the bundle flag. */
export function hasBundleFlag(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).get('bundle') === '1';
}

/** A file name for the bundle: "plugin.wasm" → "plugin.playground.html". */
export function bundleFileName(moduleName: string): string {
  const stem = moduleName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'module';
  return `${stem}.playground.html`;
}

/** The bundle page's HTML. */
export function buildBundleHtml(input: BundleInput): string {
  const data = {
    app: input.appUrl,
    link: `${input.appUrl}${input.hash}&${BUNDLE_FLAG}`,
    name: input.name,
    sha256: input.sha256,
    module: toBase64Url(input.bytes),
  };
  // "<" escaped so no name or URL can end the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const name = escapeHtml(input.name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} · Wasm Playground bundle</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 3rem auto; padding: 0 1rem; color: #1b1f24; }
button, a.button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid #0b5cad; background: #0b5cad; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
a.button { background: #fff; color: #0b5cad; }
code { font-size: .9em; word-break: break-all; }
.muted { color: #57606a; }
</style>
</head>
<body>
<h1>${name}</h1>
<p>A Wasm Playground bundle: this module (${input.bytes.length.toLocaleString('en')} bytes, sha-256 <code>${input.sha256.slice(0, 16)}…</code>) and the setup it was shared with, in one file.</p>
<p><button type="button" id="open">Open in Wasm Playground</button> <a class="button" id="save" download="${name}">Save the module file</a></p>
<p id="status" role="status"></p>
<p class="muted">It opens <code>${escapeHtml(input.appUrl)}</code> and hands it the module; the playground checks it by SHA-256 and asks before it grants anything. If the pop-up is blocked or the page cannot reach this file, save the module file and pick it where the playground asks for it.</p>
<script type="application/json" id="bundle">${json}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('bundle').textContent);
  var text = atob(data.module.replace(/-/g, '+').replace(/_/g, '/'));
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  var status = document.getElementById('status');
  document.getElementById('save').href = URL.createObjectURL(new Blob([bytes], { type: 'application/wasm' }));
  var appOrigin = new URL(data.app).origin;
  var win = null;
  document.getElementById('open').addEventListener('click', function () {
    win = window.open(data.link, '_blank');
    status.textContent = win ? 'Opening the playground…' : 'The pop-up was blocked: allow pop-ups for this page, or save the module file and pick it in the playground.';
  });
  window.addEventListener('message', function (event) {
    if (!win || event.source !== win || event.origin !== appOrigin) return;
    if (!event.data || event.data.type !== '${BUNDLE_READY}') return;
    win.postMessage({ type: '${BUNDLE_MODULE}', name: data.name, bytes: bytes.slice() }, appOrigin);
    status.textContent = 'Sent ' + data.name + ' to the playground.';
  });
})();
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
