/** Downloads a module with progress, compiling it while it streams in. */
import type { Analysed, Outcome } from './analyseBytes';
import { analyseBytes } from './analyseBytes';
import { badUrl, corsFailure, httpStatus, networkFailure, notWasm } from './loadErrors';

type Fetched = Analysed & { bytes: ArrayBuffer; contentType?: string };

const PROGRESS_INTERVAL_MS = 50;

/** Fetch `url`, report progress, stream-compile, then analyse. Never throws. */
export async function fetchModule(url: string, onProgress: (received: number, total?: number) => void): Promise<Outcome<Fetched>> {
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

  const [toCompiler, toReader] = response.body.tee();
  // Our own Response with the right type: compileStreaming insists on application/wasm.
  const compiling = WebAssembly.compileStreaming(new Response(toCompiler, { headers: { 'content-type': 'application/wasm' } }));
  compiling.catch(() => undefined);

  let bytes: Uint8Array;
  try {
    bytes = await readAll(toReader, total, onProgress);
  } catch (err) {
    return { ok: false, error: networkFailure(parsed.href, `The download was interrupted (${errorText(err)}).`) };
  }
  const isWasm = bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
  if (bytes.length > 0 && !isWasm) return { ok: false, error: notWasm(bytes, contentType) };

  const outcome = await analyseBytes(bytes, { compiling });
  if (!outcome.ok) return outcome;
  return { ok: true, value: { ...outcome.value, bytes: bytes.buffer as ArrayBuffer, contentType } };
}

async function readAll(stream: ReadableStream<Uint8Array>, total: number | undefined, onProgress: (received: number, total?: number) => void): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let lastReport = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    const now = performance.now();
    if (now - lastReport > PROGRESS_INTERVAL_MS) {
      lastReport = now;
      onProgress(received, total);
    }
  }
  onProgress(received, total);
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
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
