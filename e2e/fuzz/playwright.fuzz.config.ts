/** `npm run fuzz`: the module loader and runner fuzzed against the production build, one worker. */
import { defineConfig, devices } from '@playwright/test';
import { launchOptions, webServers } from '../support/servers';
import { APP_URL } from '../support/urls';

export default defineConfig({
  testDir: '.',
  testMatch: '*.fuzz.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // The spec sets its own timeout from the mutant count.
  timeout: 0,
  reporter: 'list',
  use: { baseURL: APP_URL },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: webServers(),
});
