/** Entry point of the byte analysis: header check, then core or component parsing. Never throws. */
import type { ParseResult } from './types';
import { WasmParseError } from './reader';
import { parseCore } from './core';
import { parseComponent } from './component';

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const CORE_VERSION = 1;
const COMPONENT_VERSION = 0x0d;

/** Parse `bytes` as a core module or component. Failures, expected or not, come back as `{ ok: false }`. */
export function parseModule(bytes: Uint8Array): ParseResult {
  try {
    checkMagic(bytes);
    const analysis = readLayer(bytes) === 1 ? parseComponent(bytes) : parseCore(bytes);
    return { ok: true, analysis };
  } catch (err) {
    if (err instanceof WasmParseError) return { ok: false, error: { message: err.message, offset: err.offset } };
    // A bug of ours must not take the worker down: report it like any other parse failure.
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { message: `internal error while parsing: ${message}`, offset: 0 } };
  }
}

function checkMagic(bytes: Uint8Array): void {
  for (let i = 0; i < MAGIC.length; i++) {
    if (i >= bytes.length) throw new WasmParseError(`unexpected end of input: the file is ${bytes.length} bytes, too short for the \\0asm magic`, bytes.length);
    if (bytes[i] !== MAGIC[i]) throw new WasmParseError('not a WebAssembly binary: it does not start with \\0asm (00 61 73 6d)', 0);
  }
}

// The 4 bytes after the magic are a u16 version and a u16 layer (0 = core module, 1 = component).
function readLayer(bytes: Uint8Array): 0 | 1 {
  if (bytes.length < 8) {
    throw new WasmParseError(`unexpected end of input: the header needs 8 bytes, the file has ${bytes.length}`, bytes.length);
  }
  const version = bytes[4]! | (bytes[5]! << 8);
  const layer = bytes[6]! | (bytes[7]! << 8);
  if (layer === 0 && version === CORE_VERSION) return 0;
  if (layer === 1 && version === COMPONENT_VERSION) return 1;
  const hex = `0x${version.toString(16).padStart(2, '0')}`;
  if (layer === 1 && version < COMPONENT_VERSION) {
    throw new WasmParseError(
      `unsupported component version ${hex}: this looks like a pre-release component binary; rebuild it with a current toolchain (component version 0x0d)`,
      4,
    );
  }
  if (layer === 1) throw new WasmParseError(`unsupported component version ${hex} (this playground reads version 0x0d)`, 4);
  if (layer === 0) throw new WasmParseError(`unsupported WebAssembly version ${version} (only version 1 exists)`, 4);
  throw new WasmParseError(`unsupported WebAssembly version ${hex} with unknown layer ${layer}`, 4);
}
