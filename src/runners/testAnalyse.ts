/** analyseModule with the registry's kind detection, for tests that need a module's kind. */
import { analyseModule } from '../wasm/analyse';
import type { ParseResult } from '../wasm/types';
import { detectKind } from './registry';

export function analyseForTest(bytes: Uint8Array): ParseResult {
  return analyseModule(bytes, detectKind);
}
