/**
 * Messages between the page and the output worker (src/worker/output.worker.ts), types only.
 * A document is an output opened once (`open`, then its bytes as copied `chunk`s, transferred)
 * and then asked about by numbered jobs, which wait for the last chunk.
 */
import type { Separator } from './delimited';
import type { JsonNode, JsonPath } from './jsonTree';

export type OutputRequest =
  | { type: 'open'; docId: number; size: number }
  | { type: 'chunk'; docId: number; offset: number; bytes: Uint8Array }
  | { type: 'close'; docId: number }
  | { type: 'lines'; jobId: number; docId: number }
  | { type: 'records'; jobId: number; docId: number; separator: Separator }
  | { type: 'json'; jobId: number; docId: number }
  | { type: 'json-children'; jobId: number; docId: number; path: JsonPath; offset: number; limit: number }
  | { type: 'markdown'; jobId: number; docId: number }
  /** The output re-encoded as PNG, for the clipboard (which takes no other image type). */
  | { type: 'png'; jobId: number; docId: number; mime: string }
  /** The output as base64 text, for copying binary that has no clipboard type. */
  | { type: 'base64'; jobId: number; docId: number };

export type OutputEvent =
  | { type: 'lines'; jobId: number; starts: Uint32Array; truncated: boolean; end: number }
  | { type: 'records'; jobId: number; starts: Uint32Array; truncated: boolean; end: number }
  | { type: 'json'; jobId: number; root: JsonNode }
  | { type: 'json-children'; jobId: number; nodes: JsonNode[]; total: number }
  | { type: 'markdown'; jobId: number; pieces: string[] }
  | { type: 'blob'; jobId: number; blob: Blob }
  | { type: 'failed'; jobId: number; message: string };

export type OutputJob = Exclude<OutputRequest, { type: 'open' } | { type: 'chunk' } | { type: 'close' }>;
