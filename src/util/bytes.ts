/**
 * Byte sizes as text, in powers of 1024. Dependency-free so storage, host and ui can all use it;
 * the options keep each caller's established wording (tests and users read those strings).
 */

export interface ByteFormat {
  /** Unit under 1024: "B" for compact labels ("12 B"), "bytes" for sentences ("12 bytes"). Default "B". */
  small?: 'B' | 'bytes';
  /** Names of the larger units: "KB" (KB, MB, GB) or "KiB" (KiB, MiB, GiB). Both mean powers of 1024. Default "KB". */
  units?: 'KB' | 'KiB';
  /** Largest power of 1024 to use: 2 stops at MB/MiB ("2048 MB"), 3 goes on to GB/GiB. Default 3. */
  largest?: 2 | 3;
  /**
   * How the number is written:
   * - `short` (default): one decimal under 10, whole numbers above ("1.5 KB", "12 MB");
   * - `fixed`: always one decimal ("1.5 KB", "20.0 MB");
   * - `exact`: whole numbers as they are, others with one decimal ("1 MiB", "1.5 KiB", "12.5 MiB").
   */
  digits?: 'short' | 'fixed' | 'exact';
}

const NAMES = { KB: ['KB', 'MB', 'GB'], KiB: ['KiB', 'MiB', 'GiB'] } as const;

/** `n` bytes as text: 1536 → "1.5 KB"; see `ByteFormat` for the variants. */
export function formatBytes(n: number, format: ByteFormat = {}): string {
  const { small = 'B', units = 'KB', largest = 3, digits = 'short' } = format;
  if (n < 1024) return `${n} ${small}`;
  let value = n / 1024;
  let power = 1;
  while (value >= 1024 && power < largest) {
    value /= 1024;
    power++;
  }
  return `${number(value, digits)} ${NAMES[units][power - 1]}`;
}

function number(value: number, digits: NonNullable<ByteFormat['digits']>): string {
  switch (digits) {
    case 'short':
      return value < 10 ? value.toFixed(1) : String(Math.round(value));
    case 'fixed':
      return value.toFixed(1);
    case 'exact':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}
