/**
 * Size caps for share links. A link is untrusted input: a 1.7 KB link can hold 200,000 arguments and
 * freeze the page while they are applied, and a deflate bomb can grow a few KB into gigabytes. The
 * caps sit far above what the playground's own Share button produces.
 */

/** Characters of the `s=` value: Chromium refuses URLs over 2 MB anyway. */
export const MAX_HASH_CHARS = 2 * 1024 * 1024;

/**
 * Bytes of JSON once inflated. Inflating 8 MB takes ~20 ms, so a bomb is refused that quickly; the
 * Share button keeps under it (inline modules ≤ 4 MB raw, input files ≤ 1 MB, see capture.ts).
 */
export const MAX_DECODED_BYTES = 8 * 1024 * 1024;

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
