/** Test helper: compile testdata/plugin.wat once, instantiate it over a kernel, call plugin functions. */
import { readFileSync } from 'node:fs';
import { EXTISM_ENV } from '../abi';
import { createExtismHost } from '../kernel';
import type { ExtismHost, ExtismHostOptions } from '../types';

let compiled: Promise<WebAssembly.Module> | undefined;

/** Compile a WAT source with wabt. */
export async function compileWat(name: string, source: string): Promise<WebAssembly.Module> {
  const wabt = await (await import('wabt')).default();
  const parsed = wabt.parseWat(name, source, { multi_value: true });
  try {
    return await WebAssembly.compile(new Uint8Array(parsed.toBinary({}).buffer));
  } finally {
    parsed.destroy();
  }
}

export function pluginModule(): Promise<WebAssembly.Module> {
  compiled ??= compileWat('plugin.wat', readFileSync(new URL('./plugin.wat', import.meta.url), 'utf8'));
  return compiled;
}

export interface CallResult {
  rc: number;
  output: Uint8Array | null;
  error: string | null;
}

export interface TestPlugin {
  host: ExtismHost;
  instance: WebAssembly.Instance;
  /** reset(input), call the export, collect output and error. Throws what the guest throws. */
  call(name: string, input?: Uint8Array | string): CallResult;
  text(name: string, input?: Uint8Array | string): string;
}

export async function loadPlugin(options: ExtismHostOptions = {}): Promise<TestPlugin> {
  const host = createExtismHost(options);
  const instance = await WebAssembly.instantiate(await pluginModule(), { [EXTISM_ENV]: host.imports });
  const call = (name: string, input: Uint8Array | string = '') => {
    host.reset(typeof input === 'string' ? new TextEncoder().encode(input) : input);
    const fn = instance.exports[name] as () => number;
    const rc = fn();
    return { rc, output: host.takeOutput(), error: host.takeError() };
  };
  const text = (name: string, input: Uint8Array | string = '') => {
    const { rc, output, error } = call(name, input);
    if (rc !== 0 || error !== null) throw new Error(`${name} returned ${rc}: ${error}`);
    return new TextDecoder().decode(output ?? new Uint8Array(0));
  };
  return { host, instance, call, text };
}
