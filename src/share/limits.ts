/**
 * Size caps for share links. A link is untrusted input: a 1.7 KB link can hold 200,000 arguments and
 * freeze the page while they are applied, and a deflate bomb can grow a few KB into gigabytes. The
 * caps sit far above what the playground's own Share button produces.
 */

/** Characters of the `s=` value: Chromium refuses URLs over 2 MB anyway; 1 MB of JSON encodes to at most ~1.4 M. */
export const MAX_HASH_CHARS = 2 * 1024 * 1024;

/**
 * Bytes of JSON once inflated. A deflate bomb is refused as soon as this much came out. A first
 * (cold, JIT-warming) inflate in Chromium takes 40-70 ms for 1 MB and 60-130 ms for 2 MB on a busy
 * 2-core machine; warm, 1 MB takes ~3 ms. The Share button keeps under it: inline modules
 * ≤ 256 KB raw and inputs ≤ 384 KB (capture.ts), and it checks the total.
 */
export const MAX_DECODED_BYTES = 1024 * 1024;

/** Core-function arguments: no wasm function takes this many (the arity is not known here). */
export const MAX_ARGS = 1000;
/** WASI argv entries. */
export const MAX_ARGV = 1000;
/** WASI environment variables. */
export const MAX_ENV = 1000;
/** Extism config entries. */
export const MAX_CONFIG = 1000;
/** Requested network hosts. */
export const MAX_HOSTS = 200;
/** Requested folder mounts. */
export const MAX_MOUNTS = 50;

/**
 * Characters of any one string, except the inline module and the input (bounded only by
 * MAX_DECODED_BYTES) and the lesson's Markdown (MAX_LESSON_CHARS).
 */
export const MAX_TEXT_CHARS = 64 * 1024;
/** Characters of a MIME type (RFC 6838 §4.2 allows 127 for each of type and subtype). */
export const MAX_MIME_CHARS = 255;
/** Characters of a lesson's Markdown: a long tutorial page, still quick to render. */
export const MAX_LESSON_CHARS = 256 * 1024;
/** Characters of a link's WAT source (v2): a long lesson's module, still quick to compile. */
export const MAX_WAT_CHARS = 256 * 1024;
