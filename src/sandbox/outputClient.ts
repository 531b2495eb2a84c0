/** Main-thread side of the output worker: one worker, open documents, numbered jobs. */
import type { Separator } from '../output/delimited';
import type { JsonNode, JsonPath } from '../output/jsonTree';
import { JobClient } from '../util/jobClient';
import type { OutputEvent, OutputJob, OutputRequest } from '../worker/output/protocol';
import { indexLines } from '../output/lineIndex';
import type { LineIndex } from '../output/lineIndex';
import type { RecordIndex } from '../output/delimited';
import { childrenOf, jsonParsedOnPage, parsedOnPage, parseJson } from '../output/onPage';
import type { ParsedJson } from '../output/onPage';
import { sendInSlices, SLICE } from '../output/slices';

type Answer = Exclude<OutputEvent, { type: 'failed' }>;
/** A job without its ids, as a document method builds it. */
type JobBody<J = OutputJob> = J extends OutputJob ? Omit<J, 'jobId' | 'docId'> : never;

let nextDoc = 1;
/** Documents the current worker has been sent; a new worker starts with none. */
let opened = new Set<number>();
/** Bumped for each new worker: slices still being sent to an ended one stop. */
let generation = 0;

// Hostile output (say, JSON nested a million deep) can kill the worker: its jobs fail, the next starts afresh.
const jobs = new JobClient<OutputRequest, OutputEvent>(() => new Worker(new URL('../worker/output/output.worker.ts', import.meta.url), { type: 'module', name: 'output' }), {
  onNewWorker: () => {
    generation++;
    opened = new Set();
  },
});

function post(request: OutputRequest, transfer: Transferable[] = []): void {
  jobs.send(request, transfer);
}

/** Post the request `build` makes for a new job id; resolves with the worker's answer. */
function job(build: (jobId: number) => OutputRequest, transfer: Transferable[] = []): Promise<Answer> {
  return new Promise((resolve, reject) => {
    jobs.start(
      build,
      {
        event: (answer) => {
          if (answer.type === 'failed') reject(new Error(answer.message));
          else resolve(answer);
          return true;
        },
        fail: (end) => reject(new Error(end.message || 'the output worker stopped')),
      },
      transfer,
    );
  });
}

/**
 * An output the worker can answer questions about. Close it when the output goes away. A small
 * one (`onPage`) is answered on the page instead: it never reaches the worker for lines, nor for
 * JSON unless deeply nested (`jsonOnPage`).
 */
export class OutputDoc {
  readonly size: number;
  /** Parsed and indexed on the page (see output/onPage.ts), not in the worker. */
  readonly onPage: boolean;
  private blobPromise: Promise<Blob> | null = null;
  private parsed: ParsedJson | null = null;
  private jsonHere: boolean | null = null;

  /** The page keeps `bytes` (renderers read them); the worker gets its own copy, sent a slice per task unless adopted. */
  constructor(
    readonly bytes: Uint8Array,
    readonly id: number = nextDoc++,
  ) {
    this.size = bytes.length;
    this.onPage = parsedOnPage(this.size);
  }

  /** Its JSON is parsed on the page: `onPage` and not deeply nested (output/onPage.ts). */
  get jsonOnPage(): boolean {
    this.jsonHere ??= jsonParsedOnPage(this.bytes);
    return this.jsonHere;
  }

  /** The JSON parsed on the page, now (parsed once). Only when `jsonOnPage`. */
  jsonNow(): ParsedJson {
    if (!this.jsonOnPage) throw new Error(`this output (${this.size} bytes) is parsed in the output worker, not on the page`);
    this.parsed ??= parseJson(this.bytes);
    return this.parsed;
  }

  /** A page of the children at `path`, now. Only when `jsonOnPage`. */
  jsonChildrenNow(path: JsonPath, offset: number, limit: number): { nodes: JsonNode[]; total: number } {
    return childrenOf(this.jsonNow(), path, offset, limit);
  }

  /** The bytes as a Blob (made on first use; by the worker past one slice), for Copy, Download and blob: URLs. */
  get blob(): Promise<Blob> {
    this.blobPromise ??=
      this.size <= SLICE
        ? Promise.resolve(new Blob([this.bytes.slice()]))
        : this.askBlob({ type: 'blob' }).catch((err: unknown) => {
            this.blobPromise = null; // let a later Copy or Download try again
            throw err;
          });
    return this.blobPromise;
  }

  /** Line starts of the text. */
  async lines(): Promise<LineIndex> {
    if (this.onPage) return indexLines(this.bytes);
    const a = await this.ask({ type: 'lines' });
    if (a.type !== 'lines') throw unexpected(a);
    return { starts: a.starts, truncated: a.truncated, end: a.end };
  }

  /** Record starts of CSV/TSV. */
  async records(separator: Separator): Promise<RecordIndex> {
    const a = await this.ask({ type: 'records', separator });
    if (a.type !== 'records') throw unexpected(a);
    return { starts: a.starts, truncated: a.truncated, end: a.end };
  }

  /** Parse as JSON (in the worker, which keeps the document); rejects with the parse error. */
  async json(): Promise<JsonNode> {
    if (this.jsonOnPage) {
      const parsed = this.jsonNow();
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.root;
    }
    const a = await this.ask({ type: 'json' });
    if (a.type !== 'json') throw unexpected(a);
    return a.root;
  }

  async jsonChildren(path: JsonPath, offset: number, limit: number): Promise<{ nodes: JsonNode[]; total: number }> {
    if (this.jsonOnPage) return this.jsonChildrenNow(path, offset, limit);
    const a = await this.ask({ type: 'json-children', path, offset, limit });
    if (a.type !== 'json-children') throw unexpected(a);
    return { nodes: a.nodes, total: a.total };
  }

  /** Markdown rendered to HTML (not yet sanitised), in pieces of whole blocks. */
  async markdown(): Promise<string[]> {
    const a = await this.ask({ type: 'markdown' });
    if (a.type !== 'markdown') throw unexpected(a);
    return a.pieces;
  }

  /** The image re-encoded as PNG. */
  png(mime: string): Promise<Blob> {
    return this.askBlob({ type: 'png', mime });
  }

  /** The bytes as base64 text. */
  base64(): Promise<Blob> {
    return this.askBlob({ type: 'base64' });
  }

  /** Let the worker drop the document. Asking again reopens it. */
  close(): void {
    if (!opened.delete(this.id)) return;
    post({ type: 'close', docId: this.id });
  }

  private async askBlob(body: JobBody): Promise<Blob> {
    const a = await this.ask(body);
    if (a.type !== 'blob') throw unexpected(a);
    return a.blob;
  }

  private ask(body: JobBody): Promise<Answer> {
    jobs.warm();
    const gen = generation;
    if (!opened.has(this.id)) {
      opened.add(this.id);
      // Copies, transferred: the page keeps its bytes for Copy and Download (STYLE.md §3).
      post({ type: 'open', docId: this.id, size: this.size });
      void sendInSlices(
        this.bytes,
        (offset, slice) => post({ type: 'chunk', docId: this.id, offset, bytes: slice }, [slice.buffer]),
        () => generation === gen && opened.has(this.id),
      );
    }
    return job((jobId) => ({ ...body, jobId, docId: this.id }) as OutputJob);
  }
}

/**
 * A document for output `bytes` whose copy the worker makes: their buffer is transferred there and
 * comes back, so the page never copies a big output (100 MB is ~50 tasks of slicing otherwise).
 * `bytes` is detached meanwhile and after: use the document's `bytes`. A view into a larger buffer
 * is not moved; its document sends slices when first asked, as a `new OutputDoc` does.
 */
export async function adoptOutput(bytes: Uint8Array): Promise<OutputDoc> {
  const { buffer } = bytes;
  if (!(buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength) return new OutputDoc(bytes);
  const docId = nextDoc++;
  jobs.warm();
  const gen = generation;
  const a = await job((jobId) => ({ type: 'adopt', jobId, docId, bytes: buffer }), [buffer]);
  if (a.type !== 'adopted') throw unexpected(a);
  if (a.kept && generation === gen) opened.add(docId);
  return new OutputDoc(new Uint8Array(a.bytes), docId);
}

function unexpected(answer: Answer): Error {
  return new Error(`unexpected answer ${answer.type} from the output worker`);
}
