import { describe, expect, it } from 'vitest';
import { describeBytes, extensionFor, quoteStart, sniffMime } from './sniff';

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const padded = (head: number[], length = 64) => {
  const out = new Uint8Array(length);
  out.set(head);
  return out;
};
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('sniffMime: magic numbers', () => {
  const cases: [string, Uint8Array][] = [
    ['image/png', padded([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['image/jpeg', padded([0xff, 0xd8, 0xff, 0xe0])],
    ['image/gif', text('GIF89a\x01\x00')],
    ['image/webp', padded([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBPVP8 ')])],
    ['audio/wav', padded([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVEfmt ')])],
    ['application/pdf', text('%PDF-1.7\n')],
    ['application/wasm', bytes(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0)],
    ['application/zip', padded([0x50, 0x4b, 0x03, 0x04])],
    ['application/gzip', padded([0x1f, 0x8b, 0x08])],
    ['audio/mpeg', padded([...ascii('ID3'), 4, 0])],
    ['audio/mpeg', padded([0xff, 0xfb, 0x90, 0x64])],
    ['audio/ogg', padded(ascii('OggS'))],
    ['audio/flac', padded(ascii('fLaC'))],
    ['video/mp4', padded([0, 0, 0, 0x20, ...ascii('ftypisom')])],
    ['audio/mp4', padded([0, 0, 0, 0x20, ...ascii('ftypM4A ')])],
    ['video/webm', padded([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, ...ascii('webm')])],
    ['video/x-matroska', padded([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88, ...ascii('matroska')])],
    ['image/bmp', padded([...ascii('BM'), 0x3e, 0, 0, 0, 0, 0, 0, 0, 0x3e, 0, 0, 0, 40, 0, 0, 0])],
    ['image/x-icon', padded([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0])],
  ];
  it.each(cases)('recognises %s', (mime, input) => {
    expect(sniffMime(input)).toBe(mime);
  });
  it('does not mistake text starting with "BM" or "MZ" for images or programs', () => {
    expect(sniffMime(text('BMW is a car maker, and this line is long enough.'))).toBe('text/plain');
    expect(sniffMime(text('MZ is a pair of letters, and this is a long line of plain text for sure.'))).toBe('text/plain');
  });
});

describe('sniffMime: text', () => {
  it('finds JSON by parsing small inputs', () => {
    expect(sniffMime(text(' {"a": [1, 2, {"b": null}]}\n'))).toBe('application/json');
    expect(sniffMime(text('[1, 2, 3]'))).toBe('application/json');
    expect(sniffMime(text('{"a": 1'))).toBe('text/plain');
    expect(sniffMime(text('{not json}'))).toBe('text/plain');
    expect(sniffMime(text('42'))).toBe('text/plain');
  });
  it('takes large inputs that start and end like JSON without parsing them', () => {
    const big = text(`[${'1234567890,'.repeat(200_000)}0]`);
    expect(big.length).toBeGreaterThan(2_000_000);
    expect(sniffMime(big)).toBe('application/json');
  });
  it('finds SVG after an XML prolog, comments and a doctype', () => {
    expect(sniffMime(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(
      sniffMime(
        text(
          '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg width="1"></svg>',
        ),
      ),
    ).toBe('image/svg+xml');
    expect(sniffMime(text('<?xml version="1.0"?><note>hi</note>'))).toBe('text/plain');
  });
  it('finds HTML by doctype or leading tag', () => {
    expect(sniffMime(text('<!DOCTYPE html><html><body>x</body></html>'))).toBe('text/html');
    expect(sniffMime(text('<!doctype HTML>\n<title>t</title>'))).toBe('text/html');
    expect(sniffMime(text('  <html lang="en">'))).toBe('text/html');
    expect(sniffMime(text('<div class="x">hello</div>'))).toBe('text/html');
    expect(sniffMime(text('<p>para'))).toBe('text/html');
    expect(sniffMime(text('<!-- c --><body>'))).toBe('text/html');
    expect(sniffMime(text('<notatag> just angle brackets'))).toBe('text/plain');
  });
  it('finds CSV and TSV with consistent delimiter counts', () => {
    expect(sniffMime(text('name,age,city\nbob,3,"Paris, France"\nann,4,Oslo\n'))).toBe('text/csv');
    expect(sniffMime(text('a,b,c\n1,2,3'))).toBe('text/csv');
    expect(sniffMime(text('x,y\n1,2\n3,4\n'))).toBe('text/csv');
    expect(sniffMime(text('name\tage\nbob\t3\n'))).toBe('text/tab-separated-values');
    expect(sniffMime(text('Hello, world.\nYes, indeed.\n'))).toBe('text/plain');
    expect(sniffMime(text('a,b,c\n1,2\n'))).toBe('text/plain');
  });
  it('finds Markdown by headings, fences, links and tables', () => {
    expect(sniffMime(text('# Title\n\nSome text.\n'))).toBe('text/markdown');
    expect(sniffMime(text('## 2.1 Usage\n\nRun it.\n'))).toBe('text/markdown');
    expect(sniffMime(text('Intro\n\n```js\nlet x = 1;\n```\n'))).toBe('text/markdown');
    expect(sniffMime(text('See [the docs](https://example.com).'))).toBe('text/markdown');
    expect(sniffMime(text('| a | b |\n|---|:-:|\n| 1 | 2 |\n'))).toBe('text/markdown');
  });
  it('needs a strong sign: lists, bold and backticks alone stay plain text', () => {
    // Until the weak-sign rule was dropped, two weak signs (a list and **bold**) made this Markdown.
    expect(sniffMime(text('Todo:\n- one\n- two with **bold**\n'))).toBe('text/plain');
    expect(sniffMime(text('1. Executing PROC pass.\n2. Reading `top\' from `top.v\'.\n'))).toBe('text/plain');
    expect(sniffMime(text('- just one list item\n'))).toBe('text/plain');
  });
  it('does not take look-alikes for strong signs', () => {
    expect(sniffMime(text('#include <stdio.h>\n#1 step\n# 42\n'))).toBe('text/plain');
    expect(sniffMime(text('# 1 "main.c"\n# 1 "<built-in>"\n'))).toBe('text/plain');
    expect(sniffMime(text('# settings\n# more settings\nkey=value\n'))).toBe('text/plain');
    expect(sniffMime(text('  x = y;\n~~~~^~~~\nnext\n~~~~^\n'))).toBe('text/plain');
    expect(sniffMime(text('> 12 |   handlers[i](event);\n'))).toBe('text/plain');
    expect(sniffMime(text('4 |     let x = 1;\n  |     ---\n'))).toBe('text/plain');
    expect(sniffMime(text('commit 1\n\n    See [notes](notes.md)\n'))).toBe('text/plain');
  });
  it('calls other UTF-8 text plain, including empty input and a cut multi-byte character', () => {
    expect(sniffMime(text('hello world\n'))).toBe('text/plain');
    expect(sniffMime(new Uint8Array())).toBe('text/plain');
    expect(sniffMime(text('grüße, 日本語 😀'))).toBe('text/plain');
    // 64 KiB of text whose limit falls inside a 3-byte character.
    const long = text(`${'a'.repeat(65535)}日本語 and more`);
    expect(sniffMime(long)).toBe('text/plain');
  });
  it('calls invalid UTF-8 or control bytes binary', () => {
    expect(sniffMime(bytes(0x68, 0x69, 0xc3, 0x28))).toBe('application/octet-stream');
    expect(sniffMime(bytes(0x68, 0x69, 0x00, 0x01))).toBe('application/octet-stream');
    expect(sniffMime(bytes(0xed, 0xa0, 0x80))).toBe('application/octet-stream'); // a UTF-16 surrogate
    expect(sniffMime(bytes(0x68, 0xe6, 0x97))).toBe('application/octet-stream'); // cut char, input not cut
  });
  it('sniffs 100 MB without reading all of it', () => {
    const huge = new Uint8Array(100 * 1024 * 1024).fill(0x61);
    const started = performance.now();
    expect(sniffMime(huge)).toBe('text/plain');
    // Generous: catches a whole-buffer decode or parse (seconds), not a slow machine.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('describeBytes', () => {
  it('names known formats', () => {
    expect(describeBytes(padded([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('a PNG image');
    expect(describeBytes(padded([0x50, 0x4b, 0x03, 0x04]))).toBe('a ZIP archive (a .zip — unzip it first)');
    expect(describeBytes(padded([0x1f, 0x8b, 0x08]))).toBe('a gzip-compressed file');
    expect(describeBytes(padded([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toBe('an ELF executable (a native program, not WebAssembly)');
    expect(describeBytes(padded([...ascii('MZ'), 0x90, 0]))).toMatch(/^a Windows executable/);
    expect(describeBytes(bytes(0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0))).toBe('a WebAssembly component');
  });
  it('quotes the start of HTML pages and text', () => {
    expect(describeBytes(text('<!DOCTYPE html>\n<html><head><title>404 Not Found</title>'))).toBe('an HTML page (starts with "<!DOCTYPE html>")');
    expect(describeBytes(text('{"error": "not found"}'))).toBe('JSON text');
    expect(describeBytes(text('hello world, this is a long line of text'))).toBe('text starting with "hello world, this is a l…"');
    expect(describeBytes(text('hi\n\tthere\u0007'))).toBe('binary data starting 68 69 0a 09 74 68 65 72 …');
    expect(describeBytes(text('line one\r\nline "two"'))).toBe('text starting with "line one\\r\\nline \\"two\\""');
    expect(describeBytes(text('   \n'))).toBe('text containing only whitespace');
    expect(describeBytes(text('(module\n  (func (export "f")))'))).toMatch(/^WebAssembly text \(starts with "\(module\\n {2}\(func …"\), which must be compiled/);
    expect(describeBytes(text(';; a comment\n(component)'))).toMatch(/^WebAssembly text/);
  });
  it('shows the first bytes of unknown binary data in hex', () => {
    expect(describeBytes(bytes(0xde, 0xad, 0xbe, 0xef))).toBe('binary data starting de ad be ef');
    expect(describeBytes(bytes(1, 2, 3, 4, 5, 6, 7, 8, 9))).toBe('binary data starting 01 02 03 04 05 06 07 08 …');
    expect(describeBytes(new Uint8Array())).toBe('an empty file (0 bytes)');
  });
  it('keeps quotes short without splitting characters', () => {
    expect(quoteStart('😀'.repeat(30))).toBe(`"${'😀'.repeat(24)}…"`);
    expect(quoteStart('a\u2028b\u0085')).toBe('"a\\u2028b\\u0085"');
  });
});

describe('extensionFor', () => {
  it('maps MIME types to download extensions', () => {
    expect(extensionFor('image/png')).toBe('png');
    expect(extensionFor('application/json')).toBe('json');
    expect(extensionFor('text/plain;charset=utf-8')).toBe('txt');
    expect(extensionFor('application/octet-stream')).toBe('bin');
    expect(extensionFor('application/wasm')).toBe('wasm');
    expect(extensionFor('text/html')).toBe('html');
    expect(extensionFor('image/svg+xml')).toBe('svg');
    expect(extensionFor('text/csv')).toBe('csv');
    expect(extensionFor('text/markdown')).toBe('md');
    expect(extensionFor('Audio/MPEG')).toBe('mp3');
    expect(extensionFor('application/ld+json')).toBe('json');
    expect(extensionFor('text/x-unknown')).toBe('txt');
    expect(extensionFor('application/x-whatever')).toBe('bin');
  });
  it('has an extension for everything sniffMime returns', () => {
    for (const mime of ['image/gif', 'image/webp', 'audio/ogg', 'audio/wav', 'audio/flac', 'video/mp4', 'video/webm', 'image/bmp', 'image/x-icon', 'application/pdf', 'application/zip', 'application/gzip', 'text/tab-separated-values']) {
      expect(extensionFor(mime), mime).not.toBe('bin');
    }
  });
});
