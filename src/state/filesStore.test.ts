import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { volumes } from '../storage/volumes';
import { useFiles } from './filesStore';

describe('filesStore on a first visit', () => {
  it('an upload before the first listing makes the default volume instead of failing', async () => {
    // Nothing has listed the volumes yet, so "home" does not exist.
    expect(await volumes.stat('home', '').catch((e: unknown) => String(e))).toMatch(/no volume "home"/);
    await useFiles.getState().upload([{ path: 'first.txt', data: new TextEncoder().encode('hi') }]);
    expect(useFiles.getState().error).toBeNull();
    expect(useFiles.getState().children['']?.map((e) => e.name)).toEqual(['first.txt']);
  });
});
