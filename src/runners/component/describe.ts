/** One-line WIT descriptions for messages: `add(x: u32, y: u32) -> u32`. */
import { formatSignature } from '../../wasm/wit/format';
import type { WitFunction } from '../../wasm/wit/types';

export function describeWitFunction(fn: WitFunction): string {
  return `${fn.binaryName}${formatSignature(fn)}`;
}
