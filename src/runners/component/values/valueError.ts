/** A bad value found deep in a walk: thrown inside the walkers, returned as a Checked error at their edge. */
import { fail, ok, type Checked } from './types';

export class ValueError extends Error {
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'ValueError';
  }
}

/** Runs a walker, turning a ValueError into a Checked error (anything else is a bug and propagates). */
export function checked<T>(walk: () => T): Checked<T> {
  try {
    return ok(walk());
  } catch (error) {
    if (error instanceof ValueError) return fail(error.message);
    throw error;
  }
}
