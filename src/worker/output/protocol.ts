/**
 * Messages between the page and the output worker (src/worker/output.worker.ts), types only.
 * A document is an output opened once (`open`, then its bytes as copied `chunk`s, transferred;
 * or `adopt`, which hands over the page's own buffer and gets it back once the worker has its
 * copy) and then asked about by numbered jobs, which wait for the last chunk.
 */
import type { Separator } from '../../output/delimited';
import type { JsonNode, JsonPath } from '../../output/jsonTree';

export type OutputRequest =
  | { type: 'open'; docId: number; size: number }
  | { type: 'chunk'; docId: number; offset: number; bytes: Uint8Array }
  | { type: 'close'; docId: number }
  /** Open a document from the page's buffer, transferred: the worker copies it and sends it back (`adopted`). */
  | { type: 'adopt'; jobId: number; docId: number; bytes: ArrayBuffer }
  | { type: 'lines'; jobId: number; docId: number }
  | { type: 'records'; jobId: number; docId: number; separator: Separator }
  | { type: 'json'; jobId: number; docId: number }
  | { type: 'json-children'; jobId: number; docId: number; path: JsonPath; offset: number; limit: number }
  | { type: 'markdown'; jobId: number; docId: number }
  /** The output re-encoded as PNG, for the clipboard (which takes no other image type). */
  | { type: 'png'; jobId: number; docId: number; mime: string }
  /** The output as base64 text, for copying binary that has no clipboard type. */
  | { type: 'base64'; jobId: number; docId: number }
  /** The output's bytes as a Blob, made here so the page never copies them (Copy, Download, blob: URLs). */
  | { type: 'blob'; jobId: number; docId: number };

export type OutputEvent =
  | { type: 'lines'; jobId: number; starts: Uint32Array; truncated: boolean; end: number }
  | { type: 'records'; jobId: number; starts: Uint32Array; truncated: boolean; end: number }
  | { type: 'json'; jobId: number; root: JsonNode }
  | { type: 'json-children'; jobId: number; nodes: JsonNode[]; total: number }
  | { type: 'markdown'; jobId: number; pieces: string[] }
  | { type: 'blob'; jobId: number; blob: Blob }
  /** The page's buffer back; `kept` is false when the worker could not make its copy (it is then sent chunks later). */
  | { type: 'adopted'; jobId: number; bytes: ArrayBuffer; kept: boolean }
  | { type: 'failed'; jobId: number; message: string };

export type OutputJob = Exclude<OutputRequest, { type: 'open' } | { type: 'chunk' } | { type: 'close' } | { type: 'adopt' }>;
