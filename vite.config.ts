/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Content-Security-Policy for the built app only (dev needs Vite's inline preamble).
// 'wasm-unsafe-eval' lets workers compile guests; connect-src stays open so any module URL loads.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  'connect-src * data: blob:',
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const cspPlugin: Plugin = {
  name: 'csp-meta',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
};

/** Every file under `dir`, "/"-separated and relative to it. */
const filesUnder = (dir: string, prefix = ''): string[] =>
  readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));

// Offline (public/sw.js): after the build, write its file list (no source maps) and a version made
// from every file's contents into dist/sw.js, so each deploy is a new worker with its own cache.
function offlinePlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'offline-precache',
    apply: 'build',
    configResolved: (config) => void (outDir = path.resolve(config.root, config.build.outDir)),
    closeBundle() {
      const sw = path.join(outDir, 'sw.js');
      if (!existsSync(sw)) return;
      const files = filesUnder(outDir).filter((f) => f !== 'sw.js' && !f.endsWith('.map')).sort();
      const hash = createHash('sha256');
      let bytes = 0;
      for (const f of files) {
        const data = readFileSync(path.join(outDir, f));
        bytes += data.length;
        hash.update(`${f}\0${data.length}\0`).update(data);
      }
      const line = /^const PRECACHE = .*;$/m;
      const text = readFileSync(sw, 'utf8');
      if (!line.test(text)) throw new Error('public/sw.js has no "const PRECACHE = …;" line for the build to fill');
      const precache = { version: hash.digest('hex').slice(0, 16), bytes, files };
      writeFileSync(sw, text.replace(line, `const PRECACHE = ${JSON.stringify(precache)};`));
    },
  };
}

// Relative base so `dist/` works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin, offlinePlugin()],
  worker: { format: 'es' },
  // Answer CORS like static hosts (GitHub Pages sends Access-Control-Allow-Origin: *), so the app
  // also boots inside a sandboxed frame (an opaque origin), where the embed refusal is tested.
  preview: { cors: { origin: '*' } },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    // A few tests scan the whole tree or build 100 MB inputs; a loaded 2-core machine needs more than 5 s of wall time for them.
    testTimeout: 20_000,
  },
});
