/** `?embed=1`: answer postMessage requests from the embedding page with the engine (DESIGN.md §9). */
import { LoadFailure } from '../sandbox/api';
import { getEngine } from '../sandbox/instance';
import { useEmbed } from '../state/embedStore';
import type { EmbedRequest, EmbedResponse } from './embedProtocol';
import { parseEmbedRequest } from './embedProtocol';

/** Start listening to the parent window. */
export function startEmbedBridge(): void {
  const parent = window.parent;
  if (parent === window) return;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Only the embedding page may talk to us (STYLE.md §5: check event.source).
    if (event.source !== parent) return;
    const parsed = parseEmbedRequest(event.data);
    if (!parsed) return;
    const origin = event.origin;
    const reply = (response: EmbedResponse) => parent.postMessage(response, origin);
    if (!parsed.ok) {
      if (parsed.id !== undefined) reply({ type: 'wasmPlayground:response', id: parsed.id, ok: false, error: { code: 'bad-request', message: parsed.message } });
      return;
    }
    void handle(parsed.request, origin).then(reply);
  });
  parent.postMessage({ type: 'wasmPlayground:ready' } satisfies EmbedResponse, '*');
}

async function handle(request: EmbedRequest, origin: string): Promise<EmbedResponse> {
  const id = request.id;
  const allowed = await useEmbed.getState().ask(origin);
  if (!allowed) {
    return { type: 'wasmPlayground:response', id, ok: false, error: { code: 'denied', message: `The user has not allowed ${origin} to run modules in this playground.` } };
  }
  const engine = getEngine();
  try {
    switch (request.type) {
      case 'wasmPlayground:load':
        return { type: 'wasmPlayground:response', id, ok: true, value: await engine.load(request.source) };
      case 'wasmPlayground:run':
        return { type: 'wasmPlayground:response', id, ok: true, value: await engine.run(request.request) };
      case 'wasmPlayground:stop':
        return { type: 'wasmPlayground:response', id, ok: true, value: engine.stop() };
    }
  } catch (err) {
    if (err instanceof LoadFailure) return { type: 'wasmPlayground:response', id, ok: false, error: { code: err.loadError.code, message: err.message } };
    return { type: 'wasmPlayground:response', id, ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
  }
}
