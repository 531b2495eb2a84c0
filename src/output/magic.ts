/** Binary file signatures ("magic numbers"): MIME type and a human description for each. */

export interface MagicMatch {
  mime: string;
  /** How a person would name it, e.g. "a PNG image". */
  description: string;
}

type Test = (b: Uint8Array) => boolean;

/** True when `b` has the bytes `sig` at `offset` (numbers, or an ASCII string). */
function has(b: Uint8Array, sig: readonly number[] | string, offset = 0): boolean {
  const codes = typeof sig === 'string' ? [...sig].map((c) => c.charCodeAt(0)) : sig;
  if (b.length < offset + codes.length) return false;
  return codes.every((code, i) => b[offset + i] === code);
}

const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32le = (b: Uint8Array, at: number) => (u16le(b, at) + u16le(b, at + 2) * 0x10000) >>> 0;
const u32be = (b: Uint8Array, at: number) => (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;

// MPEG audio frame header: 11 sync bits, then version/layer/bitrate/sample-rate fields that
// must not hold their reserved values; this keeps random 0xFF 0xEx bytes from passing.
function isMpegFrame(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0xff || (b[1]! & 0xe0) !== 0xe0) return false;
  const version = (b[1]! >> 3) & 3;
  const layer = (b[1]! >> 1) & 3;
  const bitrate = b[2]! >> 4;
  const rate = (b[2]! >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 0xf && rate !== 3;
}

// ADTS (raw AAC) shares the sync word but has layer bits 00.
const isAdts: Test = (b) => b.length >= 7 && b[0] === 0xff && (b[1]! & 0xf6) === 0xf0 && ((b[2]! >> 2) & 0xf) < 13;

// "BM" alone is too weak (text can start with it): also require the reserved zeros and a known DIB header size.
const isBmp: Test = (b) =>
  b.length >= 26 && has(b, 'BM') && u32le(b, 6) === 0 && [12, 40, 52, 56, 64, 108, 124].includes(u32le(b, 14));

const isIco: Test = (b) => b.length >= 22 && has(b, [0, 0, 1, 0]) && u16le(b, 4) > 0 && b[9] === 0;

// A DOS/PE stub has NULs in its header; text starting with "MZ" has none.
const isExe: Test = (b) => b.length >= 64 && has(b, 'MZ') && b.subarray(2, 64).includes(0);

function wasmDescription(b: Uint8Array): string {
  if (has(b, [1, 0, 0, 0], 4)) return 'a WebAssembly module';
  if (has(b, [1, 0], 6)) return 'a WebAssembly component';
  return 'a WebAssembly binary';
}

function ftyp(b: Uint8Array): MagicMatch {
  const brand = String.fromCharCode(...b.subarray(8, 12));
  if (/^M4[ABP] $/.test(brand)) return { mime: 'audio/mp4', description: 'an M4A audio file' };
  if (brand === 'qt  ') return { mime: 'video/quicktime', description: 'a QuickTime video' };
  if (brand === 'avif' || brand === 'avis') return { mime: 'image/avif', description: 'an AVIF image' };
  if (['heic', 'heix', 'hevc', 'mif1', 'msf1'].includes(brand)) return { mime: 'image/heic', description: 'a HEIC image' };
  return { mime: 'video/mp4', description: 'an MP4 video' };
}

function matroska(b: Uint8Array): MagicMatch {
  // The EBML header names the DocType ("webm" or "matroska") within its first few dozen bytes.
  const head = String.fromCharCode(...b.subarray(0, 64));
  return head.includes('webm') ? { mime: 'video/webm', description: 'a WebM video' } : { mime: 'video/x-matroska', description: 'a Matroska (MKV) video' };
}

// Java class files and Mach-O universal binaries share CA FE BA BE; a universal binary then
// counts its architectures (small), a class file has its version (45 and up) there.
function cafebabe(b: Uint8Array): MagicMatch {
  return u32be(b, 4) < 45
    ? { mime: 'application/x-mach-binary', description: 'a macOS universal executable (a native program, not WebAssembly)' }
    : { mime: 'application/java-vm', description: 'a Java class file (JVM bytecode, not WebAssembly)' };
}

const NATIVE = '(a native program, not WebAssembly)';

/** Checked in order; the first match wins. */
const SIGNATURES: readonly (readonly [Test, MagicMatch | ((b: Uint8Array) => MagicMatch)])[] = [
  [(b) => has(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { mime: 'image/png', description: 'a PNG image' }],
  [(b) => has(b, [0xff, 0xd8, 0xff]), { mime: 'image/jpeg', description: 'a JPEG image' }],
  [(b) => has(b, 'GIF87a') || has(b, 'GIF89a'), { mime: 'image/gif', description: 'a GIF image' }],
  [(b) => has(b, 'RIFF') && has(b, 'WEBP', 8), { mime: 'image/webp', description: 'a WebP image' }],
  [(b) => has(b, 'RIFF') && has(b, 'WAVE', 8), { mime: 'audio/wav', description: 'a WAV audio file' }],
  [(b) => has(b, 'RIFF') && has(b, 'AVI ', 8), { mime: 'video/x-msvideo', description: 'an AVI video' }],
  [(b) => has(b, '%PDF-'), { mime: 'application/pdf', description: 'a PDF document' }],
  [(b) => has(b, [0x00, 0x61, 0x73, 0x6d]), (b) => ({ mime: 'application/wasm', description: wasmDescription(b) })],
  [(b) => has(b, 'PK') && (has(b, [3, 4], 2) || has(b, [5, 6], 2) || has(b, [7, 8], 2)), { mime: 'application/zip', description: 'a ZIP archive (a .zip — unzip it first)' }],
  [(b) => has(b, [0x1f, 0x8b]), { mime: 'application/gzip', description: 'a gzip-compressed file' }],
  [(b) => has(b, 'ID3'), { mime: 'audio/mpeg', description: 'an MP3 audio file' }],
  // Before MPEG: FF FE would pass as a frame header.
  [(b) => has(b, [0xff, 0xfe]) || has(b, [0xfe, 0xff]), { mime: 'application/octet-stream', description: 'UTF-16 encoded text' }],
  [isAdts, { mime: 'audio/aac', description: 'an AAC audio file' }],
  [isMpegFrame, { mime: 'audio/mpeg', description: 'an MP3 audio file' }],
  [(b) => has(b, 'OggS'), { mime: 'audio/ogg', description: 'an Ogg audio/video file' }],
  [(b) => has(b, 'fLaC'), { mime: 'audio/flac', description: 'a FLAC audio file' }],
  [(b) => has(b, 'ftyp', 4), ftyp],
  [(b) => has(b, [0x1a, 0x45, 0xdf, 0xa3]), matroska],
  [isBmp, { mime: 'image/bmp', description: 'a BMP image' }],
  [isIco, { mime: 'image/x-icon', description: 'an ICO icon' }],
  [(b) => has(b, 'II*\0') || has(b, 'MM\0*'), { mime: 'image/tiff', description: 'a TIFF image' }],
  [(b) => has(b, 'wOFF'), { mime: 'font/woff', description: 'a web font (WOFF)' }],
  [(b) => has(b, 'wOF2'), { mime: 'font/woff2', description: 'a web font (WOFF2)' }],
  [(b) => has(b, [0x7f, 0x45, 0x4c, 0x46]), { mime: 'application/x-executable', description: `an ELF executable ${NATIVE}` }],
  [isExe, { mime: 'application/vnd.microsoft.portable-executable', description: `a Windows executable (.exe/.dll) ${NATIVE}` }],
  [
    (b) => [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe]].some((s) => has(b, s)),
    { mime: 'application/x-mach-binary', description: `a macOS (Mach-O) executable ${NATIVE}` },
  ],
  [(b) => has(b, [0xca, 0xfe, 0xba, 0xbe]), cafebabe],
  [(b) => has(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), { mime: 'application/x-7z-compressed', description: 'a 7-Zip archive' }],
  [(b) => has(b, 'Rar!\x1a\x07'), { mime: 'application/vnd.rar', description: 'a RAR archive' }],
  [(b) => has(b, 'BZh') && (b[3] ?? 0) >= 0x31 && (b[3] ?? 0) <= 0x39, { mime: 'application/x-bzip2', description: 'a bzip2-compressed file' }],
  [(b) => has(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), { mime: 'application/x-xz', description: 'an xz-compressed file' }],
  [(b) => has(b, [0x28, 0xb5, 0x2f, 0xfd]), { mime: 'application/zstd', description: 'a zstd-compressed file' }],
  [(b) => has(b, 'ustar', 257), { mime: 'application/x-tar', description: 'a tar archive' }],
  [(b) => has(b, 'SQLite format 3\0'), { mime: 'application/vnd.sqlite3', description: 'an SQLite database' }],
];

/** The binary format `bytes` starts with, if its signature is known. Looks at most at 262 bytes. */
export function matchMagic(bytes: Uint8Array): MagicMatch | null {
  for (const [test, match] of SIGNATURES) {
    if (test(bytes)) return typeof match === 'function' ? match(bytes) : match;
  }
  return null;
}
