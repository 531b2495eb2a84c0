/** What the engine needs from the module library; the app wires in `src/storage/library`. */
import type { KeepResult } from './AnalyserClient';
import type { LoadedModule } from './api';

/** How a module's bytes reach the library: written by the page, or already kept by the analyser worker. */
export type SavedBytes = { bytes: Uint8Array } | { kept: Promise<KeepResult> };

export interface LibraryPort {
  /** Save or refresh a module; failures are reported through `onError`, never thrown. */
  touch(info: LoadedModule, saved: SavedBytes): Promise<void>;
  entry(id: string): Promise<{ name: string; sourceUrl?: string } | undefined>;
}
