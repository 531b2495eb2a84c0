/// <reference lib="webworker" />
/** Analyser worker: hashes, parses and compiles module bytes off the main thread (DESIGN.md §1). */
import type { AnalyserEvent, AnalyserRequest } from './protocol';
import { analyseBytes } from './analyseBytes';
import { fetchModule } from './fetchModule';
import { DEFAULT_UNZIP_LIMITS, unzipFiles } from '../../host/fs/unzip';
import { decodeShareHash } from '../../share/codec';
import { limitMemory } from '../../wasm/limitMemory';
import { cacheModuleBytes, CACHED_COPY_MIN_BYTES } from '../../storage/compiledCache';
import { saveBytesIfNew } from '../../storage/library';
import { openFromLibrary } from './openFromLibrary';
import { transpileComponent } from './transpile';
import { readClaims } from '../../wasm/claims/verify';
import { checkModule } from '../../wasm/checks/check';

const post = (event: AnalyserEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer);

/** Store bytes in the library for the page, then say whether it worked. */
async function keep(jobId: number, id: string, bytes: Uint8Array): Promise<void> {
  try {
    await saveBytesIfNew(id, bytes);
    post({ type: 'kept', jobId });
    // A second copy in Cache Storage, faster to read back; the library works without it.
    await cacheModuleBytes(id, bytes).catch(() => undefined);
  } catch (err) {
    const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
    post({ type: 'kept', jobId, error: { quota, message: err instanceof Error ? err.message : String(err) } });
  }
}

self.onmessage = async (event: MessageEvent<AnalyserRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'analyse': {
      const bytes = new Uint8Array(request.bytes);
      const analysing = analyseBytes(bytes, { sha256: request.sha256 });
      // The library's copy (the original goes back to the page) is made while the engine compiles.
      const toKeep = request.keep ? (request.giveBack ? bytes.slice() : bytes) : null;
      const outcome = await analysing;
      if (!outcome.ok) return post({ type: 'failed', jobId: request.jobId, error: outcome.error });
      const back = request.giveBack ? { bytes: request.bytes } : {};
      post({ type: 'analysed', jobId: request.jobId, ...outcome.value, ...back }, request.giveBack ? [request.bytes] : []);
      if (toKeep) await keep(request.jobId, outcome.value.sha256, toKeep);
      return;
    }
    case 'fetch': {
      const outcome = await fetchModule(request.url, (received, total) => post({ type: 'progress', jobId: request.jobId, received, total }), { copyToKeep: request.keep === true });
      if (!outcome.ok) return post({ type: 'failed', jobId: request.jobId, error: outcome.error });
      const { keepCopy, ...fetched } = outcome.value;
      post({ type: 'analysed', jobId: request.jobId, ...fetched }, [fetched.bytes]);
      if (keepCopy) await keep(request.jobId, fetched.sha256, keepCopy);
      return;
    }
    case 'open': {
      const opened = await openFromLibrary(request.id);
      if (!opened.ok) return post({ type: 'failed', jobId: request.jobId, error: opened.error });
      const { bytes, cached } = opened.value;
      const analysing = analyseBytes(bytes, { sha256: request.id });
      // Stored before the Cache Storage copy existed: add it now (copied while the engine compiles).
      const toCache = cached || bytes.length < CACHED_COPY_MIN_BYTES ? null : bytes.slice();
      const outcome = await analysing;
      if (!outcome.ok) return post({ type: 'failed', jobId: request.jobId, error: outcome.error });
      post({ type: 'analysed', jobId: request.jobId, ...outcome.value, bytes: bytes.buffer }, [bytes.buffer]);
      if (toCache) await cacheModuleBytes(request.id, toCache).catch(() => undefined);
      return;
    }
    case 'unzip': {
      const result = unzipFiles(new Uint8Array(request.bytes), DEFAULT_UNZIP_LIMITS, (received, total) => post({ type: 'progress', jobId: request.jobId, received, total }));
      const buffers = result.ok ? result.files.flatMap((f) => (f.data ? [f.data.buffer as ArrayBuffer] : [])) : [];
      post({ type: 'unzipped', jobId: request.jobId, result }, buffers);
      return;
    }
    case 'decode-share': {
      const decoded = decodeShareHash(request.hash);
      post({ type: 'share-decoded', jobId: request.jobId, ...(decoded ? { decoded } : {}) });
      return;
    }
    case 'limit': {
      const limited = limitMemory(new Uint8Array(request.bytes), request.maxPages);
      if (!limited.ok) {
        post({ type: 'failed', jobId: request.jobId, error: { code: 'invalid', title: `The module could not be prepared for memory.max_pages = ${request.maxPages}: ${limited.message}.`, detail: 'Load the module again; if this repeats, leave memory.max_pages out of the manifest.' } });
        return;
      }
      const t0 = performance.now();
      try {
        const module = await WebAssembly.compile(limited.bytes);
        post({ type: 'limited', jobId: request.jobId, module, compileMs: performance.now() - t0 });
      } catch (err) {
        post({ type: 'failed', jobId: request.jobId, error: { code: 'invalid', title: 'The module with its memory capped does not compile.', detail: err instanceof Error ? err.message : String(err) } });
      }
      return;
    }
    case 'transpile': {
      const outcome = await transpileComponent(request.id, new Uint8Array(request.bytes), request.jspi);
      if (!outcome.ok) return post({ type: 'failed', jobId: request.jobId, error: outcome.error });
      post({ type: 'transpiled', jobId: request.jobId, ...outcome.value });
      return;
    }
    case 'claims': {
      const report = await readClaims(new Uint8Array(request.bytes), request.nowMs);
      post({ type: 'claims-read', jobId: request.jobId, report });
      return;
    }
    case 'check': {
      post({ type: 'checked', jobId: request.jobId, report: checkModule(request.module, request.checkFile) });
      return;
    }
    default: {
      const never: never = request;
      throw new Error(`unknown analyser request ${JSON.stringify(never)}`);
    }
  }
};
