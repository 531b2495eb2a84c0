/** The share-link payload (DESIGN.md §7). Every shape ever written is listed here, newest last. */
import type { ModuleKind } from '../wasm/types';

/** Where the module of a link comes from; `sha256` lets the opener notice a changed module. */
export interface ShareModuleRef {
  sha256: string;
  name: string;
  /** Fetched when opening. */
  url?: string;
  /** The module itself, base64url, when small. */
  inline?: string;
  /** An example id from public/examples/manifest.json. */
  example?: string;
  /**
   * The module's size in bytes. A ref with no url, inline or example (a module too big for a link)
   * asks the recipient for the file, matched by `sha256`; it must carry the size then. Added within v1:
   * older playgrounds refuse such a link with "has no module URL", and every older link still opens.
   */
  size?: number;
  /** v2: the module's WAT source, compiled when the link opens (shown in the WAT editor). */
  wat?: string;
}

export interface ShareInput {
  mime: string;
  text?: string;
  /** Binary input, base64url. */
  base64?: string;
}

export interface ShareGrants {
  hosts?: string[];
  mounts?: { volume: string; path: string; guestPath: string; readOnly: boolean }[];
}

export interface ShareStateV1 {
  v: 1;
  module: ShareModuleRef;
  func?: string;
  /** Core-function arguments as typed in the form. */
  args?: string[];
  input?: ShareInput;
  outputMime?: string;
  runAs?: ModuleKind;
  stubImports?: boolean;
  config?: Record<string, string>;
  argv?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Requested, never applied without asking. */
  grants?: ShareGrants;
  lesson?: { title?: string; markdown: string };
  /** A check file (Modsurfer YAML) for the Inspector's Check tab. Added to v1 (optional): older readers drop it. */
  checkFile?: string;
}

/**
 * v2 (issue 10): the module may travel as WAT source (`module.wat`) instead of bytes or a URL.
 * Only links that carry WAT are written as v2, so every other link still opens in a v1 playground.
 */
export interface ShareStateV2 extends Omit<ShareStateV1, 'v'> {
  v: 2;
}

/** The current shapes; `restore()` upgrades every older one to them. */
export type ShareState = ShareStateV1 | ShareStateV2;
