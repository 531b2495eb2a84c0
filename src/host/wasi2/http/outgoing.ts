import type { Wasi2Context } from '../context';

export interface HttpOptions {
  hosts: string[];
}

export function httpImports(_ctx: Wasi2Context, _http: HttpOptions): Record<string, Record<string, unknown>> {
  return {};
}
