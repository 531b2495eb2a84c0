/** MessagePack as a JSON tree: decoded on the page (up to MSGPACK_DECODE_LIMIT), then shown by the JSON view. */
import { useEffect, useMemo } from 'react';
import { MSGPACK_DECODE_LIMIT, msgpackToJson } from '../../../output/msgpack';
import { OutputDoc } from '../../../sandbox/outputClient';
import HexView from './HexView';
import JsonView from './JsonView';
import type { RendererProps } from './types';
import { formatBytes } from './types';

const encoder = new TextEncoder();

function decodeForView(bytes: Uint8Array): { ok: true; json: Uint8Array } | { ok: false; message: string } {
  if (bytes.length > MSGPACK_DECODE_LIMIT) return { ok: false, message: `This output is ${formatBytes(bytes.length)}: MessagePack is decoded up to ${formatBytes(MSGPACK_DECODE_LIMIT)}, so it is shown as bytes.` };
  try {
    return { ok: true, json: encoder.encode(JSON.stringify(msgpackToJson(bytes), null, 2)) };
  } catch (err) {
    return { ok: false, message: `Not valid MessagePack (${err instanceof Error ? err.message : String(err)}), so it is shown as bytes.` };
  }
}

export default function MsgpackView({ bytes, func }: RendererProps) {
  const decoded = useMemo(() => decodeForView(bytes), [bytes]);
  const doc = useMemo(() => (decoded.ok ? new OutputDoc(decoded.json) : null), [decoded]);
  useEffect(() => () => doc?.close(), [doc]);
  if (!decoded.ok || !doc) return <HexView bytes={bytes} note={decoded.ok ? undefined : decoded.message} />;
  return (
    <div className="msgpack-view">
      <p className="renderer-note">MessagePack ({formatBytes(bytes.length)}), decoded and shown as JSON (bin as {'{"$bin": hex}'}).</p>
      <JsonView bytes={decoded.json} doc={doc} mime="application/json" func={func} />
    </div>
  );
}
