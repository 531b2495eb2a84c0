/// <reference lib="webworker" />
/** Analyser worker: hashes, parses and compiles module bytes off the main thread (DESIGN.md §1). */
import type { AnalyserEvent, AnalyserRequest } from '../sandbox/protocol';
import { analyseBytes } from './analyseBytes';
import { fetchModule } from './fetchModule';

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
    default: {
      const never: never = request;
      throw new Error(`unknown analyser request ${JSON.stringify(never)}`);
    }
  }
};
