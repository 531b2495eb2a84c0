import { describe, expect, it } from 'vitest';
import type { RunResult } from '../sandbox/api';
import { OutputDoc } from '../sandbox/outputClient';
import { ADOPT_MIN, adoptRunOutput } from './runOutput';

const ok = (bytes: Uint8Array, extra: Partial<RunResult> = {}): RunResult => ({
  runId: 1,
  status: 'ok',
  func: 'big',
  values: [],
  timings: {},
  wallMs: 1,
  console: [],
  output: { bytes, mime: 'text/plain' },
  ...extra,
});

/** What the output worker does: take the buffer (detaching it here) and give it back. */
const handOver = async (bytes: Uint8Array) => new OutputDoc(new Uint8Array(structuredClone(bytes.buffer, { transfer: [bytes.buffer] })));
const never = async (): Promise<OutputDoc> => {
  throw new Error('not adopted');
};

describe('adoptRunOutput', () => {
  it('leaves small outputs, failed runs and runs without output alone', async () => {
    const small = ok(new Uint8Array(ADOPT_MIN));
    expect(await adoptRunOutput(small, never)).toEqual({ result: small, doc: null });
    const failed = { ...ok(new Uint8Array(ADOPT_MIN + 1)), status: 'error' as const };
    expect(await adoptRunOutput(failed, never)).toEqual({ result: failed, doc: null });
    const none = { ...ok(new Uint8Array(0)), output: undefined };
    expect(await adoptRunOutput(none, never)).toEqual({ result: none, doc: null });
  });

  it('shows the bytes that came back from the worker, as output and (WASI) stdout', async () => {
    const bytes = new Uint8Array(ADOPT_MIN + 1).fill(7);
    const stderr = new Uint8Array([1]);
    const { result, doc } = await adoptRunOutput(ok(bytes, { stdout: bytes, stderr }), handOver);
    expect(bytes.length).toBe(0); // detached by the hand-over
    expect(doc).not.toBeNull();
    expect(result.output?.bytes).toBe(doc!.bytes);
    expect(result.output?.bytes.length).toBe(ADOPT_MIN + 1);
    expect(result.output?.bytes[ADOPT_MIN]).toBe(7);
    expect(result.output?.mime).toBe('text/plain');
    expect(result.stdout).toBe(doc!.bytes);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe('ok');
  });

  it('keeps the bytes when the hand-over failed before the transfer, and reports them lost after it', async () => {
    const kept = ok(new Uint8Array(ADOPT_MIN + 1));
    expect(await adoptRunOutput(kept, never)).toEqual({ result: kept, doc: null });

    const lost = ok(new Uint8Array(ADOPT_MIN + 1));
    const died = async (bytes: Uint8Array): Promise<OutputDoc> => {
      structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
      throw new Error('the output worker stopped');
    };
    const { result, doc } = await adoptRunOutput(lost, died);
    expect(doc).toBeNull();
    expect(result.status).toBe('error');
    expect(result.output).toBeUndefined();
    expect(result.error?.code).toBe('internal');
    expect(result.error?.message).toContain('the output worker stopped');
  });
});
