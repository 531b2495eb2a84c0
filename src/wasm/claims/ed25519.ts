/** Ed25519 verification: WebCrypto where the browser has it, else @noble/ed25519. Never throws. */
import { verifyAsync } from '@noble/ed25519';

export type Ed25519Engine = 'WebCrypto' | '@noble/ed25519';

let webCrypto: boolean | null = null;

async function viaWebCrypto(key: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean | null> {
  if (webCrypto === false || typeof crypto === 'undefined' || !crypto.subtle) return null;
  try {
    const imported = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
    webCrypto = true;
    return await crypto.subtle.verify({ name: 'Ed25519' }, imported, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
  } catch (err) {
    // NotSupportedError: no Ed25519 in this browser. Any other failure (a key not on the curve) is answered by noble below.
    if (err instanceof DOMException && err.name === 'NotSupportedError') webCrypto = false;
    return null;
  }
}

export async function verifyEd25519(key: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<{ valid: boolean; engine: Ed25519Engine; error?: string }> {
  const native = await viaWebCrypto(key, message, signature);
  if (native !== null) return { valid: native, engine: 'WebCrypto' };
  try {
    // zip215: false is RFC 8032's strict rule, as ed25519-dalek (nkeys) verifies.
    return { valid: await verifyAsync(signature, message, key, { zip215: false }), engine: '@noble/ed25519' };
  } catch (err) {
    return { valid: false, engine: '@noble/ed25519', error: err instanceof Error ? err.message : String(err) };
  }
}
