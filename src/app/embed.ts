/** `?embed=1`: answer postMessage requests from the embedding page with the engine (DESIGN.md §9). */
import { LoadFailure } from '../sandbox/api';
import { getEngine } from '../sandbox/instance';
import { useEmbed } from '../state/embedStore';
import { isGrantableOrigin } from '../util/origin';
import { MAX_HELD_REQUESTS, MAX_MESSAGE_BYTES } from './embedLimits';
import type { EmbedError, EmbedRequest, EmbedResponse } from './embedProtocol';
import { isEmbedMessage, parseEmbedRequest } from './embedProtocol';

/** The refusal an opaque-origin embedder gets: sent with targetOrigin '*', so it carries nothing else. */
export const OPAQUE_REFUSAL: EmbedError = {
  code: 'opaque-origin',
  message:
    'This playground takes no requests from a page whose origin is "null" (a file: page, a data: URL, or a frame sandboxed without allow-same-origin): ' +
    'it could not tell you who is asking, and a grant would cover every such page. Serve the embedding page from an http(s) origin.',
};

/** Start listening to the parent window. */
export function startEmbedBridge(): void {
  const parent = window.parent;
  if (parent === window) return;
  /** `origin id` of requests not answered yet: a second request with the same id is refused. */
  const inFlight = new Set<string>();
  /** Requests and bytes each origin has waiting for the user's answer. */
  const held = new Map<string, { count: number; bytes: number }>();

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Only the embedding page may talk to us (STYLE.md §5: check event.source).
    if (event.source !== parent || !isEmbedMessage(event.data)) return;
    const origin = event.origin;
    if (!isGrantableOrigin(origin)) {
      // '*' is the only way to reach an opaque origin; nothing is parsed, asked or stored.
      post(parent, { type: 'wasmPlayground:refused', error: OPAQUE_REFUSAL }, '*');
      return;
    }
    const reply = (response: EmbedResponse) => post(parent, response, origin);
    const fail = (id: string | null, code: string, message: string) => reply({ type: 'wasmPlayground:response', id, ok: false, error: { code, message } });
    const parsed = parseEmbedRequest(event.data);
    if (!parsed) return;
    if (!parsed.ok) return fail(parsed.id, parsed.code, parsed.message);
    const { request } = parsed;
    const key = `${origin} ${request.id}`;
    if (inFlight.has(key)) {
      return fail(request.id, 'duplicate-id', `Request id "${request.id}" belongs to a request that has not been answered yet; give every request its own id (1 and "1" are the same id).`);
    }
    const embed = useEmbed.getState();
    const status = embed.status(origin);
    if (status === 'denied') return fail(request.id, 'denied', deniedMessage(origin));
    let release = () => {};
    if (status === 'unknown') {
      // Until the user answers, requests are only held (nothing is fetched or run), and only a few.
      const waiting = held.get(origin) ?? { count: 0, bytes: 0 };
      if (waiting.count >= MAX_HELD_REQUESTS || waiting.bytes + parsed.bytes > MAX_MESSAGE_BYTES) {
        return fail(request.id, 'busy', `${waiting.count} requests from ${origin} already wait for the user to allow this page; send more after the first is answered.`);
      }
      held.set(origin, { count: waiting.count + 1, bytes: waiting.bytes + parsed.bytes });
      release = () => {
        const now = held.get(origin);
        if (now) held.set(origin, { count: now.count - 1, bytes: now.bytes - parsed.bytes });
      };
    }
    inFlight.add(key);
    void embed
      .ask(origin)
      .then((allowed) => {
        release();
        return allowed ? handle(request) : denied(request.id, origin);
      })
      .then(reply, (err: unknown) => fail(request.id, 'internal', err instanceof Error ? err.message : String(err)))
      .finally(() => inFlight.delete(key));
  });
  post(parent, { type: 'wasmPlayground:ready' }, '*');
}

/** postMessage that cannot throw: an answer that does not clone is answered with the reason. */
function post(target: Window, response: EmbedResponse, targetOrigin: string): void {
  try {
    target.postMessage(response, targetOrigin);
  } catch (err) {
    if (response.type !== 'wasmPlayground:response' || !response.ok) return;
    const message = `The answer could not be sent: ${err instanceof Error ? err.message : String(err)}`;
    target.postMessage({ type: 'wasmPlayground:response', id: response.id, ok: false, error: { code: 'internal', message } } satisfies EmbedResponse, targetOrigin);
  }
}

function deniedMessage(origin: string): string {
  return `The user has not allowed ${origin} to run modules in this playground.`;
}

function denied(id: string, origin: string): EmbedResponse {
  return { type: 'wasmPlayground:response', id, ok: false, error: { code: 'denied', message: deniedMessage(origin) } };
}

async function handle(request: EmbedRequest): Promise<EmbedResponse> {
  const id = request.id;
  const engine = getEngine();
  try {
    switch (request.type) {
      case 'wasmPlayground:load':
        return { type: 'wasmPlayground:response', id, ok: true, value: await engine.load(request.source) };
      case 'wasmPlayground:run':
        return { type: 'wasmPlayground:response', id, ok: true, value: await engine.run(request.request) };
      case 'wasmPlayground:stop':
        return { type: 'wasmPlayground:response', id, ok: true, value: engine.stop() };
      default:
        return request satisfies never;
    }
  } catch (err) {
    if (err instanceof LoadFailure) return { type: 'wasmPlayground:response', id, ok: false, error: { code: err.loadError.code, message: err.message } };
    return { type: 'wasmPlayground:response', id, ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
  }
}
