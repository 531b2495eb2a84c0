import { describe, expect, it } from 'vitest';
import { MAX_ARGS, MAX_ARGV, MAX_CONFIG, MAX_ENV, MAX_HOSTS, MAX_LESSON_CHARS, MAX_MOUNTS, MAX_TEXT_CHARS } from './limits';
import { restore } from './restore';

const SHA = 'c'.repeat(64);
const MODULE = { sha256: SHA, name: 'm.wasm', url: 'https://example.com/m.wasm' };

/** restore() of a v1 payload with `fields`; fails the test when the payload is refused. */
function restored(fields: Record<string, unknown>) {
  const result = restore({ v: 1, module: MODULE, ...fields });
  if (!result.ok) throw new Error(result.error);
  return result;
}

const texts = (n: number, prefix = 'x') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const record = (n: number) => Object.fromEntries(texts(n, 'K').map((k) => [k, 'v']));

describe('restore caps', () => {
  it('keeps a well-formed payload whole, with no warnings', () => {
    const fields = {
      func: 'add',
      args: ['1', '2'],
      input: { mime: 'application/octet-stream', base64: 'AAEC' },
      config: { k: 'v' },
      argv: ['-n'],
      env: { A: '1' },
      timeoutMs: 5000,
      grants: { hosts: ['a.test'], mounts: [{ volume: 'home', path: '', guestPath: '/d', readOnly: false }] },
      lesson: { title: 'T', markdown: '# T' },
    };
    expect(restored(fields)).toEqual({ ok: true, state: { v: 1, module: MODULE, ...fields }, warnings: [] });
  });

  it('keeps the first 1000 of 200,000 args and says so', () => {
    const { state, warnings } = restored({ args: Array<string>(200_000).fill('7') });
    expect(state.args).toHaveLength(MAX_ARGS);
    expect(warnings).toEqual([`args: kept the first 1000 of 200000 items (a link holds at most 1000)`]);
  });

  it('caps argv, hosts and mounts the same way', () => {
    const mount = { volume: 'v', path: '', guestPath: '/g' };
    const { state, warnings } = restored({ argv: texts(MAX_ARGV + 5), grants: { hosts: texts(5000), mounts: Array<object>(60).fill(mount) } });
    expect(state.argv).toEqual(texts(MAX_ARGV));
    expect(state.grants?.hosts).toHaveLength(MAX_HOSTS);
    expect(state.grants?.mounts).toHaveLength(MAX_MOUNTS);
    expect(warnings).toEqual([
      'argv: kept the first 1000 of 1005 items (a link holds at most 1000)',
      'grants.hosts: kept the first 200 of 5000 items (a link holds at most 200)',
      'grants.mounts: kept the first 50 of 60 items (a link holds at most 50)',
    ]);
  });

  it('keeps the first 1000 of 20,000 env entries and of config entries', () => {
    const { state, warnings } = restored({ env: record(20_000), config: record(MAX_CONFIG + 1) });
    expect(Object.keys(state.env ?? {})).toHaveLength(MAX_ENV);
    expect(Object.keys(state.config ?? {})).toHaveLength(MAX_CONFIG);
    expect(state.env?.K0).toBe('v');
    expect(warnings).toEqual([
      'config: kept the first 1000 of 1001 entries (a link holds at most 1000)',
      'env: kept the first 1000 of 20000 entries (a link holds at most 1000)',
    ]);
  });

  it('drops strings over 64 KB, except the input and the inline module', () => {
    const long = 'a'.repeat(MAX_TEXT_CHARS + 1);
    const { state, warnings } = restored({
      func: long,
      args: ['1', long],
      env: { OK: 'yes', BIG: long, [long]: 'v' },
      input: { mime: 'text/plain', text: long },
      outputMime: 'x'.repeat(300),
      lesson: { markdown: 'b'.repeat(MAX_LESSON_CHARS + 1) },
    });
    expect(state.func).toBeUndefined();
    expect(state.args).toBeUndefined();
    expect(state.env).toEqual({ OK: 'yes' });
    expect(state.input?.text).toBe(long);
    expect(state.outputMime).toBeUndefined();
    expect(state.lesson).toBeUndefined();
    expect(warnings).toEqual([
      'func: left out because its 65537 characters are over the limit of 65536',
      'args: left out because item 2 has 65537 characters, over the limit of 65536',
      'outputMime: left out because its 300 characters are over the limit of 255',
      'env: left out 2 entries whose name or value is not text of at most 65536 characters',
      'lesson.markdown: left out because its 262145 characters are over the limit of 262144',
    ]);
    const inline = restore({ v: 1, module: { sha256: SHA, name: 'm', inline: 'A'.repeat(MAX_TEXT_CHARS * 2) } });
    expect(inline).toMatchObject({ ok: true, warnings: [] });
  });

  it('refuses a link whose only module source is too long, and says which field', () => {
    const result = restore({ v: 1, module: { sha256: SHA, name: 'm', url: 'https://x/' + 'a'.repeat(MAX_TEXT_CHARS) } });
    expect(result).toEqual({ ok: false, error: 'The link has no module URL, inline module or example id.' });
  });

  it('reports mistyped fields instead of dropping them silently', () => {
    const { state, warnings } = restored({ func: 5, args: [1], runAs: 'python', stubImports: 'yes', config: [], grants: { mounts: [{ volume: 'v' }, 3] } });
    expect(state).toEqual({ v: 1, module: MODULE, grants: { mounts: [] } });
    expect(warnings).toEqual([
      'func: left out because it is a number, not text',
      'args: left out because item 1 is a number, not text',
      'runAs: left out because it is not one of core, wasi-command, wasi-reactor, extism, wapc, component',
      'stubImports: left out because it is a string, not true or false',
      'config: left out because it is a list, not a set of names and values',
      'grants.mounts[0]: left out because it needs a volume, a path and a guestPath',
      'grants.mounts[1]: left out because it is a number, not an object',
    ]);
  });
});

describe('restore input', () => {
  it('leaves out an input file whose base64 does not decode, keeping the settings after it', () => {
    const { state, warnings } = restored({ input: { mime: 'image/png', base64: 'ab$d' }, env: { A: '1' }, timeoutMs: 3000 });
    expect(state.input).toEqual({ mime: 'image/png' });
    expect(state.env).toEqual({ A: '1' });
    expect(state.timeoutMs).toBe(3000);
    expect(warnings).toEqual(["input.base64: left out because the input file's bytes are not valid base64 (invalid base64 character at position 2)"]);
  });

  it('leaves out base64 of an impossible length', () => {
    const { state, warnings } = restored({ input: { mime: 'x/y', base64: 'AAAAA' } });
    expect(state.input?.base64).toBeUndefined();
    expect(warnings[0]).toMatch(/^input\.base64: .*impossible length/);
  });
});

describe('restore timeoutMs', () => {
  it.each([
    [1e12, /1000000000000 ms is over the longest, 24 h/],
    [4294967297, /4294967297 ms is over the longest/],
    [2147483647, /2147483647 ms is over the longest/],
    [1e-300, /1e-300 ms is under the shortest, 1 ms/],
    [-5, /more than 0 ms, not -5/],
    [0, /more than 0 ms, not 0/],
    ['10000', /number of milliseconds, not the text "10000"/],
    [null, /not null/],
  ])('drops %s with a warning', (value, message) => {
    const { state, warnings } = restored({ timeoutMs: value });
    expect(state.timeoutMs).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^timeoutMs: left out\. The time limit/);
    expect(warnings[0]).toMatch(message);
    expect(warnings[0]).toMatch(/The current time limit stays\.$/);
  });

  it('keeps 1 ms, 24 h, and rounds a fraction', () => {
    expect(restored({ timeoutMs: 1 }).state.timeoutMs).toBe(1);
    expect(restored({ timeoutMs: 86_400_000 }).state.timeoutMs).toBe(86_400_000);
    expect(restored({ timeoutMs: 2500.4 }).state.timeoutMs).toBe(2500);
  });
});

describe('restore a module the recipient supplies (too big for a link)', () => {
  it('keeps a ref with only sha256, name and size', () => {
    expect(restore({ v: 1, module: { sha256: SHA, name: 'big.wasm', size: 1_800_000 }, func: 'run' })).toEqual({
      ok: true,
      state: { v: 1, module: { sha256: SHA, name: 'big.wasm', size: 1_800_000 }, func: 'run' },
      warnings: [],
    });
  });

  it('refuses such a ref when its size is missing or not a positive whole number, and warns about the size', () => {
    expect(restore({ v: 1, module: { sha256: SHA, name: 'big.wasm' } })).toEqual({ ok: false, error: 'The link has no module URL, inline module or example id.' });
    for (const size of [0, -1, 1.5, '10', null]) {
      expect(restore({ v: 1, module: { sha256: SHA, name: 'big.wasm', size } })).toMatchObject({ ok: false });
    }
    // Beside a URL, a bad size is only left out.
    expect(restore({ v: 1, module: { ...MODULE, size: 'big' } })).toMatchObject({ ok: true, warnings: ['module.size: left out because it is a string, not a positive whole number of bytes'] });
  });
});
