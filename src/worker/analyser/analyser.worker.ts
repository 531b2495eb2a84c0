/// <reference lib="webworker" />
/** Analyser worker: hashes, parses and compiles module bytes off the main thread (DESIGN.md §1). */
import type { AnalyserEvent, AnalyserRequest } from './protocol';
import { analyseBytes } from './analyseBytes';
import { fetchModule } from './fetchModule';
import { DEFAULT_UNZIP_LIMITS, unzipFiles } from '../../host/fs/unzip';
import { decodeShareHash } from '../../share/codec';
import { limitMemory } from '../../wasm/limitMemory';
import { cacheModuleBytes, CODE_CACHE_MIN_BYTES, openCached } from '../../storage/compiledCache';
import { loadModuleBytes, saveBytesIfNew } from '../../storage/library';

const post = (event: AnalyserEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer);

/** Store bytes in the library for the page, then say whether it worked. */
async function keep(jobId: number, id: string, bytes: Uint8Array): Promise<void> {
  try {
    await saveBytesIfNew(id, bytes);
    post({ type: 'kept', jobId });
    // A second copy for compiled-code caching; the library works without it.
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
      const outcome = await analyseBytes(bytes, { sha256: request.sha256 });
      if (!outcome.ok) return post({ type: 'failed', jobId: request.jobId, error: outcome.error });
      // A copy to store when the original goes back to the page (copying here spares the page).
      const toKeep = request.keep ? (request.giveBack ? bytes.slice() : bytes) : null;
      const back = request.giveBack ? { bytes: request.bytes } : {};
      post({ type: 'analysed', jobId: request.jobId, ...outcome.value, ...back }, request.giveBack ? [request.bytes] : []);
      if (toKeep) await keep(request.jobId, outcome.value.sha256, toKeep);
      return;
    }
    case 'fetch': {
      const outcome = await fetchModule(request.url, (received, total) =>
        post({ type: 'progress', jobId: request.jobId, received, total }),
      );
      if (!outcome.ok) return post({ type: 'failed', jobId: request.jobId, error: outcome.error });
      const fetched = outcome.value.bytes;
      const toKeep = request.keep ? new Uint8Array(fetched).slice() : null;
      post({ type: 'analysed', jobId: request.jobId, ...outcome.value }, [fetched]);
      if (toKeep) await keep(request.jobId, outcome.value.sha256, toKeep);
      return;
    }
    case 'open': {
      // From Cache Storage the engine may reuse the code it compiled before (no compile at all),
      // and the bytes come from there too; the IndexedDB copy serves when it is not cached.
      const cached = await openCached(request.id);
      let stored: Uint8Array | undefined;
      let compiling: Promise<WebAssembly.Module> | undefined;
      try {
        if (cached) {
          stored = await cached.bytes;
          compiling = cached.module;
        }
      } catch {
        stored = undefined;
        compiling = undefined;
      }
      try {
        stored ??= await loadModuleBytes(request.id);
      } catch (err) {
        return post({ type: 'failed', jobId: request.jobId, error: { code: 'not-found', title: 'The module could not be read from the library.', detail: `${err instanceof Error ? err.message : String(err)}. Load it again from its file or URL.` } });
      }
      if (!stored) {
        return post({ type: 'failed', jobId: request.jobId, error: { code: 'not-found', title: `The library has no bytes for module ${request.id.slice(0, 12)}….`, detail: 'Load it again from its file or URL.' } });
      }
      // Our own copy: it can go to the page whole, without another copy.
      const bytes = stored.byteOffset === 0 && stored.byteLength === stored.buffer.byteLength ? stored : stored.slice();
      const toCache = compiling || bytes.length < CODE_CACHE_MIN_BYTES ? null : bytes.slice();
      const outcome = await analyseBytes(bytes, { sha256: request.id, ...(compiling ? { compiling } : {}) });
      if (!outcome.ok) return post({ type: 'failed', jobId: request.jobId, error: outcome.error });
      const buffer = bytes.buffer as ArrayBuffer;
      post({ type: 'analysed', jobId: request.jobId, ...outcome.value, bytes: buffer }, [buffer]);
      // Stored before compiled-code caching existed: cached now, so the next reload can use it.
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
    default: {
      const never: never = request;
      throw new Error(`unknown analyser request ${JSON.stringify(never)}`);
    }
  }
};
