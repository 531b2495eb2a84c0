/** A finished run's output, handed to the output worker before it is shown (DESIGN.md §6, §10). */
import type { RunResult } from '../sandbox/api';
import { adoptOutput } from '../sandbox/outputClient';
import type { OutputDoc } from '../sandbox/outputClient';
import { SLICE } from '../output/slices';

/** Outputs past one slice are adopted; smaller ones take one short task to send when first asked. */
export const ADOPT_MIN = SLICE;

export interface ShownRun {
  result: RunResult;
  /** The worker document of `result.output` when it was adopted; close it when the result goes. */
  doc: OutputDoc | null;
}

/**
 * The result to show for `result`. A big output of an ok run is adopted by the output worker, so
 * the page never copies it, and the result carries the bytes that came back (the engine's are
 * detached by the hand-over). If the worker died with them, the run says so instead.
 */
export async function adoptRunOutput(result: RunResult, adopt: (bytes: Uint8Array) => Promise<OutputDoc> = adoptOutput): Promise<ShownRun> {
  const output = result.output;
  if (result.status !== 'ok' || !output || output.bytes.length <= ADOPT_MIN) return { result, doc: null };
  const size = output.bytes.length;
  try {
    const doc = await adopt(output.bytes);
    const stdout = result.stdout === output.bytes ? { stdout: doc.bytes } : {};
    return { result: { ...result, output: { ...output, bytes: doc.bytes }, ...stdout }, doc };
  } catch (err) {
    // Failed before the transfer: the bytes are still here, shown without a document.
    if (output.bytes.length === size) return { result, doc: null };
    const message = `The output (${size} bytes) was lost on its way to the output view: ${err instanceof Error ? err.message : String(err)}. Run again to retry.`;
    return { result: { ...result, status: 'error', output: undefined, stdout: undefined, error: { code: 'internal', func: result.func, message } }, doc: null };
  }
}
