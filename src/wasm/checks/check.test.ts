import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModule } from '../parse';
import { checkModule } from './check';
import { checkedModuleOf } from './checkedModule';
import { generateCheckFile } from './generate';
import { parseCheckFile, parseSize } from './parseCheckFile';
import type { CheckReport } from './types';

const read = (p: string) => readFileSync(new URL(`../../../e2e/fixtures/${p}`, import.meta.url));
const wasiBytes = new Uint8Array(read('wasi-command.wasm'));
const parsed = parseModule(wasiBytes);
if (!parsed.ok) throw new Error('fixture does not parse');
const wasi = checkedModuleOf(parsed.analysis, wasiBytes.length);
const yaml = (name: string) => read(`checks/${name}`).toString('utf8');
const byRule = (r: CheckReport) => Object.fromEntries(r.rules.map((x) => [x.rule, x]));

describe('checkModule on the fixtures', () => {
  it('the pass file passes every rule', () => {
    const r = checkModule(wasi, yaml('wasi-command.pass.yaml'));
    expect(r.errors).toEqual([]);
    expect(r.rules.filter((x) => !x.passed)).toEqual([]);
    expect(r.passed).toBe(true);
    expect(Object.keys(byRule(r))).toEqual([
      'allow_wasi',
      'imports.include.fd_write',
      'imports.include.fd_write.params',
      'imports.include.fd_write.results',
      'imports.include.proc_exit',
      'imports.exclude.fd_read',
      'imports.namespace.include.wasi_snapshot_preview1',
      'imports.namespace.include.wasi_snapshot_preview1::proc_exit',
      'imports.namespace.exclude.env',
      'exports.max',
      'exports.include._start',
      'exports.include._start.params',
      'exports.include._start.results',
      'exports.exclude.main',
      'size.max',
    ]);
  });
  it('the fail file fails every rule, saying what was found', () => {
    const r = checkModule(wasi, yaml('wasi-command.fail.yaml'));
    expect(r.passed).toBe(false);
    expect(r.rules.filter((x) => x.passed).map((x) => x.rule)).toEqual(['imports.include.fd_write']);
    const rules = byRule(r);
    expect(rules['allow_wasi']?.found).toBe('imports WASI: wasi_snapshot_preview1.fd_write, wasi_snapshot_preview1.proc_exit');
    expect(rules['imports.include.http_get']?.found).toBe('not imported: no env::http_get');
    expect(rules['imports.include.fd_write.params']).toMatchObject({ passed: false, expected: '[I64]', found: '[I32, I32, I32, I32]' });
    expect(rules['imports.exclude.fd_write']?.found).toBe('imported: wasi_snapshot_preview1.fd_write');
    expect(rules['imports.namespace.include.env']?.passed).toBe(false);
    expect(rules['imports.namespace.exclude.wasi_snapshot_preview1']?.found).toContain('fd_write, proc_exit');
    expect(rules['imports.namespace.exclude.wasi_snapshot_preview1::proc_exit']?.passed).toBe(false);
    expect(rules['exports.include.main']?.passed).toBe(false);
    expect(rules['exports.exclude._start']?.passed).toBe(false);
    expect(rules['exports.max']).toMatchObject({ passed: false, expected: '<= 0', found: '1 function export' });
    expect(rules['size.max']).toMatchObject({ passed: false, found: `${wasiBytes.length} B (${wasiBytes.length} bytes)`, line: 26 });
  });
  it('complexity is reported "not measured", and the check does not pass', () => {
    const r = checkModule(wasi, yaml('complexity.yaml'));
    expect(r.rules).toHaveLength(1);
    expect(r.rules[0]).toMatchObject({ rule: 'complexity.max_risk', status: 'not-measured', passed: false, line: 4 });
    expect(r.passed).toBe(false);
  });
  it('unknown keys and bad YAML are reported with their line', () => {
    expect(checkModule(wasi, yaml('unknown-key.yaml')).errors).toEqual([{ message: expect.stringContaining('Unknown key "contains" in validate.imports'), line: 4 }]);
    const bad = checkModule(wasi, yaml('bad-yaml.yaml'));
    expect(bad.passed).toBe(false);
    expect(bad.errors[0]?.message).toMatch(/^Bad YAML/);
    expect(bad.errors[0]?.line).toBeGreaterThanOrEqual(4);
  });
  it('refuses a YAML alias bomb quickly', () => {
    const t0 = performance.now();
    const r = checkModule(wasi, yaml('bomb.yaml'));
    expect(r.errors[0]?.message).toContain('YAML bomb');
    expect(r.rules).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
  it('small aliases are fine', () => {
    const r = checkModule(wasi, 'x: &names [fd_read, sock_accept]\nvalidate:\n  imports:\n    exclude: *names\n');
    // "x" is not a check-file key
    expect(r.errors[0]).toEqual({ message: expect.stringContaining('Unknown key "x"'), line: 1 });
    const ok = checkModule(wasi, 'validate:\n  imports:\n    exclude: &n [fd_read]\n  exports:\n    exclude: *n\n');
    expect(ok.passed).toBe(true);
  });
});

describe('parse errors', () => {
  it.each([
    ['', /empty/],
    ['validate: 3', /must be a mapping/],
    ['allow_wasi: true', /Unknown key "allow_wasi" in the check file/],
    ['validate:\n  allow_wasi: maybe', /true or false/],
    ['validate:\n  size:\n    max: lots', /not a size/],
    ['validate:\n  exports:\n    max: -1', /whole number/],
    ['validate:\n  complexity:\n    max_risk: extreme', /low, medium or high/],
    ['validate:\n  exports:\n    include:\n      - name: f\n        params: [i32]', /not a value type/],
    ['validate:\n  validate: {}\nvalidate: {}', /Bad YAML/],
  ])('%j', (text, message) => {
    const r = parseCheckFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(message);
  });
  it('a url is not fetched and makes the check not pass', () => {
    const r = checkModule(wasi, 'validate:\n  url: https://example.com/mod.yaml\n');
    expect(r.passed).toBe(false);
    expect(r.errors[0]).toMatchObject({ line: 2, message: expect.stringContaining('not fetched') });
  });
  it('sizes as parse-size reads them', () => {
    expect(parseSize('4MiB')).toBe(4 * 1024 * 1024);
    expect(parseSize('4 MB')).toBe(4_000_000);
    expect(parseSize('1.5k')).toBe(1500);
    expect(parseSize('10B')).toBe(10);
    expect(parseSize('1024')).toBe(1024);
    expect(parseSize('4 iB')).toBeNull();
    expect(parseSize('lots')).toBeNull();
  });
});

describe('generateCheckFile', () => {
  it('writes a file the module passes, with every import and export', () => {
    const text = generateCheckFile(wasi);
    expect(text).toContain('allow_wasi: true');
    expect(text).toContain('- namespace: wasi_snapshot_preview1\n      name: fd_write');
    expect(text).toContain('complexity.max_risk is left out');
    const r = checkModule(wasi, text);
    expect(r.errors).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.rules.length).toBeGreaterThan(8);
  });
  it('rounds size up so a module just over a unit still passes', () => {
    const big = { ...wasi, size: 1024 * 1024 + 1 };
    const text = generateCheckFile(big);
    expect(text).toContain('max: 1.1 MiB');
    expect(checkModule(big, text).passed).toBe(true);
  });
});
