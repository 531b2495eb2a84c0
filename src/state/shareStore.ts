/** Share links: capture the current setup into `#s=…`, open one, and supply a module a link asks for (DESIGN.md §7). */
import { create } from 'zustand';
import { getEngine } from '../sandbox/instance';
import { fromBase64Url } from '../share/base64url';
import { BUNDLE_MODULE, BUNDLE_READY, hasBundleFlag } from '../share/bundle';
import { captureShareState } from '../share/capture';
import { useCheckFile } from './checkStore';
import { encodeShareHash, hasShareState } from '../share/codec';
import { sha256Hex } from '../util/sha256';
import type { ShareState } from '../share/types';
import { loadModuleBytes } from '../storage/library';
import { formatBytes } from '../util/bytes';
import { useCapabilities } from './capabilitiesStore';
import { useModule } from './moduleStore';
import { applySetup, captureSetup } from './setup';
import { useLesson } from './lessonStore';
import { currentWatSource, useWatEditor } from './watEditorStore';

/** What "Share" made. */
export interface MadeLink {
  link: string;
  /** `#s=…`, for the embed snippet and the bundle. */
  hash: string;
  /** Why the module is not inside the link (then the link asks the recipient for the file). */
  tooBig?: string;
  module: { name: string; sha256: string; size: number };
}

/** How the module of an opened link arrived. */
export type OpenedVia = 'url' | 'inline' | 'example' | 'file' | 'library' | 'bundle';

/** What the recipient of a link is told: where the module came from and what the link asks to grant. */
export interface OpenedLink {
  name: string;
  via: OpenedVia | 'waiting';
  url?: string;
  hosts: string[];
  mounts: { volume: string; path: string; guestPath: string; readOnly: boolean }[];
}

/** A link whose module was too big to carry: the recipient supplies the file. */
export interface PendingFile {
  name: string;
  size: number;
  sha256: string;
  state: ShareState;
}

export interface ShareStoreState {
  /** The last link made with "Share". */
  link: string | null;
  made: MadeLink | null;
  /** Why the opened link could not be used (or what of it was not applied). */
  error: string | null;
  /** Why "Share" could not make a link. */
  shareError: string | null;
  dialogOpen: boolean;
  /** Set when the page was opened from a share link, until dismissed. */
  opened: OpenedLink | null;
  pending: PendingFile | null;
  /** Why a supplied file was refused. */
  fileError: string | null;
  share(): string | null;
  /** Make the link and show the Share dialog. */
  openDialog(): void;
  closeDialog(): void;
  dismissOpened(): void;
  /** Open the share state in `hash`; false when there is none. */
  open(hash: string): Promise<boolean>;
  /** The module file a pending link asks for; refused unless its SHA-256 matches. */
  supplyFile(bytes: Uint8Array, name: string, via?: 'file' | 'bundle' | 'library'): Promise<boolean>;
}

export const useShare = create<ShareStoreState>()((set, get) => ({
  link: null,
  made: null,
  error: null,
  shareError: null,
  dialogOpen: false,
  opened: null,
  pending: null,
  fileError: null,

  share() {
    const setup = captureSetup();
    const current = useModule.getState().current;
    const bytes = current ? getEngine().bytesOf(current.id) : undefined;
    if (!setup || !current || !bytes) {
      set({ shareError: 'Load a module first: a link shares the module with its settings.', link: null, made: null });
      return null;
    }
    const captured = captureShareState({
      module: { id: current.id, name: current.name, bytes, ...(current.sourceUrl ? { sourceUrl: current.sourceUrl } : {}) },
      runAs: setup.runAs,
      func: setup.func,
      ...(setup.func && setup.args.length ? { args: setup.args } : {}),
      stubImports: setup.stubImports,
      input: setup.input,
      outputMime: setup.outputMime,
      config: setup.config,
      argv: setup.argv.ok ? setup.argv.argv : [],
      env: setup.env,
      timeoutMs: setup.timeoutMs,
      hosts: setup.hosts,
      mounts: setup.mounts,
      checkFile: useCheckFile.getState().checkFile,
      // Lesson links (issue 10): the module's WAT source instead of its bytes, and the lesson shown.
      ...withLesson(),
    });
    if (!captured.ok) {
      set({ shareError: captured.error, link: null, made: null });
      return null;
    }
    const hash = encodeShareHash(captured.state);
    const link = `${location.origin}${location.pathname}${location.search}${hash}`;
    // replaceState: sharing must not add history entries.
    if (location.hash !== hash) history.replaceState(null, '', hash);
    const module = { name: current.name, sha256: current.id, size: bytes.length };
    set({ link, shareError: null, made: { link, hash, module, ...(captured.tooBig ? { tooBig: captured.tooBig } : {}) } });
    return link;
  },

  openDialog() {
    get().share();
    set({ dialogOpen: true });
  },
  closeDialog: () => set({ dialogOpen: false }),
  dismissOpened: () => set({ opened: null }),

  async open(hash) {
    if (!hasShareState(hash)) return false;
    // Base64, inflate and restore run in the analyser worker: a bomb or a huge link cannot freeze the page.
    const decoded = await getEngine().decodeShareLink(hash);
    if (!decoded) return false;
    if (!decoded.ok) {
      set({ error: decoded.error, opened: null, pending: null });
      return true;
    }
    const state = decoded.state;
    const ref = state.module;
    useLesson.getState().show(state.lesson ?? null, async () => void (await applyShareState(state)));
    // Say what restore() cut or left out of the link (caps in share/limits.ts) instead of hiding it.
    const cut = decoded.warnings.length ? `Some of the link was not applied: ${decoded.warnings.map((w) => (w.endsWith('.') ? w : `${w}.`)).join(' ')}` : null;
    if (!ref.url && !ref.inline && !ref.example && ref.wat === undefined && ref.size !== undefined) {
      set({ opened: openedLink(state, 'waiting'), pending: { name: ref.name, size: ref.size, sha256: ref.sha256, state }, fileError: null, error: cut });
      // The recipient may have the module already: the library keeps modules by SHA-256.
      const kept = await loadModuleBytes(ref.sha256).catch(() => undefined);
      if (kept && get().pending?.sha256 === ref.sha256) await get().supplyFile(kept, ref.name, 'library');
      else if (hasBundleFlag(hash)) askOpenerForBundle();
      return true;
    }
    set({ opened: openedLink(state, ref.url ? 'url' : ref.inline !== undefined || ref.wat !== undefined ? 'inline' : 'example'), pending: null, fileError: null });
    const error = await applyShareState(state);
    set({ error: [error, cut].filter(Boolean).join(' ') || null });
    return true;
  },

  async supplyFile(bytes, name, via = 'file') {
    const pending = get().pending;
    if (!pending) return false;
    const hash = await sha256Hex(bytes as Uint8Array<ArrayBuffer>);
    if (hash !== pending.sha256) {
      set({
        fileError: `"${name}" is not the module this link needs: its SHA-256 is ${hash.slice(0, 12)}… (${formatBytes(bytes.length)}), the link expects ${pending.sha256.slice(0, 12)}… (${pending.name}, ${formatBytes(pending.size)}). Pick the file the link was made with.`,
      });
      return false;
    }
    const opened = get().opened;
    set({ pending: null, fileError: null, ...(opened ? { opened: { ...opened, via } } : {}) });
    const error = await applyShareState(pending.state, { bytes, name: pending.name });
    set({ error });
    return true;
  },
}));

// The file a pending link asks for may arrive by any way in (dropped on the window, picked with
// "Module file", opened from Recent): when its SHA-256 matches, the link's settings follow it.
useModule.subscribe((now, before) => {
  const pending = useShare.getState().pending;
  const id = now.current?.id;
  if (!pending || !id || id === before.current?.id || id !== pending.sha256) return;
  const bytes = getEngine().bytesOf(id);
  if (bytes) void useShare.getState().supplyFile(bytes, now.current?.name ?? pending.name);
});

function openedLink(state: ShareState, via: OpenedLink['via']): OpenedLink {
  return {
    name: state.module.name,
    via,
    ...(state.module.url ? { url: state.module.url } : {}),
    hosts: state.grants?.hosts ?? [],
    mounts: state.grants?.mounts ?? [],
  };
}

/**
 * A link opened by a bundle page (`&bundle=1`): tell the opener we are ready and take the module it
 * posts back. Only the window that opened us is listened to; the bytes still have to match the
 * link's SHA-256, and nothing runs until the user clicks Run.
 */
function askOpenerForBundle(): void {
  const opener = window.opener as Window | null;
  if (!opener) return;
  const onMessage = (event: MessageEvent<unknown>) => {
    if (event.source !== opener) return;
    const data = event.data as { type?: unknown; name?: unknown; bytes?: unknown } | null;
    if (!data || data.type !== BUNDLE_MODULE || !(data.bytes instanceof Uint8Array)) return;
    window.removeEventListener('message', onMessage);
    void useShare.getState().supplyFile(data.bytes, typeof data.name === 'string' ? data.name : 'module.wasm', 'bundle');
  };
  window.addEventListener('message', onMessage);
  // The opener may be a file: page (origin "null"): "*" reaches it, and this message carries nothing.
  opener.postMessage({ type: BUNDLE_READY }, '*');
}

/** Load the link's module and restore its settings; returns a message when something is off. */
async function applyShareState(state: ShareState, file?: { bytes: Uint8Array; name: string }): Promise<string | null> {
  const ref = state.module;
  const modules = useModule.getState();
  let source;
  if (file) source = { bytes: file.bytes, name: file.name };
  else if (ref.wat !== undefined) {
    const compiled = await useWatEditor.getState().startLinkSource(ref.wat, ref.name);
    if (!compiled.ok) return compiled.error;
    source = { bytes: compiled.bytes, name: ref.name, transfer: true };
  } else if (ref.url) source = { url: ref.url };
  else if (ref.inline) {
    try {
      source = { bytes: fromBase64Url(ref.inline), name: ref.name };
    } catch {
      return 'The share link is damaged: its module bytes do not decode. Copy the whole link again.';
    }
  } else return `The link refers to the example "${ref.example ?? '?'}", which this playground does not have.`;

  const info = await modules.load(source, ref.name, state.func ?? null);
  if (ref.wat !== undefined) await useWatEditor.getState().finishLinkSource(info?.id ?? null);
  if (!info) return null; // the load error banner says what went wrong
  const problems: string[] = [];

  let inputBytes: Uint8Array | undefined;
  if (state.input?.base64 !== undefined) {
    try {
      inputBytes = fromBase64Url(state.input.base64);
    } catch {
      problems.push('The link\'s input bytes do not decode, so the input was left empty; the other settings were applied.');
    }
  }
  if (state.checkFile) useCheckFile.getState().setCheckFile(state.checkFile);
  applySetup({
    ...(state.runAs ? { runAs: state.runAs } : {}),
    ...(state.func ? { func: state.func } : {}),
    ...(state.args ? { args: state.args } : {}),
    stubImports: state.stubImports ?? false,
    ...(state.input ? { input: { mime: state.input.mime, ...(inputBytes ? { bytes: inputBytes } : { text: state.input.text ?? '' }) } } : {}),
    ...(state.outputMime ? { outputMime: state.outputMime } : {}),
    ...(state.config ? { config: state.config } : {}),
    ...(state.argv ? { argv: state.argv } : {}),
    ...(state.env ? { env: state.env } : {}),
    ...(state.timeoutMs ? { timeoutMs: state.timeoutMs } : {}),
  });
  const selected = useModule.getState().func;
  if (state.func && selected !== state.func) {
    problems.push(`The link names the function "${state.func}", which this module does not have${selected ? `; "${selected}" is selected instead` : ''}.`);
  }
  // Grants from a link are asked for, never applied silently (DESIGN.md §4).
  const grants = state.grants;
  if (grants?.hosts?.length || grants?.mounts?.length) {
    const mounts = (grants.mounts ?? []).map((m) => ({ volume: m.volume, dir: m.path, guestPath: m.guestPath, readOnly: m.readOnly }));
    useCapabilities.getState().request({ hosts: grants.hosts ?? [], mounts }, 'This share link');
  }

  if (info.id !== ref.sha256) {
    problems.unshift(`The module changed since this link was made: its SHA-256 is now ${info.id.slice(0, 12)}…, the link expected ${ref.sha256.slice(0, 12)}…. The settings were restored, but results may differ.`);
  }
  return problems.length ? problems.join(' ') : null;
}

/** The WAT source and lesson a new link carries along with the setup. */
function withLesson(): { wat?: string; lesson?: { title?: string; markdown: string } } {
  const wat = currentWatSource();
  const lesson = useLesson.getState().lesson;
  return { ...(wat !== null ? { wat } : {}), ...(lesson ? { lesson } : {}) };
}
