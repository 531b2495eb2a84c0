/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

// Relative base so `dist/` works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin],
  worker: { format: 'es' },
  // Answer CORS like static hosts (GitHub Pages sends Access-Control-Allow-Origin: *), so the app
  // also boots inside a sandboxed frame (an opaque origin), where the embed refusal is tested.
  preview: { cors: { origin: '*' } },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
  },
});
