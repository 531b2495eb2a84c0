import { describe, expect, it } from 'vitest';
import type { WitFunction, WitInterface, WitWorld } from '../../wasm/wit/types';
import { groupWorldItems } from '../inspector/worldGroups';
import { componentImports } from './componentCapabilities';

const fn = (name: string): WitFunction => ({ name, binaryName: name, kind: 'freestanding', params: [], result: null });
function iface(full: string, fns: string[]): WitInterface {
  const m = /^([^:]+):([^/]+)\/([^@]+)(?:@(.+))?$/.exec(full);
  if (!m) return { name: full, shortName: full, types: [], resources: [], functions: fns.map(fn) };
  return { name: full, package: { namespace: m[1]!, name: m[2]!, ...(m[4] ? { version: m[4] } : {}) }, shortName: m[3]!, types: [], resources: [], functions: fns.map(fn) };
}
const world = (imports: WitInterface[], exports: WitInterface[] = [], fns: WitFunction[] = []): WitWorld => ({
  imports: [...imports.map((i) => ({ kind: 'interface' as const, iface: i })), ...fns.map((f) => ({ kind: 'function' as const, fn: f }))],
  exports: exports.map((i) => ({ kind: 'interface' as const, iface: i })),
  warnings: [],
  unsupported: [],
});

describe('componentImports', () => {
  const cli = world([
    iface('wasi:cli/environment@0.2.0', ['get-environment', 'get-arguments', 'initial-cwd']),
    iface('wasi:cli/exit@0.2.0', ['exit']),
    iface('wasi:cli/stdin@0.2.0', ['get-stdin']),
    iface('wasi:cli/stdout@0.2.0', ['get-stdout']),
    iface('wasi:io/streams@0.2.0', []),
    iface('wasi:filesystem/types@0.2.0', []),
    iface('wasi:filesystem/preopens@0.2.0', ['get-directories']),
    iface('wasi:sockets/tcp@0.2.0', ['x']),
    iface('wasi:clocks/wall-clock@0.2.12', ['now']),
    iface('wasi:random/random@0.2.12', ['get-random-bytes']),
    iface('wasi:http/outgoing-handler@0.2.0', ['handle']),
    iface('test:strings/imports', ['get']),
  ], [], [fn('log')]);

  it('says what each WASI interface asks for, with the interfaces as `via`', () => {
    const caps = Object.fromEntries(componentImports(cli).capabilities.map((r) => [r.capability, r.via]));
    expect(caps).toEqual({
      env: ['wasi:cli/environment@0.2.0'],
      args: ['wasi:cli/environment@0.2.0'],
      'proc-exit': ['wasi:cli/exit@0.2.0'],
      stdin: ['wasi:cli/stdin@0.2.0'],
      stdout: ['wasi:cli/stdout@0.2.0'],
      filesystem: ['wasi:filesystem/types@0.2.0', 'wasi:filesystem/preopens@0.2.0'],
      sockets: ['wasi:sockets/tcp@0.2.0'],
      clock: ['wasi:clocks/wall-clock@0.2.12'],
      random: ['wasi:random/random@0.2.12'],
      network: ['wasi:http/outgoing-handler@0.2.0'],
    });
  });

  it('keeps plumbing apart and lists what no host provides', () => {
    const r = componentImports(cli);
    expect(r.plumbing).toEqual(['wasi:io/streams@0.2.0']);
    expect(r.unprovided.map((i) => i.name)).toEqual(['test:strings/imports']);
    expect(r.unprovidedFunctions.map((f) => f.name)).toEqual(['log']);
  });

  it("merges the analyser's requests", () => {
    const r = componentImports(world([]), [{ capability: 'network', via: ['x'] }]);
    expect(r.capabilities).toEqual([{ capability: 'network', via: ['x'] }]);
  });
});

describe('groupWorldItems', () => {
  it('groups interfaces by package with version, in world order', () => {
    const side = groupWorldItems(world([iface('wasi:cli/environment@0.2.0', []), iface('wasi:io/streams@0.2.0', []), iface('wasi:cli/exit@0.2.0', []), iface('local', [])], [], [fn('f')]).imports);
    expect(side.packages.map((g) => [g.pkg, g.interfaces.map((i) => i.shortName)])).toEqual([
      ['wasi:cli@0.2.0', ['environment', 'exit']],
      ['wasi:io@0.2.0', ['streams']],
      ['', ['local']],
    ]);
    expect(side.functions.map((f) => f.name)).toEqual(['f']);
  });
});
