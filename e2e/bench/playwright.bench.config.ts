/** `npm run bench`: the DESIGN.md §10 bars, measured against the production build, one worker. */
import { defineConfig, devices } from '@playwright/test';
import { launchOptions, webServers } from '../support/servers';
import { APP_URL } from '../support/urls';

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 300_000,
  expect: { timeout: 60_000 },
  reporter: 'list',
  use: { baseURL: APP_URL },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: webServers(),
});
