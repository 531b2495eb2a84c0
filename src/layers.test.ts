/**
 * The layer fences in eslint.config.js, run through ESLint's Node API on small snippets placed in
 * each layer: forbidden imports fail with the fence's message, allowed ones pass.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: ROOT });

/** Messages of the layer and library rules for `code` as if it were the file `file` (under src/). */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'src', file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const use = (names: string) => `\nexport const used = [${names}];\n`;

describe('layer fences', () => {
  it.each([
    ['wasm/snippet.ts', "import { useModule } from '../state/moduleStore';", 'useModule', /src\/wasm\/ may not import src\/state\//],
    ['host/snippet.ts', "import { Engine } from '../sandbox/engine';", 'Engine', /src\/host\/ may not import src\/sandbox\//],
    ['output/snippet.ts', "import { createElement } from 'react';", 'createElement', /src\/output\/ may not import react/],
    ['share/snippet.ts', "import { create } from 'zustand';", 'create', /zustand/],
    ['util/snippet.ts', "import { parseModule } from '../wasm/parse';", 'parseModule', /src\/util\/ may not import src\/wasm\//],
    ['worker/sandbox/snippet.ts', "import { useRun } from '../../state/runStore';", 'useRun', /src\/worker\/ may not import src\/state\//],
    ['worker/analyser/snippet.ts', "import { getEngine } from '../../sandbox/instance';", 'getEngine', /src\/worker\/ may not import src\/sandbox\//],
    ['ui/snippet.ts', "import { fetchSync } from '../host/net';", 'fetchSync', /src\/ui\/ may not import src\/host\//],
    ['ui/snippet.ts', "import { analyseBytes } from '../worker/analyser/analyseBytes';", 'analyseBytes', /src\/ui\/ may not import src\/worker\//],
    ['state/snippet.ts', "import { runCore } from '../runners/core/run';", 'runCore', /runs inside the sandbox worker/],
    ['sandbox/snippet.ts', "import { fetchModule } from '../worker/analyser/fetchModule';", 'fetchModule', /only a worker's protocol file/],
    ['runners/core/snippet.ts', "import { getEngine } from '../../sandbox/instance';", 'getEngine', /src\/runners\/ may not import src\/sandbox\//],
    ['sandbox/snippet.ts', "import * as shim from '@bytecodealliance/preview2-shim';", 'shim', /preview2-shim: it belongs in src\/runners\/component\//],
  ])('%s: %s fails', async (file, code, names, message) => {
    const messages = await lint(file, code + use(names));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ['wasm/snippet.ts', "import { formatBytes } from '../util/bytes';", 'formatBytes'],
    ['runners/core/snippet.ts', "import { sniffMime } from '../../output/sniff';", 'sniffMime'],
    ['worker/sandbox/snippet.ts', "import { runCore } from '../../runners/core/run';", 'runCore'],
    ['sandbox/snippet.ts', "import type { SandboxRequest } from '../worker/sandbox/protocol';", 'null as unknown as SandboxRequest'],
    ['ui/snippet.ts', "import { kindLabel } from '../runners/registry';", 'kindLabel'],
    ['state/snippet.ts', "import { create } from 'zustand';", 'create'],
    ['runners/component/snippet.ts', "import * as shim from '@bytecodealliance/preview2-shim';", 'shim'],
  ])('%s: %s passes', async (file, code, names) => {
    expect(await lint(file, code + use(names))).toEqual([]);
  });
});
