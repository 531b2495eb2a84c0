/** Copy and Download for an output's bytes, through its Blob so nothing big is decoded on the page. */
import type { OutputDoc } from '../../sandbox/outputClient';
import type { RendererId } from '../../output/registry';
import { extensionFor } from '../../output/sniff';

/** `<func>-output.<ext>` for the shown MIME type. */
export function outputFileName(func: string, mime: string): string {
  return `${func}-output.${extensionFor(mime)}`;
}

/** The output's Blob typed as `mime` (a view, not a copy). */
export async function typed(doc: OutputDoc, mime: string): Promise<Blob> {
  const blob = await doc.blob;
  return blob.slice(0, blob.size, mime);
}

/** Save `blob` as `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started reading the URL by the next tasks; give it a moment anyway.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Above this many bytes on the clipboard, Copy asks first: Chromium takes a clipboard write on
 * the page's own thread (about 1.4 s for 100 MB here), which Download does not.
 */
export const COPY_CONFIRM_BYTES = 16 * 1024 * 1024;

/** Bytes Copy would put on the clipboard: base64 makes 4 of every 3. */
export function clipboardBytes(size: number, kind: 'text' | 'image' | 'base64'): number {
  return kind === 'base64' ? Math.ceil(size / 3) * 4 : size;
}

const TEXT_RENDERERS: ReadonlySet<RendererId> = new Set(['text', 'json', 'html', 'markdown', 'csv', 'tsv', 'svg']);

/** How Copy puts an output on the clipboard, for the button's tooltip. */
export function copyKind(renderer: RendererId): 'text' | 'image' | 'base64' {
  if (TEXT_RENDERERS.has(renderer)) return 'text';
  return renderer === 'image' ? 'image' : 'base64';
}

/**
 * Copy: text as text, images as PNG (the one image type the async clipboard takes; others are
 * re-encoded in the worker), anything else as base64 text. The ClipboardItem gets a promise so
 * the write starts inside the click, as Chromium and Safari require.
 */
export async function copyOutput(doc: OutputDoc, mime: string, renderer: RendererId): Promise<void> {
  const kind = copyKind(renderer);
  const essence = mime.split(';')[0]!.trim().toLowerCase();
  if (typeof ClipboardItem === 'undefined') {
    // Old browsers: text only, read off the Blob (async, not a decode of the bytes here).
    const blob = kind === 'base64' ? await doc.base64() : await doc.blob;
    return navigator.clipboard.writeText(await blob.text());
  }
  let item: ClipboardItem;
  if (kind === 'text') item = new ClipboardItem({ 'text/plain': typed(doc, 'text/plain') });
  else if (kind === 'image') item = new ClipboardItem({ 'image/png': essence === 'image/png' ? typed(doc, 'image/png') : doc.png(essence) });
  else item = new ClipboardItem({ 'text/plain': doc.base64() });
  return navigator.clipboard.write([item]);
}
