/**
 * WASI preview 1 constants (witx `wasi_snapshot_preview1`): only the values the host
 * uses. Errno values live in src/host/fs/errno.ts, shared with the VFS.
 */

export const Filetype = {
  UNKNOWN: 0,
  CHARACTER_DEVICE: 2,
  DIRECTORY: 3,
  REGULAR_FILE: 4,
  SYMBOLIC_LINK: 7,
} as const;

export const Fdflags = { APPEND: 1, DSYNC: 2, NONBLOCK: 4, RSYNC: 8, SYNC: 16 } as const;
export const Oflags = { CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8 } as const;
export const LOOKUP_SYMLINK_FOLLOW = 1;
export const Fstflags = { ATIM: 1, ATIM_NOW: 2, MTIM: 4, MTIM_NOW: 8 } as const;
export const Whence = { SET: 0, CUR: 1, END: 2 } as const;
export const Clockid = { REALTIME: 0, MONOTONIC: 1, PROCESS_CPUTIME: 2, THREAD_CPUTIME: 3 } as const;
export const Eventtype = { CLOCK: 0, FD_READ: 1, FD_WRITE: 2 } as const;
export const SUBCLOCK_ABSTIME = 1;
export const PREOPENTYPE_DIR = 0;

const bit = (n: number): bigint => 1n << BigInt(n);

/** Rights bits (`rights` flags). */
export const Rights = {
  FD_DATASYNC: bit(0),
  FD_READ: bit(1),
  FD_SEEK: bit(2),
  FD_FDSTAT_SET_FLAGS: bit(3),
  FD_SYNC: bit(4),
  FD_TELL: bit(5),
  FD_WRITE: bit(6),
  FD_ADVISE: bit(7),
  FD_ALLOCATE: bit(8),
  PATH_CREATE_DIRECTORY: bit(9),
  PATH_CREATE_FILE: bit(10),
  PATH_LINK_SOURCE: bit(11),
  PATH_LINK_TARGET: bit(12),
  PATH_OPEN: bit(13),
  FD_READDIR: bit(14),
  PATH_READLINK: bit(15),
  PATH_RENAME_SOURCE: bit(16),
  PATH_RENAME_TARGET: bit(17),
  PATH_FILESTAT_GET: bit(18),
  PATH_FILESTAT_SET_SIZE: bit(19),
  PATH_FILESTAT_SET_TIMES: bit(20),
  FD_FILESTAT_GET: bit(21),
  FD_FILESTAT_SET_SIZE: bit(22),
  FD_FILESTAT_SET_TIMES: bit(23),
  PATH_SYMLINK: bit(24),
  PATH_REMOVE_DIRECTORY: bit(25),
  PATH_UNLINK_FILE: bit(26),
  POLL_FD_READWRITE: bit(27),
  SOCK_SHUTDOWN: bit(28),
  SOCK_ACCEPT: bit(29),
} as const;

const R = Rights;

/** Everything a regular file descriptor can be allowed to do. */
export const FILE_RIGHTS =
  R.FD_DATASYNC | R.FD_READ | R.FD_SEEK | R.FD_FDSTAT_SET_FLAGS | R.FD_SYNC | R.FD_TELL | R.FD_WRITE |
  R.FD_ADVISE | R.FD_ALLOCATE | R.FD_FILESTAT_GET | R.FD_FILESTAT_SET_SIZE | R.FD_FILESTAT_SET_TIMES |
  R.POLL_FD_READWRITE;

/** Everything a directory descriptor can be allowed to do (no read/write/seek of its own). */
export const DIR_RIGHTS =
  R.FD_FDSTAT_SET_FLAGS | R.FD_SYNC | R.FD_DATASYNC | R.FD_ADVISE | R.PATH_CREATE_DIRECTORY | R.PATH_CREATE_FILE |
  R.PATH_LINK_SOURCE | R.PATH_LINK_TARGET | R.PATH_OPEN | R.FD_READDIR | R.PATH_READLINK | R.PATH_RENAME_SOURCE |
  R.PATH_RENAME_TARGET | R.PATH_FILESTAT_GET | R.PATH_FILESTAT_SET_SIZE | R.PATH_FILESTAT_SET_TIMES |
  R.FD_FILESTAT_GET | R.FD_FILESTAT_SET_TIMES | R.PATH_SYMLINK | R.PATH_REMOVE_DIRECTORY | R.PATH_UNLINK_FILE |
  R.POLL_FD_READWRITE;

/** What files and directories opened beneath a preopen may get. */
export const DIR_INHERITING = DIR_RIGHTS | FILE_RIGHTS;

/** Stdio: a terminal-like character device (so libc line-buffers stdout). */
export const STDIN_RIGHTS = R.FD_READ | R.FD_FDSTAT_SET_FLAGS | R.FD_FILESTAT_GET | R.POLL_FD_READWRITE;
export const STDOUT_RIGHTS = R.FD_WRITE | R.FD_FDSTAT_SET_FLAGS | R.FD_FILESTAT_GET | R.POLL_FD_READWRITE;

/** Struct sizes and layouts that differ between `wasi_snapshot_preview1` and `wasi_unstable`. */
export interface Layout {
  /** Size of `filestat` and the offset/width of its `nlink` field. */
  filestatSize: number;
  nlinkOffset: number;
  nlink64: boolean;
  /** Offset of the fields after `nlink` (size, atim, mtim, ctim). */
  sizeOffset: number;
  /** Size of `subscription` and the offset of the clock's id within it. */
  subscriptionSize: number;
  clockIdOffset: number;
  /** Maps the ABI's `whence` to preview 1's values; null for an invalid one. */
  whence(w: number): number | null;
}

export const PREVIEW1: Layout = {
  filestatSize: 64,
  nlinkOffset: 24,
  nlink64: true,
  sizeOffset: 32,
  subscriptionSize: 48,
  clockIdOffset: 16,
  whence: (w) => (w >= 0 && w <= 2 ? w : null),
};

/** wasi_unstable (snapshot 0): 32-bit nlink, a clock `identifier` field, whence CUR=0 END=1 SET=2. */
export const UNSTABLE: Layout = {
  filestatSize: 56,
  nlinkOffset: 20,
  nlink64: false,
  sizeOffset: 24,
  subscriptionSize: 56,
  clockIdOffset: 24,
  whence: (w) => [Whence.CUR, Whence.END, Whence.SET][w] ?? null,
};
