/**
 * A .zip archive as files for a volume (DESIGN.md §5: "drop a zip onto Files"), streamed entry by
 * entry with fflate so a big archive is never inflated all at once, with the checks an archive
 * from anywhere needs: no entry may leave the folder it is unpacked into (zip-slip), and sizes
 * are capped so a zip bomb ends with a message instead of filling memory.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

export interface UnzipLimits {
  /** Largest single file, bytes. */
  maxFileBytes: number;
  /** Largest total of all files, bytes. */
  maxTotalBytes: number;
  /** Most entries. */
  maxEntries: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = { maxFileBytes: 512 * 2 ** 20, maxTotalBytes: 1024 * 2 ** 20, maxEntries: 100_000 };

export interface UnzippedFile {
  /** Relative, "/"-separated, no leading slash. Directories end without "/" and have no data. */
  path: string;
  kind: 'file' | 'dir';
  data?: Uint8Array;
}

export type UnzipResult = { ok: true; files: UnzippedFile[]; bytes: number } | { ok: false; error: string };

/** The stored path for an entry name, or why it is refused. */
export function entryPath(name: string): { ok: true; path: string; dir: boolean } | { ok: false; error: string } {
  const normal = name.replace(/\\/g, '/');
  if (normal.startsWith('/') || /^[A-Za-z]:/.test(normal)) return { ok: false, error: `The entry "${name}" has an absolute path; entries must stay inside the folder they are unpacked into.` };
  const parts = normal.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return { ok: false, error: `The entry "${name}" climbs out with ".." (a "zip slip"); it was refused and nothing was unpacked.` };
  return { ok: true, path: parts.join('/'), dir: normal.endsWith('/') };
}

/**
 * Unpack `zip`, feeding it in chunks of `chunk` bytes and calling `progress(read, total)` after each;
 * the first problem ends it (nothing half-unpacked is returned).
 */
export function unzipFiles(zip: Uint8Array, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS, progress?: (read: number, total: number) => void, chunk = 1024 * 1024): UnzipResult {
  const files: UnzippedFile[] = [];
  let total = 0;
  let failure: string | null = null;
  const fail = (message: string) => (failure ??= message);
  /** Entries begun and not yet complete: any left at the end mean the archive was cut off. */
  const open = new Set<string>();
  const unzip = new Unzip((entry) => {
    if (failure) return;
    if (files.length >= limits.maxEntries) return fail(`The archive has more than ${limits.maxEntries} entries; unpack it in parts.`);
    const where = entryPath(entry.name);
    if (!where.ok) return fail(where.error);
    if (where.dir || where.path === '') {
      if (where.path) files.push({ path: where.path, kind: 'dir' });
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    open.add(entry.name);
    entry.ondata = (err, data, final) => {
      if (failure) return;
      if (err) return fail(`The entry "${entry.name}" is damaged: ${err.message}.`);
      size += data.length;
      total += data.length;
      if (size > limits.maxFileBytes) return fail(`The entry "${entry.name}" unpacks to more than ${limits.maxFileBytes / 2 ** 20} MB; that is over the limit for one file (a zip bomb?).`);
      if (total > limits.maxTotalBytes) return fail(`The archive unpacks to more than ${limits.maxTotalBytes / 2 ** 20} MB in all; that is over the limit (a zip bomb?).`);
      parts.push(data);
      if (final) {
        open.delete(entry.name);
        files.push({ path: where.path, kind: 'file', data: join(parts, size) });
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    if (zip.length < 22 || zip[0] !== 0x50 || zip[1] !== 0x4b) return { ok: false, error: 'This is not a .zip archive (it does not start with "PK").' };
    for (let at = 0; at < zip.length && !failure; at += chunk) {
      unzip.push(zip.subarray(at, Math.min(zip.length, at + chunk)), at + chunk >= zip.length);
      progress?.(Math.min(zip.length, at + chunk), zip.length);
    }
  } catch (err) {
    fail(`The archive is damaged: ${err instanceof Error ? err.message : String(err)}.`);
  }
  if (!failure && open.size > 0) fail(`The archive is cut off: "${[...open][0]}" is incomplete. Download or copy the .zip again.`);
  if (failure) return { ok: false, error: failure };
  return { ok: true, files, bytes: total };
}

function join(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!.slice();
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
