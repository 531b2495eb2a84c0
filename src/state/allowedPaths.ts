/**
 * Extism manifests name host directories (`allowed_paths`: host path → guest path). A browser has
 * no host directories, so a host path names a folder of the IndexedDB filesystem instead:
 * "volume:folder" for a named volume, anything else a folder of the default volume ("home").
 */
import type { MountRequest } from '../sandbox/fsPort';
import { checkVolumeName, DEFAULT_VOLUME, normalisePath } from '../storage/volumePaths';

export interface AllowedPath {
  hostPath: string;
  guestPath: string;
  readOnly: boolean;
}

/** The mount an allowed path asks for, or why it can't be one. */
export function mountForAllowedPath(p: AllowedPath): { ok: true; mount: MountRequest } | { ok: false; message: string } {
  // "data:in" names volume "data"; a drive letter ("C:\data") or a plain path is a folder of "home".
  const named = /^([^/\\:]{2,}):(.*)$/.exec(p.hostPath);
  const volumeText = named ? named[1]! : DEFAULT_VOLUME;
  const folderText = (named ? named[2]! : p.hostPath.replace(/^[A-Za-z]:(?=[/\\])/, '')).replace(/\\/g, '/');
  const guest = p.guestPath.trim().replace(/\\/g, '/');
  try {
    const volume = checkVolumeName(volumeText);
    const dir = normalisePath(folderText);
    const guestPath = `/${normalisePath(guest)}`;
    if (!guest.startsWith('/')) return { ok: false, message: `allowed_paths: the guest path "${p.guestPath}" must be absolute, e.g. "/data".` };
    return { ok: true, mount: { volume, dir, guestPath, readOnly: p.readOnly } };
  } catch (err) {
    return { ok: false, message: `allowed_paths "${p.hostPath}" → "${p.guestPath}": ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** "home:/data" style description of where a mount comes from. */
export function describeMountSource(m: MountRequest): string {
  let dir = m.dir ?? '';
  try {
    dir = normalisePath(dir);
  } catch {
    // shown as given: the mount form refuses such paths before they get here
  }
  return `${m.volume}:/${dir}`;
}
