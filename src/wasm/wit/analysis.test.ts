import { beforeAll, describe, expect, it } from 'vitest';
import type { ComponentAnalysis } from '../types';
import { parseModule } from '../parse';
import { interfaceCapabilities } from '../capabilities';
import { prng } from '../testBytes';
import { buildCommand, buildComponent, TYPES_WAT, TYPES_WIT } from './testComponents';
import { decodeWorld } from './decode';
import { WasmParseError } from '../reader';

function component(bytes: Uint8Array): ComponentAnalysis {
  const r = parseModule(bytes);
  if (!r.ok || r.analysis.format !== 'component') throw new Error(`not a component: ${JSON.stringify(r)}`);
  return r.analysis;
}

describe('component analysis: world and capabilities', () => {
  let command: Uint8Array;
  let kinds: Uint8Array;
  beforeAll(async () => {
    command = await buildCommand();
    kinds = await buildComponent(TYPES_WAT, TYPES_WIT, 'kinds');
  });

  it('fills the world and asks for the capabilities of the WASI imports, naming the interfaces', () => {
    const a = component(command);
    expect(a.worldError).toBeUndefined();
    expect(a.world?.exports.length).toBe(1);
    const caps = new Map(a.capabilities.map((c) => [c.capability, c.via]));
    expect([...caps.keys()]).toEqual(['filesystem', 'env', 'args', 'stdin', 'stdout', 'clock', 'random', 'proc-exit']);
    expect(caps.get('filesystem')).toEqual([expect.stringMatching(/^wasi:filesystem\/types@0\.2\./), expect.stringMatching(/^wasi:filesystem\/preopens@/)]);
    expect(caps.get('env')).toEqual([expect.stringMatching(/^wasi:cli\/environment@/)]);
    expect(caps.get('stdout')).toEqual([expect.stringMatching(/^wasi:cli\/stdout@/), expect.stringMatching(/^wasi:cli\/stderr@/)]);
  });

  it('asks for nothing when the imports are not WASI capabilities', () => {
    const a = component(kinds);
    expect(a.world).not.toBeNull();
    expect(a.capabilities).toEqual([]);
  });

  it('maps interface names whatever their version', () => {
    expect(interfaceCapabilities('wasi:http/outgoing-handler@0.2.0')).toEqual(['network']);
    expect(interfaceCapabilities('wasi:http/types@0.2.0')).toEqual([]);
    expect(interfaceCapabilities('wasi:sockets/tcp@0.2.12')).toEqual(['sockets']);
    expect(interfaceCapabilities('wasi:clocks/wall-clock')).toEqual(['clock']);
    expect(interfaceCapabilities('wasi:random/insecure-seed@0.2.3')).toEqual(['random']);
    expect(interfaceCapabilities('wasi:cli/exit@0.2.0')).toEqual(['proc-exit']);
    expect(interfaceCapabilities('wasi:cli/environmental@0.2.0')).toEqual([]);
    expect(interfaceCapabilities('my:wasi/filesystem')).toEqual([]);
  });

  it('keeps the sections when the world cannot be decoded, and says why', () => {
    // A valid section list whose type section holds an unknown type form.
    const bytes = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x07, 0x02, 0x01, 0x55]);
    const a = component(bytes);
    expect(a.world).toBeNull();
    expect(a.worldError).toMatch(/unknown component type form 0x55 \(at byte offset 11\)/);
    expect(a.sections).toEqual([{ id: 7, name: 'type', offset: 8, size: 2 }]);
  });

  it('never throws on truncated or mutated component bytes', () => {
    const rand = prng(9);
    const inputs: Uint8Array[] = [];
    for (const source of [command, kinds]) {
      for (let i = 0; i < 150; i++) inputs.push(source.slice(0, Math.floor(rand() * source.length)));
      for (let i = 0; i < 300; i++) {
        const copy = source.slice();
        // Flip bytes outside the large core modules too: aim at the first and last kilobytes as often.
        for (let j = 0; j < 3; j++) {
          const region = rand();
          const at = region < 0.4 ? Math.floor(rand() * 1024) : region < 0.8 ? copy.length - 1 - Math.floor(rand() * 1024) : Math.floor(rand() * copy.length);
          copy[Math.max(8, Math.min(copy.length - 1, at))] = Math.floor(rand() * 256);
        }
        inputs.push(copy);
      }
    }
    let decoded = 0;
    let refused = 0;
    for (const bytes of inputs) {
      // The decoder itself fails only with WasmParseError, never with a bug of ours (TypeError…).
      try {
        decodeWorld(bytes);
      } catch (err) {
        expect(err).toBeInstanceOf(WasmParseError);
        expect((err as Error).message).not.toMatch(/internal error/);
      }
      const r = parseModule(bytes);
      if (!r.ok) {
        expect(r.error.message).not.toMatch(/internal error/);
        continue;
      }
      if (r.analysis.format !== 'component') continue;
      // Exactly one of world / worldError.
      expect(r.analysis.world === null).toBe(r.analysis.worldError !== undefined);
      if (r.analysis.world !== null) decoded++;
      else refused++;
    }
    // Both outcomes happen, so the check above means something.
    expect(decoded).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
