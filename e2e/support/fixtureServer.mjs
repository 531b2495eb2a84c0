// @ts-check
/**
 * Test fixture server: serves e2e/fixtures from origins other than the app's, so URL loads
 * meet real CORS, status codes, slow bodies and wrong content. Started by Playwright's
 * `webServer` (playwright.config.ts); plain .mjs because node 20 cannot run TypeScript.
 *
 *   CORS port (4180) sends Access-Control-Allow-Origin: *; the no-CORS port (4181) does not.
 *   Nothing listens on the refused port (4189): a connection there is refused.
 *
 * Routes (both ports):
 *   GET /health                      "ok" (Playwright waits for it)
 *   GET /fixtures/<path>             a file of e2e/fixtures (subfolders too, e.g. extism/echo.wasm; no ..), typed by extension
 *   GET /slow/<name>?chunks=&delay=  the same bytes with Content-Length, sent in chunks with pauses
 *   GET /html/<anything>             an HTML "not found" page with status 200, whatever the extension
 *   GET /generated/<name>            a file the bench wrote to <tmpdir>/wasm-playground-generated
 *   GET /embed-host.html?app=<url>   a page that embeds the app in an iframe (see below)
 *   any /redirect?code=&to=<url>     answers `code` (301, 302, 303, 307 or 308; default 302) with Location: <url>
 *   any /exfil?key=<k>               counts the request (any method, preflights included) under <k>, answers "exfiltrated"
 *   any /hop/<k>                     302 to http://127.0.0.1:<this port>/exfil?key=<k> (a short URL for typing into the UI)
 *   GET /hits?key=<k>                {"hits": n}: how many requests /exfil?key=<k> got on this port (not counted itself)
 *   GET /embed-opaque.html?app=<url>&via=sandbox|data
 *                                    the same, one frame deeper, inside a frame with an opaque origin
 *   anything else                    404
 *
 * Ports: FIXTURE_CORS_PORT and FIXTURE_NO_CORS_PORT (servers.ts passes the ones urls.ts chose).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '..', 'fixtures');
const GENERATED = path.join(os.tmpdir(), 'wasm-playground-generated');
const CORS_PORT = Number(process.env.FIXTURE_CORS_PORT ?? 4180);
const NO_CORS_PORT = Number(process.env.FIXTURE_NO_CORS_PORT ?? 4181);

/** @type {Record<string, string>} */
const TYPES = {
  '.wasm': 'application/wasm',
  '.wat': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.zip': 'application/zip',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
};

const HTML_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>
<body><h1>Sorry, that page does not exist</h1><p>This is what many hosts send for a wrong URL.</p></body></html>
`;

/**
 * The embedding page: `window.host.request(message)` posts to the iframe and resolves with the
 * response carrying the same id; `window.host.ready` resolves on `wasmPlayground:ready`.
 * @param {string} app
 */
function embedHost(app) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course page</title></head>
<body>
<h1>A course page that embeds the playground</h1>
<iframe id="playground" title="Wasm Playground" style="width: 100%; height: 600px"></iframe>
<script>
  const app = ${JSON.stringify(app)};
  const frame = document.getElementById('playground');
  const appOrigin = new URL(app).origin;
  const waiting = new Map();
  const messages = [];
  let readyResolve;
  const ready = new Promise((resolve) => { readyResolve = resolve; });
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
    messages.push(event.data);
    const data = event.data;
    if (data && data.type === 'wasmPlayground:ready') readyResolve(true);
    if (data && data.type === 'wasmPlayground:response' && waiting.has(data.id)) {
      waiting.get(data.id)(data);
      waiting.delete(data.id);
    }
  });
  window.host = {
    ready,
    messages,
    request(message) {
      return new Promise((resolve) => {
        waiting.set(String(message.id), resolve);
        frame.contentWindow.postMessage(message, appOrigin);
      });
    },
  };
  frame.src = app;
</script>
</body></html>
`;
}

/**
 * An embedder whose origin is opaque ("null"): the app is embedded by an inner document that is
 * either sandboxed without allow-same-origin (`via=sandbox`; the app inherits the sandbox) or a
 * data: URL (`via=data`; the app itself runs normally). The inner document sends one load
 * request when the app is ready (to '*': a sandboxed app's own origin is opaque too) and relays everything the app posts to `window.relayed` here.
 * @param {string} app
 * @param {string} via
 */
function embedOpaque(app, via) {
  const inner = `<!doctype html><html><body>
<iframe id="playground" title="Wasm Playground" style="width: 100%; height: 500px"></iframe>
<script>
  const app = ${JSON.stringify(app)};
  const frame = document.getElementById('playground');
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    parent.postMessage({ relayed: event.data, origin: event.origin }, '*');
    if (event.data && event.data.type === 'wasmPlayground:ready') {
      frame.contentWindow.postMessage({ type: 'wasmPlayground:load', id: 'from-null', source: new URL('/fixtures/add.wasm', ${JSON.stringify(`http://localhost:${CORS_PORT}`)}).href }, '*');
    }
  });
  frame.src = app;
</script></body></html>`;
  const attrs =
    via === 'data'
      ? `src="data:text/html;base64,${Buffer.from(inner).toString('base64')}"`
      : `sandbox="allow-scripts" srcdoc="${inner.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Opaque embedder</title></head>
<body>
<iframe id="opaque" title="Opaque embedder" style="width: 100%; height: 560px" ${attrs}></iframe>
<script>
  window.relayed = [];
  window.addEventListener('message', (event) => {
    if (event.source === document.getElementById('opaque').contentWindow) window.relayed.push(event.data);
  });
</script>
</body></html>
`;
}

/** @param {string} name */
function safeName(name) {
  const base = path.basename(decodeURIComponent(name));
  return base && base !== '.' && base !== '..' ? base : null;
}

/**
 * A path under `dir` for a request path that may name subfolders (`extism/echo.wasm`): every
 * segment must be a plain name (no `..`, `.`, empty, backslash or NUL), and the result must
 * stay inside `dir`. Null otherwise.
 * @param {string} dir
 * @param {string} rest
 */
function safePath(dir, rest) {
  let decoded;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  const segments = decoded.split('/');
  if (segments.some((s) => !s || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return null;
  const file = path.resolve(dir, ...segments);
  return file.startsWith(dir + path.sep) ? file : null;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

/**
 * Hits on /exfil per port and key: the redirect tests read them to prove that a guest's request
 * never reached a host outside its allowlist. Keys keep concurrent tests apart.
 * @type {Map<string, number>}
 */
const exfilHits = new Map();

/**
 * @param {boolean} cors
 * @param {number} port
 * @returns {http.RequestListener}
 */
function handler(cors, port) {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    /** @type {Record<string, string | number>} */
    const common = { 'Cache-Control': 'no-store' };
    if (cors) {
      common['Access-Control-Allow-Origin'] = '*';
      common['Access-Control-Expose-Headers'] = 'Content-Length, Content-Type';
    }
    const send = (/** @type {number} */ status, /** @type {string} */ type, /** @type {string | Buffer} */ body) => {
      res.writeHead(status, { ...common, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      const [, route = '', rest = ''] = /^\/([^/]*)\/?(.*)$/.exec(url.pathname) ?? [];
      if (url.pathname === '/health') return send(200, 'text/plain', 'ok');
      if (url.pathname === '/exfil') {
        const key = `${port} ${url.searchParams.get('key') ?? ''}`;
        exfilHits.set(key, (exfilHits.get(key) ?? 0) + 1);
        // Answer preflights too, so a followed redirect would go all the way to the body.
        if (cors) common['Access-Control-Allow-Methods'] = '*';
        if (cors) common['Access-Control-Allow-Headers'] = '*';
        return send(200, 'text/plain', 'exfiltrated');
      }
      if (url.pathname === '/hits') {
        const hits = exfilHits.get(`${port} ${url.searchParams.get('key') ?? ''}`) ?? 0;
        return send(200, TYPES['.json'] ?? 'application/json', JSON.stringify({ hits }));
      }
      if (route === 'hop' && rest) {
        res.writeHead(302, { ...common, Location: `http://127.0.0.1:${port}/exfil?key=${encodeURIComponent(rest)}`, 'Content-Length': 0 });
        return res.end();
      }
      if (url.pathname === '/redirect') {
        const code = Number(url.searchParams.get('code') ?? 302);
        const to = url.searchParams.get('to');
        if (!REDIRECT_CODES.has(code) || !to) return send(400, 'text/plain', 'redirect needs code=301|302|303|307|308 and to=<url>\n');
        res.writeHead(code, { ...common, Location: to, 'Content-Length': 0 });
        return res.end();
      }
      if (url.pathname === '/embed-host.html') {
        const app = url.searchParams.get('app') ?? 'http://localhost:4173/?embed=1'; // embed.spec always passes ?app=
        return send(200, TYPES['.html'] ?? 'text/html', embedHost(app));
      }
      if (url.pathname === '/embed-opaque.html') {
        const app = url.searchParams.get('app') ?? 'http://localhost:4173/?embed=1';
        return send(200, TYPES['.html'] ?? 'text/html', embedOpaque(app, url.searchParams.get('via') ?? 'sandbox'));
      }
      if (route === 'html') return send(200, TYPES['.html'] ?? 'text/html', HTML_PAGE);
      if (route === 'fixtures' || route === 'slow' || route === 'generated') {
        const dir = route === 'generated' ? GENERATED : FIXTURES;
        // Subfolders of e2e/fixtures (e.g. extism/) are served too; the generated files are flat.
        const name = route === 'generated' ? safeName(rest) : null;
        const file = route === 'generated' ? (name ? path.join(dir, name) : null) : safePath(dir, rest);
        if (!file || !existsSync(file) || !statSync(file).isFile()) return send(404, 'text/plain', `No fixture ${rest}\n`);
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        if (route === 'slow') return sendSlowly(res, common, type, await readFile(file), url.searchParams);
        res.writeHead(200, { ...common, 'Content-Type': type, 'Content-Length': statSync(file).size });
        if (req.method === 'HEAD') return res.end();
        return createReadStream(file).pipe(res);
      }
      return send(404, 'text/plain', `Not found: ${url.pathname}\n`);
    } catch (err) {
      if (!res.headersSent) send(500, 'text/plain', String(err));
      else res.destroy();
    }
  };
}

/**
 * Content-Length up front, then the body in `chunks` pieces `delay` ms apart: the app can show
 * "bytes received of total" while it streams.
 * @param {http.ServerResponse} res
 * @param {Record<string, string | number>} headers
 * @param {string} type
 * @param {Buffer} body
 * @param {URLSearchParams} params
 */
async function sendSlowly(res, headers, type, body, params) {
  const chunks = Math.max(1, Math.min(body.length, Number(params.get('chunks') ?? 8)));
  const delay = Math.max(0, Number(params.get('delay') ?? 150));
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
  const size = Math.ceil(body.length / chunks);
  for (let at = 0; at < body.length; at += size) {
    if (res.destroyed) return;
    res.write(body.subarray(at, at + size));
    await sleep(delay);
  }
  res.end();
}

/**
 * @param {number} port
 * @param {boolean} cors
 */
function listen(port, cors) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler(cors, port));
    server.keepAliveTimeout = 1000;
    server.once('error', reject);
    // No host: dual-stack, so "localhost" works whether the browser picks ::1 or 127.0.0.1.
    server.listen(port, () => resolve(server));
  });
}

const servers = await Promise.all([listen(CORS_PORT, true), listen(NO_CORS_PORT, false)]);
console.log(`fixture server: http://localhost:${CORS_PORT} (CORS), http://localhost:${NO_CORS_PORT} (no CORS), serving ${FIXTURES}`);
const close = () => {
  for (const server of servers) /** @type {http.Server} */ (server).close();
  process.exit(0);
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
