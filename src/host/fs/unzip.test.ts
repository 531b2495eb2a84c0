import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UNZIP_LIMITS, entryPath, unzipFiles } from './unzip';

const text = (u: Uint8Array | undefined) => new TextDecoder().decode(u);

describe('unzipFiles', () => {
  it('unpacks files and folders, stored and deflated, with progress', () => {
    const zip = zipSync({ 'share/': new Uint8Array(0), 'share/techmap.v': strToU8('module x;'), 'big.bin': [new Uint8Array(300_000).fill(7), { level: 0 }], 'README': strToU8('hi') });
    const seen: number[] = [];
    const result = unzipFiles(zip, DEFAULT_UNZIP_LIMITS, (read) => seen.push(read), 64 * 1024);
    if (!result.ok) throw new Error(result.error);
    expect(result.files.map((f) => [f.path, f.kind, f.data?.length ?? null])).toEqual([
      ['share', 'dir', null],
      ['share/techmap.v', 'file', 9],
      ['big.bin', 'file', 300_000],
      ['README', 'file', 2],
    ]);
    expect(text(result.files[1]!.data)).toBe('module x;');
    expect(result.files[2]!.data!.every((b) => b === 7)).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(zip.length);
  });

  it('refuses zip-slip paths, naming the entry', () => {
    expect(unzipFiles(zipSync({ '../evil': strToU8('x') }))).toEqual({ ok: false, error: expect.stringContaining('"../evil" climbs out') });
    expect(unzipFiles(zipSync({ 'a/../../evil': strToU8('x') }))).toMatchObject({ ok: false });
    expect(entryPath('/etc/passwd')).toMatchObject({ ok: false, error: expect.stringContaining('absolute path') });
    expect(entryPath('C:\\Windows\\x')).toMatchObject({ ok: false });
    expect(entryPath('./a//b/')).toEqual({ ok: true, path: 'a/b', dir: true });
  });

  it('stops a zip bomb at the file and total limits', () => {
    const bomb = zipSync({ 'zeros': new Uint8Array(5 * 2 ** 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(unzipFiles(bomb, { ...DEFAULT_UNZIP_LIMITS, maxFileBytes: 2 ** 20 })).toEqual({ ok: false, error: expect.stringContaining('over the limit for one file') });
    const many = zipSync({ a: new Uint8Array(600_000), b: new Uint8Array(600_000) });
    expect(unzipFiles(many, { ...DEFAULT_UNZIP_LIMITS, maxTotalBytes: 2 ** 20 })).toEqual({ ok: false, error: expect.stringContaining('in all') });
    expect(unzipFiles(many, { ...DEFAULT_UNZIP_LIMITS, maxEntries: 1 })).toEqual({ ok: false, error: expect.stringContaining('more than 1 entries') });
  });

  it('says what is wrong with something that is not a zip, or a damaged one', () => {
    expect(unzipFiles(strToU8('just some text, not an archive'))).toEqual({ ok: false, error: expect.stringContaining('not a .zip') });
    const zip = zipSync({ 'f.txt': strToU8('x'.repeat(5000)) });
    const damaged = zip.slice();
    damaged.fill(0xff, 40, 60); // inside the deflated data
    expect(unzipFiles(damaged).ok).toBe(false);
    const big = zipSync({ 'big.bin': new Uint8Array(200_000).map((_, i) => (i * 7919) % 251) });
    expect(unzipFiles(big.subarray(0, big.length / 2))).toEqual({ ok: false, error: expect.stringMatching(/cut off|damaged/) });
  });
});
