/** Turns what a guest throws into a RunError a person can act on. */
import type { RunError } from '../../model/errors';

/** Classify an exception thrown while instantiating or calling `func`. */
export function describeGuestError(err: unknown, func: string, phase: 'instantiate' | 'call'): RunError {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof WebAssembly.RuntimeError) {
    const where = phase === 'instantiate' ? 'the start function' : func;
    return { code: 'trap', func: where, message: `Trap in ${where}: ${message}` };
  }
  // V8 reports stack exhaustion as a JS RangeError, not a wasm trap.
  if (err instanceof RangeError && /call stack/i.test(message)) {
    return { code: 'trap', func, message: `Trap in ${func}: stack overflow (the call stack was exhausted; is there unbounded recursion?)` };
  }
  if (err instanceof RangeError && /memory|allocat/i.test(message)) {
    return { code: 'memory', func, message: `Out of memory in ${func}: ${message}` };
  }
  if (err instanceof WebAssembly.LinkError) {
    return { code: 'link', func, message: `Could not link the module: ${message.replace(/^WebAssembly\.\w+\(\):\s*/, '')}` };
  }
  if (err instanceof TypeError && phase === 'call') {
    return { code: 'unsupported', func, message: `${func} cannot be called from JavaScript: ${message}` };
  }
  // A host function (a stub, later a capability) threw: report it as the guest's failure.
  return { code: 'trap', func, message: `${func} failed: ${message}` };
}
