import { describe, expect, it } from 'vitest';
import { mountForAllowedPath } from './allowedPaths';

const map = (hostPath: string, guestPath = '/data', readOnly = false) => mountForAllowedPath({ hostPath, guestPath, readOnly });

describe('mountForAllowedPath', () => {
  it('maps a plain host path to a folder of the default volume', () => {
    expect(map('/tmp/plugin-data')).toEqual({ ok: true, mount: { volume: 'home', dir: 'tmp/plugin-data', guestPath: '/data', readOnly: false } });
    expect(map('./in', '/in/', true)).toEqual({ ok: true, mount: { volume: 'home', dir: 'in', guestPath: '/in', readOnly: true } });
    expect(map('.', '/')).toEqual({ ok: true, mount: { volume: 'home', dir: '', guestPath: '/', readOnly: false } });
  });

  it('maps "volume:folder" to that volume, and a Windows drive path to the default volume', () => {
    expect(map('assets:/images')).toEqual({ ok: true, mount: { volume: 'assets', dir: 'images', guestPath: '/data', readOnly: false } });
    expect(map('assets:')).toEqual({ ok: true, mount: { volume: 'assets', dir: '', guestPath: '/data', readOnly: false } });
    expect(map('C:\\Users\\me\\data')).toEqual({ ok: true, mount: { volume: 'home', dir: 'Users/me/data', guestPath: '/data', readOnly: false } });
  });

  it('refuses paths that climb out, and relative guest paths, saying which entry', () => {
    const up = map('../etc');
    expect(up.ok).toBe(false);
    if (!up.ok) expect(up.message).toMatch(/allowed_paths "\.\.\/etc" → "\/data": .*"\.\."/);
    const rel = map('/x', 'data');
    expect(rel).toEqual({ ok: false, message: 'allowed_paths: the guest path "data" must be absolute, e.g. "/data".' });
  });
});
