import { describe, expect, it, vi } from 'vitest';
import type { SandboxEvent, SandboxRequest } from '../worker/sandbox/protocol';
import { SandboxClient } from './SandboxClient';

/** A stand-in Worker: records requests, lets the test answer, remembers termination. */
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<SandboxEvent>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: SandboxRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(request: SandboxRequest) {
    this.sent.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  emit(event: SandboxEvent) {
    this.onmessage?.({ data: event } as MessageEvent<SandboxEvent>);
  }
}

function makeClient() {
  FakeWorker.all = [];
  const client = new SandboxClient(() => new FakeWorker() as unknown as Worker);
  return { client, workers: FakeWorker.all };
}

const run = (_n: number) => ({ moduleId: 'm', func: 'f', message: { kind: 'core' as const, func: 'f', args: [], imports: 'fail' as const, repeat: 1 } });
const timings = { compileMs: 0, instantiateMs: 0, callMs: 0 };

describe('SandboxClient', () => {
  it('starts a worker and a prewarmed spare', () => {
    const { workers } = makeClient();
    expect(workers).toHaveLength(2);
  });

  it('resolves with the result of the matching run and drops stale events', async () => {
    const { client, workers } = makeClient();
    const lines: string[] = [];
    const pending = client.run(run(1), 10_000, (e) => lines.push(e.type === 'console' ? e.items.map((i) => i.text).join() : e.type));
    await Promise.resolve();
    const worker = workers[0]!;
    expect(worker.sent.at(-1)).toMatchObject({ type: 'run', jobId: 1, run: { kind: 'core', func: 'f' } });
    worker.emit({ type: 'done', jobId: 99, outcome: { ok: true, values: [1], timings }, fsEvents: 0 });
    workers[1]!.emit({ type: 'console', jobId: 1, items: [{ stream: 'stdout', text: 'from the spare' }], dropped: 0 });
    worker.emit({ type: 'console', jobId: 1, items: [{ stream: 'stub', text: 'env.log(1)' }], dropped: 0 });
    worker.emit({ type: 'done', jobId: 1, outcome: { ok: true, values: [5], timings: { compileMs: 1, instantiateMs: 2, callMs: 3 } }, fsEvents: 0 });
    await expect(pending).resolves.toMatchObject({ ok: true, values: [5] });
    expect(lines).toEqual(['env.log(1)']);
  });

  it('stop terminates the worker, promotes the spare and spawns a new spare', async () => {
    const { client, workers } = makeClient();
    const pending = client.run(run(1), 10_000, () => undefined);
    await Promise.resolve();
    expect(client.stop()).toBe(true);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'stopped' } });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(3);
    const next = client.run(run(2), 10_000, () => undefined);
    await Promise.resolve();
    await Promise.resolve();
    expect(workers[1]!.sent.at(-1)).toMatchObject({ type: 'run', jobId: 2 });
    workers[1]!.emit({ type: 'done', jobId: 2, outcome: { ok: true, values: [], timings }, fsEvents: 0 });
    await expect(next).resolves.toMatchObject({ ok: true });
  });

  it('times out by terminating the worker', async () => {
    vi.useFakeTimers();
    try {
      const { client, workers } = makeClient();
      const pending = client.run(run(1), 1500, () => undefined);
      await vi.advanceTimersByTimeAsync(1600);
      await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'timeout', message: expect.stringMatching(/1\.5 s/) } });
      expect(workers[0]!.terminated).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-sends prepared modules to replacement workers', async () => {
    const { client, workers } = makeClient();
    const prepare = { type: 'prepare' as const, moduleId: 'm', module: {} as WebAssembly.Module, compileMs: 1, imports: [] };
    client.prepare(prepare);
    expect(workers[0]!.sent).toContainEqual(prepare);
    expect(workers[1]!.sent).toContainEqual(prepare);
    const pending = client.run(run(1), 10_000, () => undefined);
    await Promise.resolve();
    client.stop();
    await pending;
    expect(workers[2]!.sent).toContainEqual(prepare);
  });

  it('a finished run waits for every durable change it announced, which come on their own port', async () => {
    const { client, workers } = makeClient();
    const seen: string[] = [];
    const pending = client.run(run(1), 10_000, (e) => seen.push(e.type === 'fs' ? `fs:${e.changes.length}` : 'console'));
    await Promise.resolve();
    const durable = (workers[0]!.sent.find((r) => r.type === 'durable') as Extract<SandboxRequest, { type: 'durable' }>).port;
    workers[0]!.emit({ type: 'done', jobId: 1, outcome: { ok: true, values: [], timings }, fsEvents: 2 });
    let settled = false;
    void pending.then(() => (settled = true));
    durable.postMessage({ type: 'fs', jobId: 1, changes: [{ op: 'mkdir', mount: '/d', path: 'a' }] });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    durable.postMessage({ type: 'fs', jobId: 1, changes: [{ op: 'mkdir', mount: '/d', path: 'b' }, { op: 'mkdir', mount: '/d', path: 'c' }] });
    await pending;
    expect(seen).toEqual(['fs:1', 'fs:2']);
  });

  it('after Stop, durable changes the worker sent still arrive, and the answer does not wait for them', async () => {
    const { client, workers } = makeClient();
    const seen: number[] = [];
    const pending = client.run(run(1), 10_000, (e) => e.type === 'fs' && seen.push(e.changes.length));
    await Promise.resolve();
    const durable = (workers[0]!.sent.find((r) => r.type === 'durable') as Extract<SandboxRequest, { type: 'durable' }>).port;
    client.stop();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'stopped' } });
    expect(workers[0]!.terminated).toBe(true);
    durable.postMessage({ type: 'fs', jobId: 1, changes: [{ op: 'mkdir', mount: '/d', path: 'late' }] });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([1]);
  });
});
