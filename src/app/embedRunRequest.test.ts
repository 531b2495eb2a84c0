/** The embed parser's waPC field: hostResponses rows are checked by name and index. */
import { describe, expect, it } from 'vitest';
import { parseRunRequest } from './embedRunRequest';

const source = () => ({ url: 'https://example.com/x.wasm' });
const parse = (hostResponses: unknown) => parseRunRequest({ module: 'id', func: 'hello', runAs: 'wapc', hostResponses }, source);

describe('parseRunRequest: hostResponses', () => {
  it('takes response rows (text or bytes) and error rows', () => {
    const bytes = new Uint8Array([1, 2]);
    expect(parse([{ binding: 'default', namespace: 'example', operation: 'capitalize', response: 'WORLD' }, { binding: '*', namespace: 'kv', operation: '*', error: 'no' }, { binding: '', namespace: 'n', operation: 'o', response: bytes }])).toMatchObject({
      runAs: 'wapc',
      hostResponses: [
        { binding: 'default', namespace: 'example', operation: 'capitalize', response: 'WORLD' },
        { binding: '*', namespace: 'kv', operation: '*', error: 'no' },
        { binding: '', namespace: 'n', operation: 'o', response: bytes },
      ],
    });
  });

  it('refuses a row with both or neither answer, a missing field, or an unknown key', () => {
    expect(parse([{ binding: 'a', namespace: 'b', operation: 'c' }])).toBe('request.hostResponses[0] needs exactly one of response (text or bytes) and error (text).');
    expect(parse([{ binding: 'a', namespace: 'b', operation: 'c', response: 'x', error: 'y' }])).toBe('request.hostResponses[0] needs exactly one of response (text or bytes) and error (text).');
    expect(parse([{ binding: 'a', operation: 'c', response: 'x' }])).toMatch(/^request\.hostResponses\[0\]\.namespace /);
    expect(parse([{ binding: 'a', namespace: 'b', operation: 'c', response: 'x', extra: 1 }])).toMatch(/extra/);
    expect(parse({})).toMatch(/^request\.hostResponses /);
  });
});
