/** A WebAssembly module as output: "Open as module" loads it like a dropped file. */
import { useModule } from '../../../state/moduleStore';
import HexView from './HexView';
import type { RendererProps } from './types';
import { formatBytes } from './types';

const MAGIC = [0x00, 0x61, 0x73, 0x6d];

export default function WasmView({ bytes, func }: RendererProps) {
  const loading = useModule((s) => s.loading);
  const name = `${func}-output.wasm`;
  if (!MAGIC.every((b, i) => bytes[i] === b)) {
    return <HexView bytes={bytes} note="These bytes do not start with the WebAssembly magic number (00 61 73 6d)." />;
  }
  return (
    <div className="wasm-view">
      <p>
        A WebAssembly module, {formatBytes(bytes.length)}.{' '}
        <button
          type="button"
          disabled={loading !== null}
          // A copy: loading may transfer the buffer to a worker, and this pane still shows these bytes.
          onClick={() => void useModule.getState().load({ bytes: bytes.slice(), name }, name)}
        >
          Open as module
        </button>
      </p>
      <HexView bytes={bytes} />
    </div>
  );
}
