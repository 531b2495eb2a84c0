/** Read a dropped or picked File and load it. */
import { useModule } from '../../state/moduleStore';

/** Load a File into the playground; read errors become a load error. */
export async function loadFile(file: File): Promise<void> {
  const { load, setNotice } = useModule.getState();
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (err) {
    setNotice(`Could not read "${file.name}": ${err instanceof Error ? err.message : String(err)}. If it is a folder or on a disconnected drive, pick the .wasm file itself.`);
    return;
  }
  const bytes = new Uint8Array(buffer);
  if (looksLikeManifest(file.name, bytes)) {
    await load({ manifest: new TextDecoder().decode(bytes) }, file.name);
    return;
  }
  // The buffer is ours alone: the engine may hand it to the analyser without a copy.
  await load({ bytes, name: file.name, transfer: true }, file.name);
}

/** A .json file, or text starting with "{": an Extism manifest rather than a module. */
export function looksLikeManifest(name: string, bytes: Uint8Array): boolean {
  if (/\.json$/i.test(name)) return true;
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b;
}
