/** Field checks shared by the manifest parser. */

export interface Issues {
  errors: string[];
  warnings: string[];
}

/** Record an error and return `value` (null unless given). */
export function fail<T = null>(issues: Issues, message: string, value: T = null as T): T {
  issues.errors.push(message);
  return value;
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A non-negative integer field (null and absent are undefined); `max` bounds it when given. */
export function uint(at: string, value: unknown, issues: Issues, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) {
    issues.errors.push(`${at} must be a whole number from 0 to ${max}, not ${JSON.stringify(value)}`);
    return undefined;
  }
  return value;
}

/** Standard base64 (RFC 4648 §4, padding optional, whitespace ignored) to bytes; null if malformed. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(clean);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
