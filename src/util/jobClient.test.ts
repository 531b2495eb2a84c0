import { describe, expect, it } from 'vitest';
import { JobClient } from './jobClient';

type Req = { type: 'job'; jobId: number; n: number } | { type: 'prep'; key: string };
type Ev = { jobId: number; value: number; last: boolean };

class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<Ev>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: Req[] = [];
  terminated = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(request: Req) {
    this.sent.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  emit(event: Ev) {
    this.onmessage?.({ data: event } as MessageEvent<Ev>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

function make(spare = false) {
  FakeWorker.all = [];
  const jobs = new JobClient<Req, Ev>(() => new FakeWorker() as unknown as Worker, { spare, replayKey: (r) => (r.type === 'prep' ? r.key : undefined) });
  return { jobs, workers: FakeWorker.all };
}

function collect(jobs: JobClient<Req, Ev>, n: number) {
  const seen: number[] = [];
  const failed: string[] = [];
  jobs.start((jobId) => ({ type: 'job', jobId, n }), { event: (e) => (seen.push(e.value), e.last), fail: (end) => failed.push(`${end.code}: ${end.message}`) });
  return { seen, failed };
}

describe('JobClient', () => {
  it('numbers jobs, routes events by id until the job says done, and drops events for finished jobs', () => {
    const { jobs, workers } = make();
    const a = collect(jobs, 1);
    const b = collect(jobs, 2);
    const w = workers[0]!;
    expect(w.sent).toEqual([{ type: 'job', jobId: 1, n: 1 }, { type: 'job', jobId: 2, n: 2 }]);
    w.emit({ jobId: 2, value: 20, last: false });
    w.emit({ jobId: 1, value: 10, last: true });
    w.emit({ jobId: 1, value: 11, last: true }); // after done: dropped
    w.emit({ jobId: 2, value: 21, last: true });
    expect(a.seen).toEqual([10]);
    expect(b.seen).toEqual([20, 21]);
    expect(jobs.pending).toBe(0);
  });

  it('fails every pending job when the worker dies, then starts a new worker for the next job', () => {
    const { jobs, workers } = make();
    const a = collect(jobs, 1);
    const b = collect(jobs, 2);
    workers[0]!.crash('out of memory');
    expect(a.failed).toEqual(['crash: out of memory']);
    expect(b.failed).toEqual(['crash: out of memory']);
    expect(workers[0]!.terminated).toBe(true);
    const c = collect(jobs, 3);
    expect(workers).toHaveLength(2);
    workers[0]!.emit({ jobId: 3, value: 99, last: true }); // the dead worker's answers are stale
    workers[1]!.emit({ jobId: 3, value: 30, last: true });
    expect(c.seen).toEqual([30]);
  });

  it('with a spare: restart promotes the prewarmed spare, starts another, and replays kept messages to it', () => {
    const { jobs, workers } = make(true);
    jobs.warm();
    expect(workers).toHaveLength(2);
    jobs.broadcast({ type: 'prep', key: 'm' });
    const a = collect(jobs, 1);
    jobs.restart({ code: 'stopped', message: 'Stopped.' });
    expect(a.failed).toEqual(['stopped: Stopped.']);
    expect(workers).toHaveLength(3);
    expect(workers[2]!.sent).toEqual([{ type: 'prep', key: 'm' }]);
    collect(jobs, 2);
    expect(workers[1]!.sent.at(-1)).toEqual({ type: 'job', jobId: 2, n: 2 });
  });
});
