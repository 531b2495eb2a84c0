import { describe, expect, it } from 'vitest';
import { sendInSlices, SLICE } from './slices';

const bytes = new Uint8Array(SLICE * 2 + 5);
for (let i = 0; i < bytes.length; i++) bytes[i] = i * 7;
// toEqual walks typed arrays element by element: far too slow for 4 MB.
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

describe('slices', () => {
  it('sends copies that put together give the bytes, and stops when told', async () => {
    const got = new Uint8Array(bytes.length);
    const offsets: number[] = [];
    await sendInSlices(bytes, (at, slice) => (offsets.push(at), got.set(slice, at)), () => true);
    expect(offsets).toEqual([0, SLICE, SLICE * 2]);
    expect(same(got, bytes)).toBe(true);
    let sent = 0;
    await sendInSlices(bytes, () => sent++, () => sent < 1);
    expect(sent).toBe(1);
  });
});
