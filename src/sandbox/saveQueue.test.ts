import { describe, expect, it } from 'vitest';
import type { VfsChange } from '../model/files';
import type { MountSpec } from '../model/run';
import { SaveQueue } from './saveQueue';

const mount = (guestPath: string): MountSpec => ({ guestPath, readOnly: false, volume: 'home', dir: '', entries: [] });
const write = (path: string): VfsChange => ({ op: 'write', mount: '/data', path, data: new Uint8Array([1]), mtime: 0 });

/** Records each persist call; `gate` holds saves back, `fail` makes them throw. */
function target() {
  const calls: { mount: string; paths: string[] }[] = [];
  return {
    calls,
    gate: null as Promise<void> | null,
    fail: null as string | null,
    async persist(m: MountSpec, changes: VfsChange[]) {
      calls.push({ mount: m.guestPath, paths: changes.map((c) => ('path' in c ? c.path : '')) });
      if (this.gate) await this.gate;
      if (this.fail) throw new Error(this.fail);
    },
  };
}

describe('SaveQueue', () => {
  it('saves changes that queue up during a save together, one call per mount, in order', async () => {
    const t = target();
    let open!: () => void;
    t.gate = new Promise<void>((r) => (open = r));
    const q = new SaveQueue(t);
    const a = mount('/a');
    const b = mount('/b');
    q.add(a, [write('1')], () => {});
    await Promise.resolve();
    q.add(a, [write('2')], () => {});
    q.add(b, [write('x')], () => {});
    q.add(a, [write('3')], () => {});
    expect(q.files).toBe(4);
    open();
    await q.idle();
    expect(t.calls).toEqual([
      { mount: '/a', paths: ['1'] },
      { mount: '/a', paths: ['2', '3'] },
      { mount: '/b', paths: ['x'] },
    ]);
    expect(q.files).toBe(0);
  });

  it('counts files waiting for the "saving N files…" line, and tells each run of a failure', async () => {
    const t = target();
    t.fail = 'QuotaExceededError';
    const q = new SaveQueue(t);
    const seen: number[] = [];
    q.subscribe((n) => seen.push(n));
    const errors: string[] = [];
    q.add(mount('/data'), [write('a'), write('b'), { op: 'mkdir', mount: '/data', path: 'd' }], (m) => errors.push(m));
    await q.idle();
    expect(seen[0]).toBe(2);
    expect(seen.at(-1)).toBe(0);
    expect(errors).toEqual(['Could not save files under /data: QuotaExceededError']);
  });
});
