/** What the engine needs from the module library; the app wires in `src/storage/library`. */
import type { LoadedModule } from './api';

export interface LibraryPort {
  /** Save or refresh a module; failures are reported through `onError`, never thrown. */
  touch(info: LoadedModule, bytes: Uint8Array): Promise<void>;
  entry(id: string): Promise<{ name: string; sourceUrl?: string } | undefined>;
  bytes(id: string): Promise<Uint8Array | undefined>;
}
