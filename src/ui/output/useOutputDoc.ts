/** The Blob and worker document behind an output, made once per output and closed when it goes. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { OutputDoc } from '../../sandbox/outputClient';
import type { RunOutput } from '../../sandbox/api';

/**
 * One document per output: its Blob (made on first use) serves Copy, Download and blob: URLs,
 * and the worker gets one copy of the bytes, so the page never decodes or copies them again.
 * `adopted` is the document the run store already opened for these bytes, if any.
 */
export function useOutputDoc(output: RunOutput | undefined, adopted: OutputDoc | null = null): OutputDoc | null {
  const doc = useMemo(() => (output ? (adopted?.bytes === output.bytes ? adopted : new OutputDoc(output.bytes)) : null), [output, adopted]);
  useEffect(() => () => doc?.close(), [doc]);
  return doc;
}

/**
 * A ref that points an element's `src` at a blob: URL of the output typed as `mime`; the URL is
 * revoked when the output, the type or the element changes (a React 19 ref cleanup).
 */
export function useBlobSrc(doc: OutputDoc | null, mime: string) {
  return useCallback(
    (element: HTMLImageElement | HTMLMediaElement | HTMLIFrameElement | null) => {
      if (!element || !doc) return;
      let live = true;
      let url: string | null = null;
      void doc.blob.then((blob) => {
        if (!live) return;
        // slice() with a type is a new view of the same bytes, not a copy.
        url = URL.createObjectURL(blob.slice(0, blob.size, mime));
        element.src = url;
      });
      return () => {
        live = false;
        if (url) URL.revokeObjectURL(url);
      };
    },
    [doc, mime],
  );
}

/** Answer of an async job for `key`, dropped if `key` has changed since (STYLE.md §2). */
export function useJob<K, T>(key: K | null, run: (key: K) => Promise<T>): { value?: T; error?: string } {
  const [state, setState] = useState<{ key: K; value?: T; error?: string } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    run(key).then(
      (value) => live && setState({ key, value }),
      (err: unknown) => live && setState({ key, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
    // `run` is a fresh closure each render; the key says when the job must run again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!state || state.key !== key) return {};
  return { value: state.value, error: state.error };
}
