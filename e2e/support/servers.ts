/**
 * Browser and web servers shared by the e2e and bench configs: system Chromium when present,
 * the production build served by `vite preview`, and the fixture server on other origins.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchOptions, PlaywrightTestConfig } from '@playwright/test';
import { APP_PORT, APP_URL, CORS_ORIGIN, CORS_PORT, NO_CORS_PORT } from './urls';

/** Repository root (this file is e2e/support/servers.ts). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium where installed (Playwright's download is not reachable here), else the bundled one. */
export const launchOptions: LaunchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }
  : {};

/** Inputs of the production build; dist/ older than any of them is rebuilt before the tests. */
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** True when dist/ was built after the last change to its inputs (`npm test` has just built it). */
export function distIsFresh(): boolean {
  const index = path.join(ROOT, 'dist', 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(path.join(ROOT, input)) <= built);
}

const preview = `npx vite preview --port ${APP_PORT} --strictPort`;

/** The app (production build) and the fixture server. */
export function webServers(): NonNullable<PlaywrightTestConfig['webServer']> {
  return [
    {
      // `npm test` builds first; `npm run test:e2e` alone builds only when dist/ is missing or stale.
      command: distIsFresh() ? preview : `npm run build && ${preview}`,
      url: APP_URL,
      cwd: ROOT,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node e2e/support/fixtureServer.mjs',
      env: { FIXTURE_CORS_PORT: String(CORS_PORT), FIXTURE_NO_CORS_PORT: String(NO_CORS_PORT) },
      url: `${CORS_ORIGIN}/health`,
      cwd: ROOT,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ];
}
