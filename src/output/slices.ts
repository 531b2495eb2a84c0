/**
 * Bytes the worker does not have yet cross to it a slice per task, so no copy of 100 MB runs in one
 * task on the page (DESIGN.md §10). In Chromium here `bytes.slice()` costs about 2 ms per MB (far
 * more on a loaded machine), so run outputs avoid this altogether (`adoptOutput` in client.ts).
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
