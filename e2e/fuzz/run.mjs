#!/usr/bin/env node
// `npm run fuzz -- --seed N --count N [--from N] [playwright options]`: sets FUZZ_SEED / FUZZ_COUNT /
// FUZZ_FROM and runs the fuzz config (Playwright rejects options it does not know).
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
const rest = [];
const argv = process.argv.slice(2);
const OPTIONS = { '--seed': 'FUZZ_SEED', '--count': 'FUZZ_COUNT', '--from': 'FUZZ_FROM' };
for (let i = 0; i < argv.length; i++) {
  const [flag, inline] = argv[i].split('=', 2);
  const name = OPTIONS[flag];
  if (!name) {
    rest.push(argv[i]);
    continue;
  }
  const value = inline ?? argv[++i];
  if (value === undefined || !/^\d+$/.test(value)) {
    console.error(`${flag} needs a non-negative integer, e.g. ${flag} 42`);
    process.exit(2);
  }
  env[name] = value;
}
const result = spawnSync('npx', ['playwright', 'test', '--config', 'e2e/fuzz/playwright.fuzz.config.ts', ...rest], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
