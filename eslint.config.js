import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src');

// Library fences (STYLE.md §7): each library is reached only through its own folder.
const fence = (name, allowedIn) => ({
  name,
  message: `Import ${name} only inside ${allowedIn}.`,
});

/**
 * Layer rules (STYLE.md §15, DESIGN.md §2): which folder of src/ may import which. Lowest first;
 * a layer lists every folder it may import besides itself. Worker halves of runners
 * (src/runners/<kind>/run*.ts) run in the sandbox worker: only runners/ and worker/ import them.
 * The page reaches a worker only through its protocol file (types) and a `new Worker(new URL(…))`.
 */
const LAYERS = {
  util: [],
  wasm: ['util'],
  model: ['wasm', 'util'],
  host: ['model', 'wasm', 'util'],
  output: ['model', 'wasm', 'util'],
  share: ['output', 'model', 'wasm', 'util'],
  storage: ['host', 'model', 'wasm', 'util'],
  runners: ['host', 'output', 'model', 'wasm', 'util'],
  worker: ['runners', 'storage', 'share', 'host', 'output', 'model', 'wasm', 'util'],
  sandbox: ['worker/protocol', 'runners', 'storage', 'share', 'host', 'output', 'model', 'wasm', 'util'],
  state: ['sandbox', 'runners', 'storage', 'share', 'host', 'output', 'model', 'wasm', 'util'],
  ui: ['state', 'sandbox', 'runners', 'storage', 'share', 'output', 'model', 'wasm', 'util'],
  app: ['ui', 'state', 'sandbox', 'runners', 'storage', 'share', 'output', 'model', 'wasm', 'util'],
};
/** Packages only some layers may import (zustand is fenced into src/state/ by no-restricted-imports below). */
const PACKAGE_LAYERS = {
  react: ['ui', 'app'],
  'react-dom': ['ui', 'app'],
  '@bytecodealliance/preview2-shim': ['runners/component'],
};

/** Where an import lands: its layer, and whether it is a protocol file or a runner's worker half. */
function target(fromFile, source) {
  const resolved = path.relative(SRC, path.resolve(path.dirname(fromFile), source));
  if (resolved.startsWith('..')) return null;
  const parts = resolved.split(path.sep);
  const base = parts[parts.length - 1];
  return {
    layer: parts[0],
    protocol: parts[0] === 'worker' && /^protocol(\.ts)?$/.test(base),
    workerHalf: parts[0] === 'runners' && parts.length === 3 && /^run(\.ts)?$/.test(base),
    display: `src/${resolved.split(path.sep).join('/')}`,
  };
}

const layersPlugin = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [], messages: { layer: '{{message}}' } },
      create(context) {
        const file = context.filename;
        const rel = path.relative(SRC, file);
        if (rel.startsWith('..')) return {};
        const parts = rel.split(path.sep);
        const from = parts[0];
        const allowed = LAYERS[from];
        if (!allowed) return {};
        const check = (node, source) => {
          if (typeof source !== 'string') return;
          const report = (message) => context.report({ node, messageId: 'layer', data: { message } });
          if (!source.startsWith('.')) {
            const pkg = Object.keys(PACKAGE_LAYERS).find((p) => source === p || source.startsWith(`${p}/`));
            if (pkg && !PACKAGE_LAYERS[pkg].some((l) => rel.startsWith(l))) {
              report(`src/${from}/ may not import ${pkg}: it belongs in ${PACKAGE_LAYERS[pkg].map((l) => `src/${l}/`).join(', ')}.`);
            }
            return;
          }
          const to = target(file, source);
          if (!to || to.layer === from || !LAYERS[to.layer]) return;
          if (to.workerHalf && from !== 'worker') {
            report(`${to.display} runs inside the sandbox worker: src/${from}/ must not import it (use the runner's index.ts).`);
          } else if (to.layer === 'worker' && allowed.includes('worker/protocol') && !to.protocol) {
            report(`src/${from}/ may import only a worker's protocol file, not ${to.display}.`);
          } else if (!allowed.includes(to.layer) && !(to.protocol && allowed.includes('worker/protocol'))) {
            report(`src/${from}/ may not import src/${to.layer}/ (layer rule, eslint.config.js): ${to.display}.`);
          }
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'e2e/fixtures/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            fence('idb-keyval', 'src/storage/'),
            fence('zustand', 'src/state/'),
            fence('@bytecodealliance/jco', 'src/worker/'),
            fence('monaco-editor', 'src/ui/editor/'),
            fence('@monaco-editor/react', 'src/ui/editor/'),
          ],
          patterns: [{ group: ['monaco-editor/*', '@monaco-editor/*'], message: 'Import Monaco only inside src/ui/editor/.' }],
        },
      ],
    },
  },
  // The service worker runs in its own global scope (self, caches, fetch).
  { files: ['public/sw.js'], languageOptions: { sourceType: 'script', globals: { ...globals.serviceworker } } },
  { files: ['src/storage/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/state/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/worker/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/ui/editor/**'], rules: { 'no-restricted-imports': 'off' } },
  // Tests wire layers together on purpose; the rules hold for the code they test.
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/**/*.test.ts', 'src/**/test*.ts'], plugins: { layers: layersPlugin }, rules: { 'layers/imports': 'error' } },
  {
    files: ['e2e/**/*.{ts,mjs}', '*.config.{ts,js}', 'e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
