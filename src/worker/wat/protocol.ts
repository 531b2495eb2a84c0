/**
 * Messages between the page and the WAT worker, types only. A document is one module's printed
 * text, kept in the worker: the page asks for its lines a window at a time, so no multi-megabyte
 * string crosses to the page or lands in the DOM.
 */
import type { WatError } from '../../wasm/wat/parseError';
import type { WatOutline } from '../../wasm/wat/outline';

export type WatRequest =
  /** Print a module (the buffer is transferred) as document `docId`; earlier documents beyond the last few are dropped. */
  | { type: 'print'; jobId: number; docId: number; bytes: ArrayBuffer }
  | { type: 'lines'; jobId: number; docId: number; from: number; to: number }
  /** The whole text (the editor), refused past `maxChars`. */
  | { type: 'text'; jobId: number; docId: number; maxChars: number }
  /** The whole text as a Blob: Copy and Download without a copy on the page. */
  | { type: 'blob'; jobId: number; docId: number }
  | { type: 'close'; docId: number }
  /** WAT source → module bytes, or where it is wrong. */
  | { type: 'parse'; jobId: number; text: string };

export interface PrintedEvent {
  type: 'printed';
  jobId: number;
  lineCount: number;
  chars: number;
  outline: WatOutline;
  /** The first lines, so the first screen needs no second round trip. */
  head: string[];
  /** jco's print alone. */
  printMs: number;
  /** Lines and functions indexed. */
  indexMs: number;
}

export type WatEvent =
  /** Sent as soon as the text is printed, before `printed` (which waits for the index). */
  | { type: 'head'; jobId: number; head: string[]; chars: number }
  | PrintedEvent
  | { type: 'lines'; jobId: number; from: number; lines: string[] }
  | { type: 'text'; jobId: number; text: string }
  | { type: 'blob'; jobId: number; blob: Blob }
  | { type: 'parsed'; jobId: number; bytes: ArrayBuffer; parseMs: number }
  | { type: 'parse-failed'; jobId: number; error: WatError }
  | { type: 'failed'; jobId: number; message: string };
