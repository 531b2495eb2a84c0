/// <reference lib="webworker" />
/** Analyser worker: hashes, parses and compiles module bytes off the main thread (DESIGN.md §1). */
import type { AnalyserEvent, AnalyserRequest } from '../sandbox/protocol';
import { analyseBytes } from './analyseBytes';
import { fetchModule } from './fetchModule';
import { limitMemory } from '../wasm/limitMemory';

const post = (event: AnalyserEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer);

self.onmessage = async (event: MessageEvent<AnalyserRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'analyse': {
      const outcome = await analyseBytes(new Uint8Array(request.bytes), { sha256: request.sha256 });
      if (outcome.ok) post({ type: 'analysed', jobId: request.jobId, ...outcome.value });
      else post({ type: 'failed', jobId: request.jobId, error: outcome.error });
      return;
    }
    case 'fetch': {
      const outcome = await fetchModule(request.url, (received, total) =>
        post({ type: 'progress', jobId: request.jobId, received, total }),
      );
      if (outcome.ok) post({ type: 'analysed', jobId: request.jobId, ...outcome.value }, outcome.value.bytes ? [outcome.value.bytes] : []);
      else post({ type: 'failed', jobId: request.jobId, error: outcome.error });
      return;
    }
    case 'limit': {
      const limited = limitMemory(new Uint8Array(request.bytes), request.maxPages);
      if (!limited.ok) {
        post({ type: 'failed', jobId: request.jobId, error: { code: 'invalid', title: `The module can't run within memory.max_pages = ${request.maxPages}: ${limited.message}.`, detail: 'Raise memory.max_pages in the manifest, or leave it out.' } });
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
