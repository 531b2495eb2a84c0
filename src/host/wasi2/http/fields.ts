/** wasi:http/types `fields` (headers and trailers), with the WIT's header-error cases. */
import { fail } from '../errors';

type HeaderError = { tag: 'invalid-syntax' } | { tag: 'forbidden' } | { tag: 'immutable' };

/** RFC 9110 token characters: a header name. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Header names the guest may not set: hop-by-hop headers the browser controls. */
const FORBIDDEN = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host', 'te', 'http2-settings']);

function validValue(value: Uint8Array): boolean {
  // No CR, LF or NUL; no leading or trailing whitespace (RFC 9110 field-value).
  for (const b of value) if (b === 0 || b === 10 || b === 13) return false;
  const first = value[0];
  const last = value[value.length - 1];
  return !(first === 32 || first === 9 || last === 32 || last === 9);
}

const headerError = (e: HeaderError): never => fail(e);

/** Checks a name and its values before a change. */
function checkEntry(name: string, values: Uint8Array[]): void {
  if (!TOKEN.test(name) || !values.every(validValue)) headerError({ tag: 'invalid-syntax' });
  if (FORBIDDEN.has(name.toLowerCase())) headerError({ tag: 'forbidden' });
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class Fields {
  /** Set once the fields belong to a request or response: changes then fail with `immutable`. */
  private locked = false;
  private list: [string, Uint8Array][] = [];

  static fromList(entries: [string, Uint8Array][]): Fields {
    const f = new Fields();
    for (const [name, value] of entries) {
      checkEntry(name, [value]);
      f.list.push([name, value.slice()]);
    }
    return f;
  }

  /** Fields from plain text pairs (requests the host builds), locked. */
  static fromText(entries: [string, string][]): Fields {
    const f = new Fields();
    f.list = entries.map(([n, v]) => [n.toLowerCase(), encoder.encode(v)]);
    f.locked = true;
    return f;
  }

  lock(): this {
    this.locked = true;
    return this;
  }

  private mutable(): void {
    if (this.locked) headerError({ tag: 'immutable' });
  }

  get(name: string): Uint8Array[] {
    const key = name.toLowerCase();
    return this.list.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v.slice());
  }

  has(name: string): boolean {
    const key = name.toLowerCase();
    return this.list.some(([n]) => n.toLowerCase() === key);
  }

  set(name: string, values: Uint8Array[]): void {
    this.mutable();
    checkEntry(name, values);
    const key = name.toLowerCase();
    this.list = this.list.filter(([n]) => n.toLowerCase() !== key);
    for (const v of values) this.list.push([name, v.slice()]);
  }

  delete(name: string): void {
    this.mutable();
    const key = name.toLowerCase();
    this.list = this.list.filter(([n]) => n.toLowerCase() !== key);
  }

  append(name: string, value: Uint8Array): void {
    this.mutable();
    checkEntry(name, [value]);
    this.list.push([name, value.slice()]);
  }

  entries(): [string, Uint8Array][] {
    return this.list.map(([n, v]) => [n, v.slice()]);
  }

  clone(): Fields {
    const f = new Fields();
    f.list = this.entries();
    return f;
  }

  /** As text pairs, in order (values decoded as UTF-8). */
  toText(): [string, string][] {
    return this.list.map(([n, v]) => [n, decoder.decode(v)]);
  }

  /** As a header record for fetch: repeated names joined with ", ". */
  toRecord(): Record<string, string> {
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [n, v] of this.toText()) {
      const key = n.toLowerCase();
      out[key] = key in out ? `${out[key]}, ${v}` : v;
    }
    return out;
  }
}
