/**
 * Bundled Monaco, never a CDN (STYLE.md "Monaco in particular"): the editor core, the languages the
 * input editor offers, and their workers. Imported only by the lazy editor chunk.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/css/register';
import 'monaco-editor/languages/definitions/html/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/xml/register';
import 'monaco-editor/languages/features/css/register';
import 'monaco-editor/languages/features/html/register';
import 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/features/typescript/register';
import { loader } from '@monaco-editor/react';

// `new Worker(new URL(…, import.meta.url))` written out in full so Vite sees and bundles each worker.
globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'json':
        return new Worker(new URL('monaco-editor/languages/features/json/json.worker.js', import.meta.url), { type: 'module', name: 'monaco-json' });
      case 'css':
      case 'scss':
      case 'less':
        return new Worker(new URL('monaco-editor/languages/features/css/css.worker.js', import.meta.url), { type: 'module', name: 'monaco-css' });
      case 'html':
      case 'handlebars':
      case 'razor':
        return new Worker(new URL('monaco-editor/languages/features/html/html.worker.js', import.meta.url), { type: 'module', name: 'monaco-html' });
      case 'typescript':
      case 'javascript':
        return new Worker(new URL('monaco-editor/languages/features/typescript/ts.worker.js', import.meta.url), { type: 'module', name: 'monaco-ts' });
      default:
        return new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module', name: 'monaco-editor' });
    }
  },
};

// Hand @monaco-editor/react the bundled instance so its loader never injects a CDN script.
loader.config({ monaco });

export { monaco };
