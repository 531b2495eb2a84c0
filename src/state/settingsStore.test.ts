import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in localStorage holding `stored` under the settings key, installed before the store loads. */
function storage(stored: Record<string, unknown> | null) {
  const data = new Map<string, string>();
  if (stored) data.set('wasm-playground:settings', JSON.stringify({ state: stored, version: 1 }));
  const localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
  // zustand's persist reads window.localStorage.
  vi.stubGlobal('window', { localStorage });
}

async function freshStore() {
  vi.resetModules();
  return (await import('./settingsStore')).useSettings;
}

describe('settings time limit', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('clamps a limit over 24 h to 24 h and ignores ones that would misfire', async () => {
    storage(null);
    const settings = await freshStore();
    settings.getState().setTimeoutMs(4294967297);
    expect(settings.getState().timeoutMs).toBe(86_400_000);
    settings.getState().setTimeoutMs(2500);
    for (const bad of [NaN, Infinity, 0, -5, 1e-300]) settings.getState().setTimeoutMs(bad);
    expect(settings.getState().timeoutMs).toBe(2500);
  });

  it('replaces a bad stored limit (as an old build persisted from a link) with the default on load', async () => {
    storage({ timeoutMs: 1e12, lastModuleId: 'm' });
    const settings = await freshStore();
    expect(settings.getState().timeoutMs).toBe(10_000);
    expect(settings.getState().lastModuleId).toBe('m');
  });

  it('keeps a good stored limit', async () => {
    storage({ timeoutMs: 30_000 });
    expect((await freshStore()).getState().timeoutMs).toBe(30_000);
  });
});
