/** Specific, actionable messages for every way loading a module can fail (DESIGN.md §11). */
import type { LoadError } from '../../model/errors';
import type { ParseError } from '../../wasm/types';
import { describeBytes } from '../../output/sniff';

export const EMPTY_FILE: LoadError = {
  code: 'empty',
  title: 'The file is empty (0 bytes).',
  detail: 'A WebAssembly module has at least 8 bytes. Check that the build finished and that you picked the right file.',
};

/** Bytes that do not start with `\0asm`: say what they look like instead. */
export function notWasm(bytes: Uint8Array, contentType?: string): LoadError {
  const looksLike = describeBytes(bytes);
  const served = contentType ? ` The server sent it as "${contentType}".` : '';
  const isHtml = /HTML/i.test(looksLike);
  const hint = isHtml
    ? ' Servers often answer a wrong URL with an HTML page (a 404 or login page): check the URL.'
    : /ZIP|gzip/i.test(looksLike)
      ? ' Extract the .wasm file from the archive and load that.'
      : '';
  return {
    code: 'not-wasm',
    title: `This is not a WebAssembly module: it looks like ${looksLike}.`,
    detail: `A .wasm file starts with the bytes 00 61 73 6d ("\\0asm").${served}${hint}`,
  };
}

/** Our parser's error, classified: truncated files read differently from corrupt ones. */
export function parseFailed(error: ParseError, size: number): LoadError {
  const at = `at byte offset ${error.offset} of ${size}`;
  if (/unsupported (webassembly )?version|version/i.test(error.message) && error.offset <= 8) {
    return {
      code: 'unsupported-version',
      title: `Unsupported WebAssembly binary version: ${error.message}`,
      detail: 'Rebuild it with a current toolchain (core modules are version 1; components are layer 1, version 0x0d).',
    };
  }
  // A section that claims far more bytes than the file could ever have held is corrupt, not cut short.
  const claim = /claims (\d+) bytes but only (\d+) remain/.exec(error.message);
  const impossible = claim !== null && Number(claim[1]) > 16 * Number(claim[2]) + 1024 * 1024;
  const truncated = !impossible && (error.offset >= size || /truncat|unexpected end|remain|past the end|end of (the )?(file|input|data)/i.test(error.message));
  if (truncated) {
    return {
      code: 'truncated',
      title: `The module is truncated: ${error.message} (${at}).`,
      detail: 'The file ends before the module does. The download or build was probably cut short: rebuild or download it again.',
    };
  }
  // The parser's "(truncated file?)" guess is wrong for a claim no file could satisfy (found by the fuzzer).
  const message = impossible ? error.message.replace('(truncated file?)', '(the size itself is corrupt)') : error.message;
  return {
    code: 'malformed',
    title: `The module is malformed: ${message} (${at}).`,
    detail: 'The bytes are not a valid WebAssembly binary. Rebuild it, or check that nothing rewrote the file (for example a text-mode transfer).',
  };
}

/** The engine's CompileError, with V8's `@+offset` turned into words. */
export function engineRejected(err: unknown): LoadError {
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw.replace(/^WebAssembly\.\w+\(\):\s*/, '');
  const offset = /@\+(\d+)/.exec(message)?.[1];
  return {
    code: 'invalid',
    title: `The engine rejected the module: ${message}`,
    detail: `${offset !== undefined ? `The problem is at byte offset ${offset}. ` : ''}The module is well-formed but fails validation: rebuild it, or check that the browser supports the features it uses.`,
  };
}

export function badUrl(url: string): LoadError {
  return {
    code: 'bad-url',
    title: `"${url}" is not a URL the playground can load.`,
    detail: 'Use an http:// or https:// address, for example https://example.com/module.wasm.',
  };
}

export function networkFailure(url: string, reason: string): LoadError {
  return {
    code: 'network',
    title: `Could not reach ${hostOf(url)}: the network request failed.`,
    detail: `${reason} Check the address and your connection; if the server is up, it may be refusing connections.`,
  };
}

export function corsFailure(url: string): LoadError {
  return {
    code: 'cors',
    title: `${hostOf(url)} answered, but does not allow this page to read the file (CORS).`,
    detail:
      'Browsers only let a page read files from another site when that site sends the header Access-Control-Allow-Origin (for example "*"). Ask the host to send it, or download the file and drop it here instead.',
  };
}

export function httpStatus(url: string, status: number, statusText: string): LoadError {
  const hint =
    status === 404
      ? 'Nothing is at that address: check the URL.'
      : status === 401 || status === 403
        ? 'The server requires permission: the playground cannot send your credentials; download the file and drop it here instead.'
        : status >= 500
          ? 'The server failed: try again later.'
          : 'Check the URL.';
  return {
    code: status === 404 ? 'not-found' : 'http',
    title: `The server answered HTTP ${status}${statusText ? ` ${statusText}` : ''} for ${url}.`,
    detail: hint,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
