/**
 * A printed module on the page: its outline, and its lines fetched from the WAT worker a chunk at
 * a time as they scroll into view (the text stays in the worker). One per module id, the last few kept.
 */
import { closeWat, printWat, watLines, type Printed } from '../../sandbox/watClient';

const CHUNK = 256;
/** Chunks kept per document: a few screens either way. */
const MAX_CHUNKS = 64;

export class WatDoc {
  private readonly chunks = new Map<number, string[]>();
  private readonly asked = new Set<number>();
  private readonly listeners = new Set<() => void>();
  /** Bumped when lines arrive (a snapshot for useSyncExternalStore). */
  version = 0;
  error: string | null = null;

  constructor(
    readonly docId: number,
    readonly printed: Printed,
  ) {
    // The worker sends exactly the first chunk (HEAD_LINES = CHUNK).
    this.chunks.set(0, printed.head);
  }

  get lineCount(): number {
    return this.printed.lineCount;
  }

  /** Line `i`, or undefined while it is fetched (a re-render follows). */
  line(i: number): string | undefined {
    const chunk = Math.floor(i / CHUNK);
    const lines = this.chunks.get(chunk);
    if (lines) {
      // Most recently used last: the oldest chunks are dropped first.
      this.chunks.delete(chunk);
      this.chunks.set(chunk, lines);
      return lines[i - chunk * CHUNK];
    }
    if (!this.asked.has(chunk)) this.fetch(chunk);
    return undefined;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private fetch(chunk: number): void {
    this.asked.add(chunk);
    void watLines(this.docId, chunk * CHUNK, (chunk + 1) * CHUNK).then((out) => {
      this.asked.delete(chunk);
      if (out.ok) {
        this.chunks.set(chunk, out.value);
        while (this.chunks.size > MAX_CHUNKS) this.chunks.delete(this.chunks.keys().next().value as number);
      } else this.error = out.message;
      this.version++;
      for (const l of this.listeners) l();
    });
  }
}

export type DocOutcome = { ok: true; doc: WatDoc } | { ok: false; message: string };
const docs = new Map<string, Promise<DocOutcome>>();
const KEEP = 2;

/** The printed document of module `id` (printed once, then shared by every view of it); `onHead`: its first lines, early. */
export function watDocFor(id: string, bytes: () => Uint8Array | undefined, onHead?: (head: string[]) => void): Promise<DocOutcome> {
  let doc = docs.get(id);
  if (!doc) {
    const b = bytes();
    if (!b) return Promise.resolve({ ok: false, message: 'The module’s bytes are not at hand; load it again.' });
    doc = printWat(b, onHead).then((out) => (out.ok ? { ok: true, doc: new WatDoc(out.value.docId, out.value) } : { ok: false, message: out.message }));
    docs.set(id, doc);
    // A failed print is not kept: the next view tries again.
    void doc.then((d) => {
      if (!d.ok && docs.get(id) === doc) docs.delete(id);
    });
    while (docs.size > KEEP) {
      const [oldId, old] = docs.entries().next().value as [string, Promise<DocOutcome>];
      docs.delete(oldId);
      void old.then((d) => d.ok && closeWat(d.doc.docId));
    }
  }
  return doc;
}
