/** Downloads a module with progress, compiling it while it streams in. */
import type { Analysed, Compiling, Outcome } from './analyseBytes';
import { ByteCollector } from '../../util/byteCollector';
import { analyseBytes } from './analyseBytes';
import { badUrl, corsFailure, httpStatus, networkFailure, notWasm } from './loadErrors';

/** `keepCopy`: a copy of the bytes for the library, when asked for (the bytes themselves go to the page). */
type Fetched = Analysed & { bytes: ArrayBuffer; contentType?: string; keepCopy?: Uint8Array };

const PROGRESS_INTERVAL_MS = 50;

/** Fetch `url`, report progress, stream-compile, then analyse. Never throws. */
export async function fetchModule(url: string, onProgress: (received: number, total?: number) => void, options: { copyToKeep?: boolean } = {}): Promise<Outcome<Fetched>> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: badUrl(url) };
  }
  if (!['http:', 'https:', 'blob:', 'data:'].includes(parsed.protocol)) return { ok: false, error: badUrl(url) };

  let response: Response;
  try {
    response = await fetch(parsed, { mode: 'cors', credentials: 'omit' });
  } catch (err) {
    return { ok: false, error: await classifyFetchFailure(parsed.href, err) };
  }
  if (!response.ok) return { ok: false, error: httpStatus(parsed.href, response.status, response.statusText) };

  const contentType = response.headers.get('content-type') ?? undefined;
  // Content-Length is the compressed size when the body is encoded: no total then.
  const length = Number(response.headers.get('content-length'));
  const total = !response.headers.get('content-encoding') && length > 0 ? length : undefined;
  if (!response.body) return { ok: false, error: networkFailure(parsed.href, 'The response had no body.') };

  const compiling = startStreamingCompile(response, contentType);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readAll(compiling.reader, total, onProgress);
  } catch (err) {
    return { ok: false, error: networkFailure(parsed.href, `The download was interrupted (${errorText(err)}).`) };
  }
  const isWasm = bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
  if (bytes.length > 0 && !isWasm) return { ok: false, error: notWasm(bytes, contentType) };

  // Hashing and parsing start now; the compile has been running since the first chunk.
  const analysing = analyseBytes(bytes, { compiling: compiling.compiling });
  // The library's copy is made while the engine finishes compiling, off the critical path.
  const keepCopy = options.copyToKeep ? bytes.slice() : undefined;
  const outcome = await analysing;
  if (!outcome.ok) return outcome;
  return { ok: true, value: { ...outcome.value, bytes: bytes.buffer, contentType, ...(keepCopy ? { keepCopy } : {}) } };
}

/**
 * Compile the body while it downloads. A response the server labelled application/wasm goes to
 * the engine as a native clone (the browser tees it without our thread touching the chunks); any
 * other type is relabelled through a stream tee, since compileStreaming insists on the type.
 */
function startStreamingCompile(response: Response, contentType: string | undefined): { compiling: Compiling; reader: ReadableStream<Uint8Array> } {
  const startedAt = performance.now();
  let module: Promise<WebAssembly.Module>;
  let reader: ReadableStream<Uint8Array>;
  if (contentType?.trim().toLowerCase() === 'application/wasm') {
    module = WebAssembly.compileStreaming(response.clone());
    reader = response.body as ReadableStream<Uint8Array>;
  } else {
    const [toCompiler, toReader] = (response.body as ReadableStream<Uint8Array>).tee();
    module = WebAssembly.compileStreaming(new Response(toCompiler, { headers: { 'content-type': 'application/wasm' } }));
    reader = toReader;
  }
  module.catch(() => undefined);
  return { compiling: { module, startedAt }, reader };
}

async function readAll(stream: ReadableStream<Uint8Array>, total: number | undefined, onProgress: (received: number, total?: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const collector = new ByteCollector(total);
  let lastReport = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    collector.push(value);
    const now = performance.now();
    if (now - lastReport > PROGRESS_INTERVAL_MS) {
      lastReport = now;
      onProgress(collector.received, total);
    }
  }
  onProgress(collector.received, total);
  return collector.take();
}

/** fetch() says only "Failed to fetch" for both; an opaque no-cors request tells them apart. */
async function classifyFetchFailure(url: string, err: unknown) {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit' });
    return corsFailure(url);
  } catch {
    return networkFailure(url, `The browser reported: ${errorText(err)}.`);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
