/** wasi:cli: environment, exit, stdio and the terminal interfaces (never a terminal here). */
import { InputStream, OutputStream } from './io';

/** Thrown by wasi:cli/exit to unwind the guest; the caller reads `code` (ok → 0, err → 1). */
export class ComponentExit extends Error {
  constructor(readonly code: number) {
    super(`exit with code ${code}`);
  }
}

export interface CliOptions {
  args: string[];
  env: [string, string][];
  stdin: Uint8Array;
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
  /** Called as the guest exits, before the exit unwinds it; returns the code to exit with. */
  onExit(code: number): number;
}

/** wasi:cli/terminal-* resources: no instance is ever handed out. */
class TerminalInput {}
class TerminalOutput {}

export function cliImports(opts: CliOptions): Record<string, Record<string, unknown>> {
  // One position for every stdin stream the guest opens: they read the same input.
  let pos = 0;
  const stdin = {
    read(len: number): Uint8Array | null {
      if (pos >= opts.stdin.length) return null;
      const bytes = opts.stdin.slice(pos, pos + len);
      pos += bytes.length;
      return bytes;
    },
  };
  // The sinks keep the bytes: jco passes a view of guest memory that the next call reuses.
  const stdout = { write: (b: Uint8Array) => opts.stdout(b.slice()) };
  const stderr = { write: (b: Uint8Array) => opts.stderr(b.slice()) };
  const exit = (code: number): never => {
    throw new ComponentExit(opts.onExit(code));
  };
  return {
    'wasi:cli/environment': {
      getEnvironment: () => opts.env.map(([k, v]) => [k, v]),
      getArguments: () => [...opts.args],
      initialCwd: () => undefined,
    },
    'wasi:cli/exit': {
      exit: (status: { tag: 'ok' | 'err' }) => exit(status.tag === 'ok' ? 0 : 1),
      exitWithCode: (code: number) => exit(code & 0xff),
    },
    'wasi:cli/stdin': { getStdin: () => new InputStream(stdin) },
    'wasi:cli/stdout': { getStdout: () => new OutputStream(stdout) },
    'wasi:cli/stderr': { getStderr: () => new OutputStream(stderr) },
    'wasi:cli/terminal-input': { TerminalInput },
    'wasi:cli/terminal-output': { TerminalOutput },
    'wasi:cli/terminal-stdin': { getTerminalStdin: () => undefined },
    'wasi:cli/terminal-stdout': { getTerminalStdout: () => undefined },
    'wasi:cli/terminal-stderr': { getTerminalStderr: () => undefined },
  };
}
