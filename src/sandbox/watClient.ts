/** Main-thread side of the WAT worker (print, lines, parse): one worker for the page, started on first use. */
import { JobClient } from '../util/jobClient';
import type { WatError } from '../wasm/wat/parseError';
import type { PrintedEvent, WatEvent, WatRequest } from '../worker/wat/protocol';

export type { WatError } from '../wasm/wat/parseError';
export type { WatOutline } from '../wasm/wat/outline';
export type Printed = Omit<PrintedEvent, 'type' | 'jobId'>;
export type ParseOutcome = { ok: true; bytes: Uint8Array; parseMs: number } | { ok: false; error: WatError };

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };
type Answer = Exclude<WatEvent, { type: 'failed' }>;

const jobs = new JobClient<WatRequest, WatEvent>(() => new Worker(new URL('../worker/wat/wat.worker.ts', import.meta.url), { type: 'module', name: 'wat' }));
let nextDoc = 1;

function ask<T extends Answer['type']>(build: (jobId: number) => WatRequest, want: T, transfer: Transferable[] = [], early?: (event: WatEvent) => void): Promise<Outcome<Extract<Answer, { type: T }>>> {
  return new Promise((resolve) => {
    jobs.start(build, {
      event(event) {
        early?.(event);
        if (event.type === 'failed') resolve({ ok: false, message: event.message });
        else if (event.type === want) resolve({ ok: true, value: event as Extract<Answer, { type: T }> });
        else return false;
        return true;
      },
      fail: (end) => resolve({ ok: false, message: `The WAT worker stopped (${end.message}). Open the WAT tab again.` }),
    }, transfer);
  });
}

/** Print `bytes` (copied: the caller keeps its module) into a new document; `onHead` gets the first lines early. */
export async function printWat(bytes: Uint8Array, onHead?: (head: string[]) => void): Promise<Outcome<Printed & { docId: number }>> {
  const docId = nextDoc++;
  const copy = bytes.slice().buffer;
  const out = await ask((jobId) => ({ type: 'print', jobId, docId, bytes: copy }), 'printed', [copy], (event) => event.type === 'head' && onHead?.(event.head));
  if (!out.ok) return out;
  const { type: _t, jobId: _j, ...printed } = out.value;
  return { ok: true, value: { ...printed, docId } };
}

/** Lines `from` to `to` (exclusive) of a document. */
export async function watLines(docId: number, from: number, to: number): Promise<Outcome<string[]>> {
  const out = await ask((jobId) => ({ type: 'lines', jobId, docId, from, to }), 'lines');
  return out.ok ? { ok: true, value: out.value.lines } : out;
}

export async function watText(docId: number, maxChars: number): Promise<Outcome<string>> {
  const out = await ask((jobId) => ({ type: 'text', jobId, docId, maxChars }), 'text');
  return out.ok ? { ok: true, value: out.value.text } : out;
}

export async function watBlob(docId: number): Promise<Outcome<Blob>> {
  const out = await ask((jobId) => ({ type: 'blob', jobId, docId }), 'blob');
  return out.ok ? { ok: true, value: out.value.blob } : out;
}

export function closeWat(docId: number): void {
  jobs.send({ type: 'close', docId });
}

/** WAT source → module bytes, or the first error with its line and column. */
export async function parseWat(text: string): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    jobs.start((jobId) => ({ type: 'parse', jobId, text }), {
      event(event) {
        if (event.type === 'parsed') resolve({ ok: true, bytes: new Uint8Array(event.bytes), parseMs: event.parseMs });
        else if (event.type === 'parse-failed') resolve({ ok: false, error: event.error });
        else if (event.type === 'failed') resolve({ ok: false, error: { line: 1, column: 1, message: event.message } });
        else return false;
        return true;
      },
      fail: (end) => resolve({ ok: false, error: { line: 1, column: 1, message: `The WAT worker stopped (${end.message}); compile again.` } }),
    });
  });
}
