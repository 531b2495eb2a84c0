/** The in-memory filesystem guests see (DESIGN.md §5): plain TypeScript, no DOM. */
export { Errno } from './errno';
export { VfsVolume } from './volume';
export { MAX_FILE_SIZE, VfsDir, VfsFile, VfsNode, VfsSymlink, childPath, type Link } from './nodes';
export { MAX_SYMLINKS, isDotName, resolve, type At, type Found, type Lookup, type NotFound } from './resolve';
export { createFile, link, lookup, mkdir, rename, rmdir, setTimes, symlink, unlink, type Outcome, type Step } from './ops';
export { splitStoredPath } from './snapshot';
export type { JournalOp, NodeKind, NodeStat, SnapshotEntry, VfsChange, VolumeOptions } from './types';
