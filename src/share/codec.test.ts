import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';
import { decodeShareHash, encodeShareHash } from './codec';
import type { ShareState } from './types';

const SHA = 'a'.repeat(64);

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(toBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
  });
  it('rejects characters outside the alphabet', () => {
    expect(() => fromBase64Url('ab$d')).toThrow(/position 2/);
  });
});

describe('share codec', () => {
  const state: ShareState = {
    v: 1,
    module: { sha256: SHA, name: 'add.wasm', url: 'https://example.com/add.wasm' },
    func: 'add',
    args: ['2', '3'],
    input: { mime: 'application/json', text: '{"a":1}' },
    config: { greeting: 'hi' },
    timeoutMs: 5000,
    grants: { hosts: ['api.example.com'] },
  };

  it('round-trips the whole state', () => {
    const hash = encodeShareHash(state);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    const decoded = decodeShareHash(hash);
    expect(decoded).toEqual({ ok: true, state, warnings: [] });
  });

  it('keeps decoding a link written by v1 (golden fixture)', () => {
    // Made with v1 of the codec; it must decode forever (STYLE.md §6).
    const golden = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 1, module: { sha256: SHA, name: 'x.wasm', example: 'add' }, func: 'add', args: ['1', '2'] }))));
    expect(decodeShareHash(golden)).toEqual({ ok: true, state: { v: 1, module: { sha256: SHA, name: 'x.wasm', example: 'add' }, func: 'add', args: ['1', '2'] }, warnings: [] });
  });

  it('returns undefined for hashes without share state', () => {
    expect(decodeShareHash('')).toBeUndefined();
    expect(decodeShareHash('#other=1')).toBeUndefined();
  });

  it('explains corrupt links', () => {
    const hash = encodeShareHash(state);
    const cut = decodeShareHash(hash.slice(0, hash.length - 12));
    expect(cut).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    expect(decodeShareHash('#s=%%%')).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    const notJson = '#s=' + toBase64Url(deflateSync(strToU8('not json')));
    expect(decodeShareHash(notJson)).toMatchObject({ ok: false, error: expect.stringMatching(/JSON/) });
    expect(decodeShareHash('#s=abc&c=brotli')).toMatchObject({ ok: false, error: expect.stringMatching(/brotli/) });
  });

  it('refuses newer versions and payloads without a module', () => {
    const newer = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 9, module: {} }))));
    expect(decodeShareHash(newer)).toMatchObject({ ok: false, error: expect.stringMatching(/newer/) });
    const noModule = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 1, module: { sha256: SHA } }))));
    expect(decodeShareHash(noModule)).toMatchObject({ ok: false, error: expect.stringMatching(/no module URL/) });
  });

  it('drops mistyped fields and keeps __proto__ keys as data', () => {
    const raw = JSON.parse('{"v":1,"module":{"sha256":"' + SHA + '","name":"m","url":"u"},"func":5,"args":[1],"config":{"__proto__":"x","k":"v","n":1},"runAs":"python"}');
    const hash = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify(raw))));
    const decoded = decodeShareHash(hash);
    expect(decoded?.ok).toBe(true);
    if (!decoded?.ok) return;
    expect(decoded.state.func).toBeUndefined();
    expect(decoded.state.args).toBeUndefined();
    expect(decoded.state.runAs).toBeUndefined();
    expect(Object.keys(decoded.state.config ?? {})).toEqual(['__proto__', 'k']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses a deflate bomb', () => {
    // A 4 MB run of zeros against a 512 KB limit given by the caller.
    const bomb = '#s=' + toBase64Url(deflateSync(new Uint8Array(4 * 1024 * 1024), { level: 1 }));
    expect(decodeShareHash(bomb, 512 * 1024)).toMatchObject({ ok: false, error: expect.stringMatching(/more than 0\.5 MB once decompressed/) });
  });
});

/** `fn()` and the CPU time it took: unlike wall time, other processes on a busy machine don't count. */
function cpuTimed<T>(fn: () => T): { result: T; ms: number } {
  const start = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(start);
  return { result, ms: (used.user + used.system) / 1000 };
}

describe('share codec against hostile links', () => {
  const link = (payload: unknown) => '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));
  const module = { sha256: SHA, name: 'm.wasm', example: 'add' };

  it('refuses a 100 MB deflate bomb quickly, with the specific message', () => {
    const bomb = '#s=' + toBase64Url(deflateSync(new Uint8Array(100 * 1024 * 1024), { level: 1 }));
    expect(bomb.length).toBeLessThan(200_000);
    const { result: decoded, ms } = cpuTimed(() => decodeShareHash(bomb));
    expect(decoded).toEqual({
      ok: false,
      error: 'The share link was refused: its data grows to more than 1 MB once decompressed, and links hold at most that. It is corrupt or made to stall the page.',
    });
    // ~3 ms warm, 40-70 ms cold (JIT); the bound is loose, the message above is the point.
    expect(ms).toBeLessThan(500);
  });

  it('still opens a link just under the decoded cap', () => {
    const text = 'y'.repeat(1024 * 1024 - 200);
    expect(decodeShareHash(link({ v: 1, module, input: { mime: 'text/plain', text } }))).toMatchObject({ ok: true, state: { input: { text } }, warnings: [] });
  });

  it('refuses a hash longer than 2 MB before decoding it', () => {
    const long = '#s=' + 'A'.repeat(2 * 1024 * 1024 + 100);
    expect(decodeShareHash(long)).toMatchObject({ ok: false, error: expect.stringMatching(/^The share link is too long \(2097255 characters; links hold at most 2097152\)/) });
    expect(decodeShareHash('#x=' + 'A'.repeat(2 * 1024 * 1024 + 100))).toBeUndefined();
  });

  it('opens a 200,000-args link in well under a second, keeping 1000 args', () => {
    const hash = link({ v: 1, module, func: 'f', args: Array<string>(200_000).fill('') });
    expect(hash.length).toBeLessThan(4000);
    const { result: decoded, ms } = cpuTimed(() => decodeShareHash(hash));
    expect(ms).toBeLessThan(500);
    expect(decoded).toMatchObject({ ok: true, warnings: ['args: kept the first 1000 of 200000 items (a link holds at most 1000)'] });
    expect(decoded?.ok && decoded.state.args).toHaveLength(1000);
  });

  it('keeps 1000 of 20,000 env entries', () => {
    const env = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`V${i}`, String(i)]));
    const decoded = decodeShareHash(link({ v: 1, module, env }));
    expect(decoded).toMatchObject({ ok: true, warnings: ['env: kept the first 1000 of 20000 entries (a link holds at most 1000)'] });
    expect(Object.keys((decoded?.ok && decoded.state.env) || {})).toHaveLength(1000);
  });

  it('drops an out-of-range timeout and a bad input file, keeping the rest', () => {
    const decoded = decodeShareHash(link({ v: 1, module, timeoutMs: 4294967297, input: { mime: 'x/y', base64: '!!' }, argv: ['a'] }));
    expect(decoded).toMatchObject({ ok: true, state: { argv: ['a'], input: { mime: 'x/y' } } });
    expect(decoded?.ok && decoded.state.timeoutMs).toBeUndefined();
    expect(decoded?.ok && decoded.warnings).toEqual([
      "input.base64: left out because the input file's bytes are not valid base64 (invalid base64 character at position 0)",
      'timeoutMs: left out. The time limit 4294967297 ms is over the longest, 24 h (86400000 ms): browsers\' timers wrap above 2^31-1 ms and would stop the run at once. The current time limit stays.',
    ]);
  });
});

describe('share codec v2: WAT source and lessons (issue 10)', () => {
  const WAT = '(module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))';

  it('opens a link made by the v1 playground (golden, with a lesson), unchanged', () => {
    // Made by this playground's encoder before v2 existed: add.wasm inline, add(2, 40), a lesson.
    const old =
      '#s=TVLbjpswEP2VlR9XaWVwSE3exgSTbENad9WAqaoVd2i4qAsJ26zy7x12papI6NhnZo7P2PNKLmRtLEjbZ-cmJ-tXMlSxaa3ImuRpbPLciItVZmYWXcbMpkXKOV8ys-CfaMzMhGVGWqwwiy4Ne0VTg9GU53zFOGNkQbq4RU0SZ9nHKR5aZOquqbuZA09eE-UCfuKhzEro7CcIbUTrA4QW4guH8KWEkIoiAKdgHH-Mg3zSc9VUbgFcByYlRYlCIXLquwvKFS5oD0IO6rHfC8P_DKY8RfNBAeJGU6zbJuFxCE1tHgAcx6uqxIuK6Jf_B8B3U5ZVKSaJVp5x3aQlSOFZl4ShRnkYo4A6AE2bsAeaH22amXwDcKC6nQTAaQtKIA5CqP4qphR2ACUE6GVCdEAUMGwRkfdqZ-oRBdYDfLXUXpSY84imJvXmH3d78LibtHKMlEtRY6ODbydQxyryFPrf_deLv4s9OUSN3frXnSu2B6ZD9P6vD4069gUd_UYddCArULIGhQ4DV0Cwc_A8ofEOdeljD3IpZvfvMQmgQSiN_Fuv5LYgxblL318YHzd-Lgey_kFMXC8p-bkgY93m_Xn0kbYopQvS5MPQd_OcjfU4Dxz50sylbfx8yvoJIwS6u_u-ye7vcFJO5Hb7Cw';
    const decoded = decodeShareHash(old);
    expect(decoded).toMatchObject({ ok: true, warnings: [], state: { v: 1, func: 'add', args: ['2', '40'], timeoutMs: 5000, lesson: { title: 'Old', markdown: 'An *old* link' } } });
    if (!decoded?.ok) throw new Error('not decoded');
    expect(decoded.state.module).toMatchObject({ sha256: 'eca28e1af6d2d504a390fc888432f870a32b3d1cf68e1041960c130c8e863833', name: 'add.wasm' });
    expect(fromBase64Url(decoded.state.module.inline!).subarray(0, 4)).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
  });

  it('round-trips a v2 link whose module is WAT source, with its lesson', () => {
    const state: ShareState = { v: 2, module: { sha256: SHA, name: 'lesson.wasm', wat: WAT }, func: 'add', lesson: { title: 'Adding', markdown: '# Add\nTwo numbers.' } };
    expect(decodeShareHash(encodeShareHash(state))).toEqual({ ok: true, state, warnings: [] });
  });

  it('a v1 payload cannot smuggle WAT in: v1 has no such field', () => {
    const v1 = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 1, module: { sha256: SHA, name: 'm', wat: WAT } }))));
    expect(decodeShareHash(v1)).toMatchObject({ ok: false, error: expect.stringMatching(/no module URL, inline module or example id/) });
  });

  it('drops WAT source that is not text, and refuses a v2 link left with no module', () => {
    const bad = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 2, module: { sha256: SHA, name: 'm', wat: 5 } }))));
    expect(decodeShareHash(bad)).toMatchObject({ ok: false, error: expect.stringMatching(/WAT source/) });
  });

  it('v3 is refused as newer', () => {
    const newer = '#s=' + toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 3, module: { sha256: SHA, name: 'm', wat: WAT } }))));
    expect(decodeShareHash(newer)).toMatchObject({ ok: false, error: expect.stringMatching(/reads up to v2/) });
  });
});
