import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Library fences (STYLE.md §7): each library is reached only through its own folder.
const fence = (name, allowedIn) => ({
  name,
  message: `Import ${name} only inside ${allowedIn}.`,
});

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
  { files: ['src/storage/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/state/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/worker/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/ui/editor/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['e2e/**/*.{ts,mjs}', '*.config.{ts,js}', 'e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
