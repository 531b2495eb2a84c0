/** A guest's stdout and stderr: kept whole for the Output pane (up to a cap) and streamed to the Console as lines. */
import { lineSplitter } from './guestWasi';

/** stdout and stderr kept for the Output pane, together, at most (a program printing forever must end with a clear error). */
export const MAX_OUTPUT_BYTES = 256 * 2 ** 20;

/** The program reached a playground limit; ends the run with code `limit`. */
export class GuestLimitError extends Error {}

/** Keeps every byte (for the output pane), up to the shared cap, and streams complete lines to the console. */
export function collector(line: (text: string) => void, budget: { left: number }, name: string) {
  const lines = lineSplitter(line);
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    push(bytes: Uint8Array) {
      if (bytes.length > budget.left) {
        throw new GuestLimitError(`The program wrote more than ${MAX_OUTPUT_BYTES / 2 ** 20} MB to stdout and stderr; the playground keeps at most that much, so the run was ended. Write big results to a file under a mount instead (last stream written: ${name}).`);
      }
      budget.left -= bytes.length;
      chunks.push(bytes);
      size += bytes.length;
      lines.push(bytes);
    },
    end: () => lines.end(),
    bytes(): ArrayBuffer {
      const all = new Uint8Array(size);
      let o = 0;
      for (const c of chunks) {
        all.set(c, o);
        o += c.length;
      }
      return all.buffer;
    },
  };
}
