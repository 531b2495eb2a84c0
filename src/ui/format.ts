/** Small display helpers shared by the panels. */

/** 1536 → "1.5 KB": the compact form of the shared formatter. */
export { formatBytes } from '../util/bytes';

/** Milliseconds with sensible precision: 0.02 ms, 3.1 ms, 120 ms. */
export function formatMs(ms: number): string {
  if (ms < 0.1) return `${ms.toFixed(3)} ms`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** "3 min ago", "yesterday"… for the library list. */
export function formatWhen(timestamp: number, now = Date.now()): string {
  const s = Math.round((now - timestamp) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(timestamp).toLocaleDateString();
}
