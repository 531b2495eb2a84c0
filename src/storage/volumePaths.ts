/**
 * Paths inside a volume and the IndexedDB keys they live under (src/storage/volumes.ts).
 *
 * One object store holds everything, so a batch of changes and the volume's byte count
 * commit in one transaction. Keys are strings, ordered by UTF-16 code unit:
 *   "\0" + volume                              → VolumeRecord
 *   volume + "\0" + path                       → NodeRecord (the root itself has none)
 *   "\u0001" + volume + "\0" + path + "\0" + n → StagedChunk (partial writes, hidden)
 *   "\u0002" + volume + "\0" + blobId          → Uint8Array (file contents)
 * A subtree `d` is the key range [prefix + "d/", prefix + "d0"): "0" is the code unit after "/".
 */

/** The volume every user has, created on first use. */
export const DEFAULT_VOLUME = 'home';

export class VolumeError extends Error {
  override name = 'VolumeError';
}

/** Longest file or folder name, in UTF-8 bytes (as in most filesystems). */
export const MAX_NAME_BYTES = 255;
/** Longest path, in UTF-8 bytes. */
export const MAX_PATH_BYTES = 4096;

const utf8 = new TextEncoder();

/**
 * A stored path: "/"-separated, no leading or trailing slash, "" for the root.
 * Accepts "/a//b/" and "./a"; throws a VolumeError for "..", control characters, or names and
 * paths longer than filesystems take (a 300,000-character name was accepted once).
 */
export function normalisePath(path: string): string {
  if (path.length > MAX_PATH_BYTES || utf8.encode(path).length > MAX_PATH_BYTES) {
    throw new VolumeError(`A path of ${path.length} characters is too long: paths may have at most ${MAX_PATH_BYTES} bytes.`);
  }
  const names = path.split('/').filter((n) => n !== '' && n !== '.');
  for (const n of names) {
    const bytes = utf8.encode(n).length;
    if (bytes > MAX_NAME_BYTES) throw new VolumeError(`"${n.slice(0, 40)}…" is too long (${bytes} bytes): a file or folder name may have at most ${MAX_NAME_BYTES} bytes.`);
    if (n === '..') throw new VolumeError(`"${path}" goes up with "..": paths stay inside their volume.`);
    // eslint-disable-next-line no-control-regex -- \0 and \1 separate key parts
    if (/[\u0000-\u001f]/.test(n)) throw new VolumeError(`"${n}" has control characters; file names may not.`);
  }
  return names.join('/');
}

/** `dir` + `/` + `path`, both normalised. */
export function joinPath(dir: string, path: string): string {
  const d = normalisePath(dir);
  const p = normalisePath(path);
  return d && p ? `${d}/${p}` : d || p;
}

/** "a/b/c" → "a/b"; "a" → "". */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** "a/b/c" → "c". */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Every ancestor of `path`, outermost first, the root excluded: "a/b/c" → ["a", "a/b"]. */
export function ancestorsOf(path: string): string[] {
  const names = path.split('/');
  return names.slice(0, -1).map((_, i) => names.slice(0, i + 1).join('/'));
}

/** `path` relative to `dir` if it lies inside it (or is it: ""), else null. */
export function relativeTo(dir: string, path: string): string | null {
  if (dir === '') return path;
  if (path === dir) return '';
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : null;
}

/** A volume name the user typed, trimmed; throws a VolumeError if it can't be one. */
export function checkVolumeName(name: string): string {
  const n = name.trim();
  if (!n) throw new VolumeError('A volume needs a name.');
  if (n.length > 64) throw new VolumeError('Volume names are at most 64 characters.');
  // eslint-disable-next-line no-control-regex -- key separators
  if (/[\u0000-\u001f/:\\]/.test(n)) throw new VolumeError(`"${n}" can't be a volume name: no "/", ":", "\\" or control characters.`);
  return n;
}

export const keys = {
  volume: (v: string) => `\u0000${v}`,
  allVolumes: () => IDBKeyRange.bound('\u0000', '\u0001', false, true),
  node: (v: string, path: string) => `${v}\u0000${path}`,
  nodePrefix: (v: string) => `${v}\u0000`,
  /** Everything below `dir` (not `dir` itself). */
  nodesUnder: (v: string, dir: string) => under(`${v}\u0000`, dir),
  staged: (v: string, path: string, seq: number) => `\u0001${v}\u0000${path}\u0000${String(seq).padStart(12, '0')}`,
  stagedOf: (v: string, path: string) => IDBKeyRange.bound(`\u0001${v}\u0000${path}\u0000`, `\u0001${v}\u0000${path}\u0001`, false, true),
  stagedUnder: (v: string, dir: string) => under(`\u0001${v}\u0000`, dir),
  stagedPrefix: (v: string) => `\u0001${v}\u0000`,
  blob: (v: string, id: string) => `\u0002${v}\u0000${id}`,
  blobsOf: (v: string) => under(`\u0002${v}\u0000`, ''),
};

function under(prefix: string, dir: string): IDBKeyRange {
  // The root's range is the whole prefix: [p, p with its last "\0" bumped to "\1").
  if (dir === '') return IDBKeyRange.bound(prefix, `${prefix.slice(0, -1)}\u0001`, false, true);
  return IDBKeyRange.bound(`${prefix}${dir}/`, `${prefix}${dir}0`, false, true);
}
