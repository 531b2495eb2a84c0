/**
 * A static host for the offline tests: dist/ served under a sub-path (/app/), as GitHub Pages
 * would, on a free port of its own (its service worker and caches are nobody else's), and
 * e2e/fixtures under /app/extra/ (same origin, never precached). `nextDeploy()` makes sw.js
 * look like the next build's (another version), which is what a new deploy changes for the
 * browser; `close()` takes the host off the network entirely.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ROOT } from './servers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface DeployServer {
  /** The app's URL, ending in "/app/". */
  url: string;
  /** Serve sw.js as the next deploy's (its version changes; the files stay the same). */
  nextDeploy(): void;
  close(): Promise<void>;
}

export async function startDeployServer(): Promise<DeployServer> {
  const dist = path.join(ROOT, 'dist');
  const fixtures = path.join(ROOT, 'e2e', 'fixtures');
  let deploy = 0;
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const extra = pathname.startsWith('/app/extra/');
    const rel = extra ? pathname.slice('/app/extra/'.length) : pathname.startsWith('/app/') ? pathname.slice('/app/'.length) || 'index.html' : null;
    const base = extra ? fixtures : dist;
    const file = rel === null ? null : path.join(base, rel);
    if (!file || !file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    if (rel === 'sw.js' && !extra) {
      const text = readFileSync(file, 'utf8').replace(/"version":"([^"]+)"/, (_, v: string) => `"version":"${v}${deploy ? `-deploy${deploy}` : ''}"`);
      res.writeHead(200, headers).end(text);
      return;
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/app/`,
    nextDeploy: () => void deploy++,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
