/**
 * Big outputs cross to Blobs and to the worker a slice per task, so no copy of 100 MB runs in one
 * task on the page (DESIGN.md §10). In Chromium here `new Blob([bytes])` costs 2–5 ms per MB
 * (a registration with the browser process), `bytes.slice()` about 2 ms per MB.
 */

/** Bytes per slice: a few ms of copying. */
export const SLICE = 2 * 1024 * 1024;

/** Yield to the event loop (a macrotask, so input and rendering get their turn). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** `bytes` as a Blob, one slice per task; a Blob of Blobs copies nothing more. */
export async function blobInSlices(bytes: Uint8Array): Promise<Blob> {
  if (bytes.length <= SLICE) return new Blob([bytes.slice()]);
  const parts: Blob[] = [];
  for (let at = 0; at < bytes.length; at += SLICE) {
    parts.push(new Blob([bytes.slice(at, at + SLICE)]));
    await nextTask();
  }
  return new Blob(parts);
}

/**
 * Copy `bytes` out a slice per task: `send` gets each copy (free to transfer) with its offset.
 * Stops early when `go()` turns false (the receiver went away).
 */
export async function sendInSlices(bytes: Uint8Array, send: (offset: number, slice: Uint8Array<ArrayBuffer>) => void, go: () => boolean): Promise<void> {
  for (let at = 0; at < bytes.length && go(); at += SLICE) {
    send(at, bytes.slice(at, at + SLICE));
    if (at + SLICE < bytes.length) await nextTask();
  }
}
