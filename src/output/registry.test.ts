import { describe, expect, it } from 'vitest';
import { OUTPUT_TYPES, rendererFor } from './registry';

describe('rendererFor', () => {
  it('maps MIME types to renderers, ignoring parameters and case', () => {
    expect(rendererFor('application/json')).toBe('json');
    expect(rendererFor('application/msgpack')).toBe('msgpack');
    expect(rendererFor('application/x-msgpack')).toBe('msgpack');
    expect(rendererFor('application/ld+json')).toBe('json');
    expect(rendererFor('Text/HTML; charset=utf-8')).toBe('html');
    expect(rendererFor('image/svg+xml')).toBe('svg');
    expect(rendererFor('image/png')).toBe('image');
    expect(rendererFor('text/markdown')).toBe('markdown');
    expect(rendererFor('text/csv')).toBe('csv');
    expect(rendererFor('text/tab-separated-values')).toBe('tsv');
    expect(rendererFor('audio/wav')).toBe('audio');
    expect(rendererFor('video/webm')).toBe('video');
    expect(rendererFor('application/pdf')).toBe('pdf');
    expect(rendererFor('application/wasm')).toBe('wasm');
    expect(rendererFor('text/plain')).toBe('text');
    expect(rendererFor('application/octet-stream')).toBe('hex');
    expect(rendererFor('application/x-unknown')).toBe('hex');
  });
  it('offers a renderer for every listed output type', () => {
    for (const t of OUTPUT_TYPES) expect(rendererFor(t.mime)).toBeTruthy();
    expect(new Set(OUTPUT_TYPES.map((t) => t.mime)).size).toBe(OUTPUT_TYPES.length);
  });
});
