/** WASI preview 1 imports for guests that import them (Extism plugins now; WASI programs next). */
import { realClock } from '../host/clock';
import { cryptoRandom } from '../host/random';
import type { WasiHost } from '../host/wasi/host';
import { createWasiHost } from '../host/wasi/host';
import type { ConsoleStream } from '../sandbox/protocol';

export interface GuestWasiOptions {
  args: string[];
  env: [string, string][];
  stdin: Uint8Array;
  console(stream: ConsoleStream, text: string): void;
}

/** True when the module imports any WASI p1 function. */
export function importsWasi(module: WebAssembly.Module): boolean {
  return WebAssembly.Module.imports(module).some((i) => i.module === 'wasi_snapshot_preview1' || i.module === 'wasi_unstable');
}

/** A WASI host whose stdout/stderr stream to the console line by line. */
export function createGuestWasi(options: GuestWasiOptions): WasiHost & { flushConsole(): void } {
  const stdout = lineSplitter((line) => options.console('stdout', line));
  const stderr = lineSplitter((line) => options.console('stderr', line));
  const host = createWasiHost({
    args: options.args,
    env: options.env,
    stdin: options.stdin,
    preopens: [],
    stdout: stdout.push,
    stderr: stderr.push,
    clock: realClock(),
    random: cryptoRandom(),
    onBlocked: (event) =>
      options.console(
        'stderr',
        event.kind === 'socket'
          ? `blocked: sockets are not offered to guests (${event.op} returned ENOTSUP)`
          : `blocked: ${event.op} ${event.path}: no directory is mounted there`,
      ),
  });
  return {
    ...host,
    flushConsole() {
      stdout.end();
      stderr.end();
    },
  };
}

/** Turns a byte stream into complete UTF-8 lines; `end()` emits the unterminated tail. */
export function lineSplitter(emit: (line: string) => void) {
  const decoder = new TextDecoder();
  let pending = '';
  return {
    push(bytes: Uint8Array) {
      pending += decoder.decode(bytes, { stream: true });
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        emit(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
    },
    end() {
      pending += decoder.decode();
      if (pending) emit(pending);
      pending = '';
    },
  };
}
