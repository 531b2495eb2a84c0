/** The Files panel's state: the volume shown, its loaded folders, and what is open (DESIGN.md §5). */
import { create } from 'zustand';
import type { SnapshotEntry } from '../host/fs/types';
import type { StorageUsage, VolumeEntry, VolumeInfo } from '../storage/volumes';
import { DEFAULT_VOLUME, storageUsage, volumes } from '../storage/volumes';
import { baseName, joinPath, parentOf, relativeTo } from '../storage/volumePaths';
import { getEngine } from '../sandbox/instance';

export interface FilesState {
  volumes: VolumeInfo[];
  /** The volume shown. */
  volume: string;
  /** Loaded folders' children by folder path ("" is the root). */
  children: Record<string, VolumeEntry[]>;
  /** Open folders; their children are shown. */
  expanded: string[];
  /** The folder "New folder" and "Upload files" put things in. */
  folder: string;
  /** The last thing that went wrong, in words. */
  error: string | null;
  /** The last thing that went right ("Uploaded 3 files"), for the live region. */
  notice: string | null;
  usage: StorageUsage;
  /** The file open in the viewer. */
  viewing: { path: string; bytes: Uint8Array } | null;
  /** Load the volume list and the shown volume's open folders. */
  refresh(): Promise<void>;
  selectVolume(name: string): Promise<void>;
  createVolume(name: string): Promise<void>;
  deleteVolume(name: string): Promise<void>;
  /** Open a folder (it becomes the current folder) or close it (its parent does). */
  toggle(path: string): Promise<void>;
  /** Makes sure a folder exists to be mounted (creating "home" or the folder if missing). */
  ensureFolder(volume: string, dir: string): Promise<void>;
  newFolder(name: string): Promise<void>;
  /** Store files under the current folder; paths may have folders ("photos/a.png"). */
  upload(files: { path: string; data: Uint8Array; mtime?: number }[]): Promise<void>;
  /** Unpack a .zip into a folder named after it under the current folder (in a worker, with progress). */
  unpackZip(name: string, zip: Uint8Array): Promise<void>;
  rename(path: string, newName: string): Promise<void>;
  remove(path: string): Promise<void>;
  view(path: string): Promise<void>;
  closeView(): void;
  /** A file's bytes, or a folder's tree (for downloads). */
  readFile(path: string): Promise<Uint8Array>;
  readTree(path: string): Promise<SnapshotEntry[]>;
  /** Show a failure that happened outside the store (a download, a drop). */
  setError(message: string | null): void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const useFiles = create<FilesState>()((set, get) => {
  // Every refresh is numbered; an answer for a volume the user has since left is dropped.
  let generation = 0;

  /** On a first visit "home" is made by the first listing; a change may come before it. */
  async function ensureDefault(volume: string): Promise<void> {
    if (volume === DEFAULT_VOLUME) await volumes.ensureVolume(volume);
  }

  /** Runs a change, reports failure in `error`, and refreshes either way. */
  async function act(work: () => Promise<string | null>): Promise<void> {
    try {
      const notice = await work();
      set({ error: null, notice });
    } catch (err) {
      set({ error: message(err), notice: null });
    }
    await get().refresh();
  }

  return {
    volumes: [],
    volume: DEFAULT_VOLUME,
    children: {},
    expanded: [],
    folder: '',
    error: null,
    notice: null,
    usage: {},
    viewing: null,

    async refresh() {
      const ticket = ++generation;
      try {
        const list = await volumes.listVolumes();
        let { volume, expanded, folder } = get();
        if (!list.some((v) => v.name === volume)) {
          volume = list.some((v) => v.name === DEFAULT_VOLUME) ? DEFAULT_VOLUME : (list[0]?.name ?? DEFAULT_VOLUME);
          expanded = [];
          folder = '';
        }
        // Folders deleted meanwhile (by a run, say) drop out of the open set.
        const loaded = await Promise.all(['', ...expanded].map(async (dir) => [dir, await volumes.list(volume, dir).catch(() => null)] as const));
        const children: Record<string, VolumeEntry[]> = {};
        for (const [dir, entries] of loaded) if (entries) children[dir] = entries;
        const usage = await storageUsage();
        if (ticket !== generation) return;
        set({
          volumes: list,
          volume,
          children,
          expanded: expanded.filter((d) => children[d]),
          folder: children[folder] ? folder : '',
          usage,
        });
      } catch (err) {
        if (ticket === generation) set({ error: message(err) });
      }
    },

    async selectVolume(name) {
      set({ volume: name, expanded: [], folder: '', children: {}, viewing: null, error: null, notice: null });
      await get().refresh();
    },

    createVolume: (name) =>
      act(async () => {
        const made = await volumes.createVolume(name);
        set({ volume: made.name, expanded: [], folder: '', children: {}, viewing: null });
        return `Created volume ${made.name}.`;
      }),

    deleteVolume: (name) =>
      act(async () => {
        await volumes.deleteVolume(name);
        return `Deleted volume ${name}.`;
      }),

    async toggle(path) {
      const open = get().expanded.includes(path);
      // Opening a folder makes it the current one; closing it goes back to its parent.
      set((s) => ({ expanded: open ? s.expanded.filter((d) => relativeTo(path, d) === null) : [...s.expanded, path], folder: open ? parentOf(path) : path }));
      if (!open) await get().refresh();
    },

    async ensureFolder(volume, dir) {
      await volumes.ensureVolume(volume);
      await volumes.mkdir(volume, dir);
      await get().refresh();
    },

    newFolder: (name) =>
      act(async () => {
        const { volume, folder } = get();
        await ensureDefault(volume);
        const path = joinPath(folder, name);
        if ((await volumes.stat(volume, path)) !== undefined) throw new Error(`"${path}" already exists.`);
        await volumes.mkdir(volume, path);
        if (folder !== '' && !get().expanded.includes(folder)) set((s) => ({ expanded: [...s.expanded, folder] }));
        return `Created folder /${path}.`;
      }),

    upload: (files) =>
      act(async () => {
        const { volume, folder } = get();
        await ensureDefault(volume);
        await volumes.writeFiles(
          volume,
          files.map((f) => ({ ...f, path: joinPath(folder, f.path) })),
        );
        if (folder !== '' && !get().expanded.includes(folder)) set((s) => ({ expanded: [...s.expanded, folder] }));
        return `Uploaded ${plural(files.length, 'file')} to /${folder}.`;
      }),

    unpackZip: (name, zip) =>
      act(async () => {
        const { volume, folder } = get();
        const into = joinPath(folder, name.replace(/\.zip$/i, '') || 'archive');
        set({ notice: `Unpacking ${name}…`, error: null });
        // A status update a few times a second at most: progress comes per 1 MB read.
        let shown = 0;
        const unzipped = await getEngine().unzip(zip, (read, total) => {
          const pct = Math.floor((100 * read) / Math.max(1, total));
          if (pct >= shown + 10 || read === total) {
            shown = pct;
            set({ notice: `Unpacking ${name}… ${pct}%` });
          }
        });
        if (!unzipped.ok) throw new Error(`${name} was not unpacked: ${unzipped.error}`);
        await ensureDefault(volume);
        if ((await volumes.stat(volume, into)) === undefined) await volumes.mkdir(volume, into);
        const files = unzipped.files.flatMap((f) => (f.kind === 'file' ? [{ path: joinPath(into, f.path), data: f.data ?? new Uint8Array(0) }] : []));
        for (const dir of unzipped.files.filter((f) => f.kind === 'dir')) {
          const path = joinPath(into, dir.path);
          if ((await volumes.stat(volume, path)) === undefined) await volumes.mkdir(volume, path);
        }
        await volumes.writeFiles(volume, files);
        if (!get().expanded.includes(into)) set((s) => ({ expanded: [...s.expanded, ...(folder !== '' && !s.expanded.includes(folder) ? [folder] : []), into] }));
        return `Unpacked ${name}: ${plural(files.length, 'file')} into /${into}.`;
      }),

    rename: (path, newName) =>
      act(async () => {
        const to = joinPath(parentOf(path), newName);
        if (newName.includes('/')) throw new Error('A name may not contain "/".');
        await volumes.rename(get().volume, path, to);
        // Open folders inside the renamed one stay open under the new name.
        set((s) => ({
          expanded: s.expanded.map((d) => (relativeTo(path, d) === null ? d : joinPath(to, relativeTo(path, d) ?? ''))),
          viewing: s.viewing?.path === path ? null : s.viewing,
        }));
        return `Renamed ${baseName(path)} to ${baseName(to)}.`;
      }),

    remove: (path) =>
      act(async () => {
        await volumes.remove(get().volume, path);
        set((s) => ({ viewing: s.viewing && relativeTo(path, s.viewing.path) !== null ? null : s.viewing }));
        return `Deleted /${path}.`;
      }),

    async view(path) {
      try {
        const bytes = await volumes.readFile(get().volume, path);
        set({ viewing: { path, bytes }, folder: parentOf(path), error: null });
      } catch (err) {
        set({ error: message(err) });
      }
    },

    closeView: () => set({ viewing: null }),
    readFile: (path) => volumes.readFile(get().volume, path),
    readTree: async (path) => (await volumes.readTree(get().volume, path)).entries,
    setError: (error) => set({ error, notice: null }),
  };
});
