import { describe, expect, it } from 'vitest';
import { readModuleUrl } from './moduleUrl';

const BASE = 'https://play.example/app/';
const url = (typed: string) => {
  const r = readModuleUrl(typed, BASE);
  return r.ok ? r.url : `ERR ${r.message}`;
};

describe('readModuleUrl', () => {
  it('adds http:// to local hosts and https:// to other hosts', () => {
    expect(url('localhost:8801/x.wasm')).toBe('http://localhost:8801/x.wasm');
    expect(url('127.0.0.1:4000/a/b.wasm')).toBe('http://127.0.0.1:4000/a/b.wasm');
    expect(url('example.com/m.wasm')).toBe('https://example.com/m.wasm');
    expect(url('cdn.example.org:8443/m.wasm?v=1')).toBe('https://cdn.example.org:8443/m.wasm?v=1');
    expect(url('10.0.0.5/m.wasm')).toBe('https://10.0.0.5/m.wasm');
  });

  it('keeps absolute URLs and explicit schemes as typed', () => {
    expect(url('http://h.test/x.wasm')).toBe('http://h.test/x.wasm');
    expect(url('ftp://example.com/m.wasm')).toBe('ftp://example.com/m.wasm');
    expect(url("javascript:alert('x')")).toBe("javascript:alert('x')");
  });

  it('resolves paths against the app', () => {
    expect(url('/fixtures/add.wasm')).toBe('https://play.example/fixtures/add.wasm');
    expect(url('./add.wasm')).toBe('https://play.example/app/add.wasm');
    expect(url('add.wasm')).toBe('https://play.example/app/add.wasm');
    expect(url('examples/x.wasm')).toBe('https://play.example/app/examples/x.wasm');
    expect(url('//other.test/a.wasm')).toBe('https://other.test/a.wasm');
  });

  it('says "That is not a URL" for text that is not one', () => {
    expect(url('not a url')).toMatch(/^ERR That is not a URL: “not a url”/);
    expect(url('hello')).toMatch(/^ERR That is not a URL/);
    expect(url('   ')).toMatch(/^ERR Type the address/);
  });

  it('marks .json URLs as manifests', () => {
    expect(readModuleUrl('example.com/plugin.json', BASE)).toEqual({ ok: true, url: 'https://example.com/plugin.json', manifest: true });
    expect(readModuleUrl('example.com/p.wasm', BASE)).toMatchObject({ manifest: false });
  });
});
