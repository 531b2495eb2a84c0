import { describe, expect, it } from 'vitest';
import { parseManifest, resolveFunc } from './examplesStore';
import manifest from '../../public/examples/manifest.json';

describe('parseManifest', () => {
  it('reads the built manifest: a dozen examples, every kind of module', () => {
    const parsed = parseManifest(manifest);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.examples.length).toBeGreaterThanOrEqual(12);
    expect(new Set(parsed.examples.map((e) => e.kind))).toEqual(new Set(['core', 'wasi-command', 'extism', 'component']));
    expect(new Set(parsed.examples.map((e) => e.id)).size).toBe(parsed.examples.length);
  });
  it('names what is wrong', () => {
    expect(parseManifest({})).toEqual({ ok: false, message: 'it has no "examples" list' });
    expect(parseManifest({ examples: [{ id: 'x', title: 'X' }] })).toEqual({ ok: false, message: 'example 1 lacks teaches, lesson, file, function' });
    const bad = { id: 'x', title: 'X', teaches: 't', lesson: 'l', file: 'f', function: 'g', kind: 'python' };
    expect(parseManifest({ examples: [bad] })).toEqual({ ok: false, message: 'example "x" has an unknown kind "python"' });
  });
});

describe('resolveFunc', () => {
  it('matches exactly, else without versions', () => {
    expect(resolveFunc(['add', 'fac'], 'fac')).toBe('fac');
    expect(resolveFunc(['wasi:cli/run@0.2.12#run'], 'wasi:cli/run#run')).toBe('wasi:cli/run@0.2.12#run');
    expect(resolveFunc(['a'], 'b')).toBe('b');
  });
});
