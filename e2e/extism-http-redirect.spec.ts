/**
 * Plugin HTTP and redirects (DESIGN.md §4): a guest allowed one host must not reach another one
 * through a redirect from the allowed host. The fixture server's /redirect answers 30x with a
 * Location on an unlisted host; its /exfil counts every request that arrives (preflights
 * included) and /hits reads the count. Both HTTP paths are driven through the automation API:
 * "auto" (fetch with redirect: 'manual', suspended with JSPI: the redirect is refused) and "sync"
 * (synchronous XHR, which cannot stop a redirect: nothing is sent unless every host is allowed).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/playground';
import { Plugin } from './support/plugin';
import { CORS_ORIGIN, fixtureUrl, NO_CORS_ORIGIN } from './support/urls';

const ALLOWED = new URL(CORS_ORIGIN).host; // "localhost:<cors port>", sends CORS headers
const ALLOWED_NO_CORS = new URL(NO_CORS_ORIGIN).host;
// The same CORS server under another name: not on the allowlist, and it would hand its body over.
const UNLISTED_ORIGIN = CORS_ORIGIN.replace('localhost', '127.0.0.1');

const redirect = (from: string, code: number, to: string) => `${from}/redirect?code=${code}&to=${encodeURIComponent(to)}`;

async function exfilHits(origin: string, key: string): Promise<number> {
  const res = await fetch(`${origin}/hits?key=${encodeURIComponent(key)}`);
  return ((await res.json()) as { hits: number }).hits;
}

interface Outcome {
  status: string;
  error: string;
  body: string | null;
  blocked: { text: string; target: string }[];
}

/** One fresh http_get run through the API; what the run reported. */
async function run(page: Page, input: string, allowedHosts: string[], httpMode: 'auto' | 'sync'): Promise<Outcome> {
  return page.evaluate(
    async ({ module, input, allowedHosts, httpMode }) => {
      const r = await window.wasmPlayground.run({ module: { url: module }, func: 'http_get', input, allowedHosts, httpMode, freshInstance: true });
      return {
        status: r.status,
        error: r.error?.message ?? '',
        body: r.output ? new TextDecoder().decode(r.output.bytes) : null,
        blocked: r.console.filter((l) => l.stream === 'blocked').map((l) => ({ text: l.text, target: l.target ?? '' })),
      };
    },
    { module: fixtureUrl('extism/http.wasm'), input, allowedHosts, httpMode },
  );
}

for (const httpMode of ['auto', 'sync'] as const) {
  test(`a redirect from an allowed host to an unlisted one is not followed (httpMode "${httpMode}")`, async ({ playground, page }) => {
    void playground; // opens the app
    const key = `cors-${httpMode}-${Date.now()}`;
    const exfil = `${UNLISTED_ORIGIN}/exfil?key=${key}&data=SECRET`;
    const outcome = await run(page, redirect(CORS_ORIGIN, 307, exfil), [ALLOWED], httpMode);

    expect(await exfilHits(UNLISTED_ORIGIN, key), 'the unlisted host never received a request').toBe(0);
    expect(outcome.body, 'the guest got no body from the unlisted host').toBeNull();
    expect(outcome.status).toBe('error');
    expect(outcome.error).toContain(ALLOWED);
    expect(outcome.error).toMatch(httpMode === 'auto' ? /redirect.*not followed/ : /redirect/);
    // The refusal is a "blocked" line; the target host is unknown (the browser hides it), so it offers no grant.
    expect(outcome.blocked).toHaveLength(1);
    expect(outcome.blocked[0]?.text).toContain(`${CORS_ORIGIN}/redirect`);
    expect(outcome.blocked[0]?.target).toBe('');
  });
}

test('a redirect from an allowed host without CORS: refused, and no no-cors probe follows it', async ({ playground, page }) => {
  void playground;
  const key = `no-cors-${Date.now()}`;
  const exfil = `${UNLISTED_ORIGIN}/exfil?key=${key}`;
  const outcome = await run(page, redirect(NO_CORS_ORIGIN, 302, exfil), [ALLOWED_NO_CORS], 'auto');

  expect(await exfilHits(UNLISTED_ORIGIN, key), 'neither the request nor a probe reached the unlisted host').toBe(0);
  expect(outcome.status).toBe('error');
  // Without CORS headers the browser does not even say it was a redirect: the message names both causes.
  expect(outcome.error).toContain(`HTTP request to ${ALLOWED_NO_CORS} failed`);
  expect(outcome.error).toContain('CORS');
  expect(outcome.body).toBeNull();
});

test('why there is no probe: Chromium refuses a no-cors fetch that does not follow redirects', async ({ playground, page }) => {
  void playground;
  const refused = await page.evaluate(async (url) => {
    try {
      await fetch(url, { mode: 'no-cors', redirect: 'manual' });
      return false;
    } catch {
      return true;
    }
  }, `${NO_CORS_ORIGIN}/health`);
  expect(refused).toBe(true);
});

test('the console shows the refused redirect as a blocked line without a one-click grant (UI, JSPI)', async ({ playground }) => {
  // /hop/<key> redirects to the unlisted 127.0.0.1 origin; a short URL, as the Input editor wraps long ones.
  const key = 'ui';
  const before = await exfilHits(UNLISTED_ORIGIN, key);
  const input = `${CORS_ORIGIN}/hop/${key}`;
  const plugin = new Plugin(playground);
  await plugin.open('extism/http.wasm');
  await plugin.allowedHosts.fill(ALLOWED);
  await plugin.call('http_get', input);
  await playground.expectRunError(/redirect, which is not followed/);
  const blocked = playground.console.locator('[data-stream="blocked"]');
  await expect(blocked).toHaveCount(1);
  await expect(blocked.locator('.text')).toHaveText(`http_request to ${input} (answered with a redirect, not followed)`);
  await expect(blocked.getByRole('button')).toHaveCount(0);
  expect(await exfilHits(UNLISTED_ORIGIN, key)).toBe(before);
});
