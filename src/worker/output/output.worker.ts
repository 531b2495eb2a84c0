/// <reference lib="webworker" />
/** Output worker: indexes, parses and re-encodes outputs so a 100 MB output never blocks the page (DESIGN.md §10). */
import type { OutputEvent, OutputRequest } from './protocol';
import { addChunk, adoptDoc, base64, blob, children, closeDoc, lines, markdown, openDoc, parseJson, png, records } from './outputJobs';

const post = (event: OutputEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer);

self.onmessage = async (event: MessageEvent<OutputRequest>) => {
  const request = event.data;
  if (request.type === 'open') return openDoc(request.docId, request.size);
  if (request.type === 'chunk') return addChunk(request.docId, request.offset, request.bytes);
  if (request.type === 'close') return closeDoc(request.docId);
  if (request.type === 'adopt') {
    // The page's own buffer goes back whether or not a copy could be made here.
    const kept = adoptDoc(request.docId, request.bytes);
    return post({ type: 'adopted', jobId: request.jobId, bytes: request.bytes, kept }, [request.bytes]);
  }
  const { jobId } = request;
  try {
    switch (request.type) {
      case 'lines': {
        const index = await lines(request.docId);
        return post({ type: 'lines', jobId, ...index }, [index.starts.buffer]);
      }
      case 'records': {
        const index = await records(request.docId, request.separator);
        return post({ type: 'records', jobId, ...index }, [index.starts.buffer]);
      }
      case 'json':
        return post({ type: 'json', jobId, root: await parseJson(request.docId) });
      case 'json-children':
        return post({ type: 'json-children', jobId, ...children(request.docId, request.path, request.offset, request.limit) });
      case 'markdown':
        return post({ type: 'markdown', jobId, pieces: await markdown(request.docId) });
      case 'png':
        return post({ type: 'blob', jobId, blob: await png(request.docId, request.mime) });
      case 'base64':
        return post({ type: 'blob', jobId, blob: await base64(request.docId) });
      case 'blob':
        return post({ type: 'blob', jobId, blob: await blob(request.docId) });
      default: {
        const never: never = request;
        throw new Error(`unknown output request ${JSON.stringify(never)}`);
      }
    }
  } catch (err) {
    post({ type: 'failed', jobId, message: err instanceof Error ? err.message : String(err) });
  }
};
