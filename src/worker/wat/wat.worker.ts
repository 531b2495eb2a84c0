/// <reference lib="webworker" />
/**
 * WAT worker: prints modules to text and parses text to modules with jco's wasm-tools (lazily
 * imported: its engine is megabytes of wasm that users who never open the WAT tab don't load).
 */
import type * as WasmToolsTypes from '@bytecodealliance/jco-transpile/wasm-tools';
import { lineAt, lineStarts, outlineFunctions } from '../../wasm/wat/outline';
import { watErrorFrom } from '../../wasm/wat/parseError';
import type { WatEvent, WatRequest } from './protocol';

type WasmTools = typeof WasmToolsTypes;
let tools: Promise<WasmTools> | null = null;
function wasmTools(): Promise<WasmTools> {
  tools ??= import('@bytecodealliance/jco-transpile/wasm-tools').catch((err: unknown) => {
    tools = null;
    throw err;
  });
  return tools;
}

interface Doc {
  text: string;
  starts: Uint32Array;
}
const docs = new Map<number, Doc>();
/** Printed texts kept: the WAT tab's and one before it (a 10 MB module prints to ~100 MB of text). */
const MAX_DOCS = 2;
/** Lines sent with `printed`: one of the page's chunks (watDoc.ts CHUNK). */
const HEAD_LINES = 256;
/** Most lines one `lines` request returns. */
const MAX_WINDOW = 5000;

const post = (event: WatEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer);
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

function window(doc: Doc, from: number, to: number): string[] {
  const end = Math.min(to, from + MAX_WINDOW, doc.starts.length);
  const lines: string[] = [];
  for (let i = Math.max(0, from); i < end; i++) lines.push(lineAt(doc.text, doc.starts, i));
  return lines;
}

/** The first `n` lines of `text`, found without indexing the rest. */
function headLines(text: string, n: number): string[] {
  const lines: string[] = [];
  let from = 0;
  while (lines.length < n && from <= text.length) {
    const nl = text.indexOf('\n', from);
    lines.push(text.slice(from, nl === -1 ? text.length : nl));
    if (nl === -1) break;
    from = nl + 1;
  }
  return lines;
}

self.onmessage = async (event: MessageEvent<WatRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'print': {
      let text: string;
      const t0 = performance.now();
      try {
        text = await (await wasmTools()).print(new Uint8Array(request.bytes));
      } catch (err) {
        return post({ type: 'failed', jobId: request.jobId, message: `wasm-tools could not print this module: ${messageOf(err)}` });
      }
      const printMs = performance.now() - t0;
      // The first screen goes out before the whole text is indexed (~1 s for 7 million lines).
      post({ type: 'head', jobId: request.jobId, head: headLines(text, HEAD_LINES), chars: text.length });
      const t1 = performance.now();
      const starts = lineStarts(text);
      const outline = outlineFunctions(text, starts);
      const doc = { text, starts };
      docs.set(request.docId, doc);
      while (docs.size > MAX_DOCS) docs.delete(docs.keys().next().value as number);
      const transfer = [outline.starts.buffer, outline.ends.buffer, outline.indices.buffer, outline.nested.buffer];
      post({ type: 'printed', jobId: request.jobId, lineCount: starts.length, chars: text.length, outline, head: window(doc, 0, HEAD_LINES), printMs, indexMs: performance.now() - t1 }, transfer);
      return;
    }
    case 'lines': {
      const doc = docs.get(request.docId);
      if (!doc) return post({ type: 'failed', jobId: request.jobId, message: 'This WAT text is no longer kept; open the WAT tab again.' });
      return post({ type: 'lines', jobId: request.jobId, from: request.from, lines: window(doc, request.from, request.to) });
    }
    case 'text': {
      const doc = docs.get(request.docId);
      if (!doc) return post({ type: 'failed', jobId: request.jobId, message: 'This WAT text is no longer kept; open the WAT tab again.' });
      if (doc.text.length > request.maxChars) {
        return post({ type: 'failed', jobId: request.jobId, message: `The module's text is ${Math.ceil(doc.text.length / 1024 / 1024)} MB, too large to edit here (the editor takes up to ${Math.floor(request.maxChars / 1024 / 1024)} MB). Use "Download .wat" and a desktop editor.` });
      }
      return post({ type: 'text', jobId: request.jobId, text: doc.text });
    }
    case 'blob': {
      const doc = docs.get(request.docId);
      if (!doc) return post({ type: 'failed', jobId: request.jobId, message: 'This WAT text is no longer kept; open the WAT tab again.' });
      return post({ type: 'blob', jobId: request.jobId, blob: new Blob([doc.text], { type: 'text/plain' }) });
    }
    case 'close':
      docs.delete(request.docId);
      return;
    case 'parse': {
      const t0 = performance.now();
      let bytes: Uint8Array;
      try {
        bytes = await (await wasmTools()).parse(request.text);
      } catch (err) {
        return post({ type: 'parse-failed', jobId: request.jobId, error: watErrorFrom(messageOf(err), request.text) });
      }
      // The text format does not type-check: find a validation error here, while the text is at hand.
      try {
        if (bytes[4] === 1) await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
      } catch (err) {
        return post({ type: 'parse-failed', jobId: request.jobId, error: { line: 1, column: 1, message: `The text parses, but the module is not valid: ${messageOf(err)}` } });
      }
      const buffer = bytes.buffer.byteLength === bytes.length && bytes.byteOffset === 0 ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
      post({ type: 'parsed', jobId: request.jobId, bytes: buffer, parseMs: performance.now() - t0 }, [buffer]);
      return;
    }
    default: {
      const never: never = request;
      throw new Error(`unknown WAT request ${JSON.stringify(never)}`);
    }
  }
};
