/** Getting files in (dropped files and folders) and out (a file, or a folder as a .zip). */
import type { SnapshotEntry } from '../../model/files';
import { downloadBlob } from '../output/outputActions';

export interface Picked {
  /** Relative path, folders included ("photos/a.png"). */
  path: string;
  data: Uint8Array;
  mtime: number;
}

/** Files from an `<input type="file" multiple>`. */
export async function readPicked(list: FileList): Promise<Picked[]> {
  return Promise.all(Array.from(list, async (f) => ({ path: f.name, data: new Uint8Array(await f.arrayBuffer()), mtime: f.lastModified })));
}

/**
 * Files and whole folders dropped on the page. The entries must be taken from the
 * DataTransfer during the drop event itself (it is emptied afterwards), so call this synchronously.
 */
export function readDropped(transfer: DataTransfer): Promise<Picked[]> {
  const entries = Array.from(transfer.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => !!e);
  // Browsers without entries: plain files only.
  if (entries.length === 0) return readPicked(transfer.files);
  return Promise.all(entries.map((e) => walk(e, ''))).then((lists) => lists.flat());
}

async function walk(entry: FileSystemEntry, prefix: string): Promise<Picked[]> {
  const path = prefix + entry.name;
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    return [{ path, data: new Uint8Array(await file.arrayBuffer()), mtime: file.lastModified }];
  }
  if (!isDir(entry)) return [];
  const reader = entry.createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until it answers with none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const lists = await Promise.all(children.map((c) => walk(c, `${path}/`)));
  return lists.flat();
}

const isFile = (e: FileSystemEntry): e is FileSystemFileEntry => e.isFile;
const isDir = (e: FileSystemEntry): e is FileSystemDirectoryEntry => e.isDirectory;

/** Saves bytes as a file. */
export function downloadBytes(data: Uint8Array, name: string): void {
  downloadBlob(new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), name);
}

/** Files this big are stored as they are in the zip: deflating them on the page would stall it. */
const STORE_OVER = 4 * 2 ** 20;
const ZIP_EPOCH = Date.UTC(1980, 0, 2);
const ZIP_END = Date.UTC(2099, 11, 30);

/**
 * A folder's tree as a .zip Blob under a top folder `name`. Links are left out (a zip has no
 * portable form for them). Yields between files so a large folder never freezes the page.
 */
export async function zipTree(name: string, entries: SnapshotEntry[]): Promise<Blob> {
  const { Zip, ZipDeflate, ZipPassThrough } = await import('fflate'); // only when someone downloads a folder
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk as Uint8Array<ArrayBuffer>);
  });
  const add = (path: string, data: Uint8Array, mtime: number) => {
    const file = data.length > STORE_OVER || path.endsWith('/') ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    file.mtime = Math.min(Math.max(mtime, ZIP_EPOCH), ZIP_END); // zip dates run from 1980 to 2099
    zip.add(file);
    file.push(data, true);
  };
  add(`${name}/`, new Uint8Array(0), Date.now());
  for (const e of entries) {
    if (e.kind === 'dir') add(`${name}/${e.path}/`, new Uint8Array(0), e.mtime);
    else if (e.kind === 'file') {
      add(`${name}/${e.path}`, e.data ?? new Uint8Array(0), e.mtime);
      await new Promise((r) => setTimeout(r, 0));
    }
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  return new Blob(chunks, { type: 'application/zip' });
}
