/** End-to-end tests: real Chromium against the production build (`vite preview`), as a user. */
import { defineConfig, devices } from '@playwright/test';
import path from 'node:path';
import { launchOptions, ROOT, webServers } from './e2e/support/servers';
import { APP_URL } from './e2e/support/urls';

const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  // The machines have two cores; more workers only make timing-sensitive runs flaky.
  workers: 2,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  // Playwright's default; generous for a local app, and keeps a failing assertion cheap.
  expect: { timeout: 5_000 },
  // list for people; JSON for .ci/run's closing summary line.
  reporter: [['list'], ['json', { outputFile: path.join(ROOT, 'playwright-report', 'e2e-results.json') }]],
  use: {
    baseURL: APP_URL,
    // Tracing every action costs a fifth of the run time; record only the retry (CI retries once).
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: webServers(),
});
