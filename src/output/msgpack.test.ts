import { encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { isMsgpack, msgpackToJson } from './msgpack';
import { jsonToMsgpack } from './msgpackEncode';

describe('MessagePack outputs', () => {
  it('recognises exactly one whole value', () => {
    expect(isMsgpack(encode({ sum: 42 }))).toBe(true);
    expect(isMsgpack(new Uint8Array(0))).toBe(false);
    expect(isMsgpack(encode({ sum: 42 }).subarray(0, 3))).toBe(false); // truncated
    expect(isMsgpack(new Uint8Array([...encode(1), ...encode(2)]))).toBe(false); // two values
    expect(isMsgpack(new Uint8Array([0xc1]))).toBe(false); // never-used byte
  });

  it('turns values JSON cannot hold into JSON it can', () => {
    const bytes = encode({ bin: new Uint8Array([1, 255]), big: 2n ** 60n, small: 5n, list: [1, 'a', null, true] }, { useBigInt64: true });
    expect(msgpackToJson(bytes)).toEqual({ bin: { $bin: '01ff' }, big: '1152921504606846976', small: 5, list: [1, 'a', null, true] });
  });

  it('encodes JSON text, and says why it could not', () => {
    const r = jsonToMsgpack('{"a": 2, "b": 40}');
    expect(r.ok && Array.from(r.bytes)).toEqual(Array.from(encode({ a: 2, b: 40 })));
    expect(jsonToMsgpack('{a: 1}')).toMatchObject({ ok: false, message: expect.stringMatching(/^not valid JSON \(.+\), so it can't be encoded as MessagePack$/) });
  });
});
