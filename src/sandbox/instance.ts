/** The page's one engine, created on first use (workers start then, not at import time). */
import { AnalyserClient } from './AnalyserClient';
import { Engine } from './engine';
import type { FsPort } from './fsPort';
import { noFilesystem } from './fsPort';
import type { LibraryPort } from './libraryPort';
import { SandboxClient } from './SandboxClient';

let engine: Engine | null = null;
let library: LibraryPort | null = null;
let fs: FsPort | null = null;

/** Wire storage before the engine is first used (the app does this at start-up). */
export function setStorage(ports: { library: LibraryPort; fs: FsPort }): void {
  library = ports.library;
  fs = ports.fs;
}

/** The shared engine. */
export function getEngine(): Engine {
  if (!engine) {
    const analyser = new AnalyserClient();
    analyser.warm();
    engine = new Engine(analyser, new SandboxClient(), library ?? noLibrary, fs ?? noFilesystem);
  }
  return engine;
}

const noLibrary: LibraryPort = {
  touch: async () => undefined,
  entry: async () => undefined,
};
