/**
 * The Request form of a wasi:http incoming handler (a proxy component): what "Send" hands the
 * handler. Kept as typed; `incomingRequestOf` turns it into the run request's `request`, or says
 * what is wrong.
 */
import { create } from 'zustand';
import type { IncomingRequest } from '../sandbox/api';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export type BodyKind = 'text' | 'json' | 'file';

export interface HttpRequestDraft {
  method: string;
  /** Path and query: `/hello?name=x`. */
  target: string;
  headers: [string, string][];
  bodyKind: BodyKind;
  bodyText: string;
  bodyFile: { name: string; bytes: Uint8Array } | null;
}

export interface HttpRequestState extends HttpRequestDraft {
  setMethod(method: string): void;
  setTarget(target: string): void;
  setHeader(index: number, name: string, value: string): void;
  addHeader(): void;
  removeHeader(index: number): void;
  setBodyKind(kind: BodyKind): void;
  setBodyText(text: string): void;
  setBodyFile(file: { name: string; bytes: Uint8Array } | null): void;
}

export const useHttpRequest = create<HttpRequestState>()((set) => ({
  method: 'GET',
  target: '/',
  headers: [],
  bodyKind: 'text',
  bodyText: '',
  bodyFile: null,
  setMethod: (method) => set({ method }),
  setTarget: (target) => set({ target }),
  setHeader: (index, name, value) =>
    set((s) => {
      const headers = s.headers.slice();
      headers[index] = [name, value];
      return { headers };
    }),
  addHeader: () => set((s) => ({ headers: [...s.headers, ['', '']] })),
  removeHeader: (index) => set((s) => ({ headers: s.headers.filter((_, i) => i !== index) })),
  setBodyKind: (bodyKind) => set({ bodyKind }),
  setBodyText: (bodyText) => set({ bodyText }),
  setBodyFile: (bodyFile) => set({ bodyFile }),
}));

/** The draft's fields alone (what a setup snapshot keeps). */
export function draftOf(s: HttpRequestDraft): HttpRequestDraft {
  return { method: s.method, target: s.target, headers: s.headers, bodyKind: s.bodyKind, bodyText: s.bodyText, bodyFile: s.bodyFile };
}

/** Whether `func` is a wasi:http incoming handler (any version): such functions take a request. */
export function isIncomingHandler(func: string | null): boolean {
  return func !== null && /^wasi:http\/incoming-handler(@[^#]*)?#handle$/.test(func);
}

// RFC 9110 token characters: what a header name may hold.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The request to send, or what is wrong with the form (the first problem). */
export function incomingRequestOf(d: HttpRequestDraft): { ok: true; request: IncomingRequest } | { ok: false; message: string } {
  const method = d.method.trim().toUpperCase();
  if (!TOKEN.test(method)) return { ok: false, message: `Request method "${d.method}" is not a valid HTTP method.` };
  const target = d.target.trim() || '/';
  if (!target.startsWith('/') && !/^https?:\/\//i.test(target)) return { ok: false, message: `Request path "${d.target}" must start with "/" (for example /hello?name=wasm).` };
  const headers: [string, string][] = [];
  for (const [i, [name, value]] of d.headers.entries()) {
    if (name.trim() === '' && value.trim() === '') continue; // an empty row is no header
    if (!TOKEN.test(name.trim())) return { ok: false, message: `Header ${i + 1}: "${name}" is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only).` };
    if (/[\r\n\0]/.test(value)) return { ok: false, message: `Header ${i + 1} (${name.trim()}): the value may not contain line breaks.` };
    headers.push([name.trim().toLowerCase(), value.trim()]);
  }
  let body: Uint8Array;
  if (d.bodyKind === 'file') {
    body = d.bodyFile?.bytes ?? new Uint8Array();
  } else {
    if (d.bodyKind === 'json' && d.bodyText.trim() !== '') {
      try {
        JSON.parse(d.bodyText);
      } catch (err) {
        return { ok: false, message: `Request body is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
    body = new TextEncoder().encode(d.bodyText);
  }
  // A JSON body says so unless the user set a content type.
  if (d.bodyKind === 'json' && body.length > 0 && !headers.some(([n]) => n === 'content-type')) headers.push(['content-type', 'application/json']);
  return { ok: true, request: { method, url: target, headers, body } };
}
