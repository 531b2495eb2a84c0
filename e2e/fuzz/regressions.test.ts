/**
 * Cases the fuzzer found, kept as fixtures (e2e/fixtures/fuzz/): each goes through the analyser's
 * own path (parse, classify, compile) and must end with its specific error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseBytes } from '../../src/worker/analyser/analyseBytes';
import { unspecificLoad } from './outcome';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/fuzz');

const CASES = [
  {
    // add.wasm with its type section size set to 0xffffffff (seed 11, mutant 430): corrupt, not
    // truncated, so the message must not guess "truncated file?" while saying "malformed".
    file: 'huge-section-size.wasm',
    code: 'malformed',
    title: 'The module is malformed: section type at offset 8 claims 4294967295 bytes but only 328 remain (the size itself is corrupt) (at byte offset 8 of 342).',
  },
];

describe('fuzzer regressions', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.code}`, async () => {
      const outcome = await analyseBytes(new Uint8Array(readFileSync(path.join(FIXTURES, c.file))));
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error).toMatchObject({ code: c.code, title: c.title });
      expect(unspecificLoad({ ok: false, name: 'LoadFailure', message: '', ...outcome.error })).toBeNull();
    });
  }
});
