/** Share links: capture the current setup into `#s=…`, and open one (DESIGN.md §7). */
import { create } from 'zustand';
import { getEngine } from '../sandbox/instance';
import { fromBase64Url } from '../share/base64url';
import { captureShareState } from '../share/capture';
import { encodeShareHash, hasShareState } from '../share/codec';
import type { ShareState } from '../share/types';
import { useCapabilities } from './capabilitiesStore';
import { useModule } from './moduleStore';
import { applySetup, captureSetup } from './setup';
import { useLesson } from './lessonStore';
import { currentWatSource, useWatEditor } from './watEditorStore';

export interface ShareStoreState {
  /** The last link made with "Share". */
  link: string | null;
  /** Why the link could not be made, or the opened link could not be used. */
  error: string | null;
  share(): string | null;
  /** Open the share state in `hash`; false when there is none. */
  open(hash: string): Promise<boolean>;
}

export const useShare = create<ShareStoreState>()((set) => ({
  link: null,
  error: null,

  share() {
    const setup = captureSetup();
    const current = useModule.getState().current;
    const bytes = current ? getEngine().bytesOf(current.id) : undefined;
    if (!setup || !current || !bytes) {
      set({ error: 'Load a module first: a link shares the module with its settings.', link: null });
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
      // Lesson links (issue 10): the module's WAT source instead of its bytes, and the lesson shown.
      ...withLesson(),
    });
    if (!captured.ok) {
      set({ error: captured.error, link: null });
      return null;
    }
    const hash = encodeShareHash(captured.state);
    const link = `${location.origin}${location.pathname}${location.search}${hash}`;
    // replaceState: sharing must not add history entries.
    if (location.hash !== hash) history.replaceState(null, '', hash);
    set({ link, error: null });
    return link;
  },

  async open(hash) {
    if (!hasShareState(hash)) return false;
    // Base64, inflate and restore run in the analyser worker: a bomb or a huge link cannot freeze the page.
    const decoded = await getEngine().decodeShareLink(hash);
    if (!decoded) return false;
    if (!decoded.ok) {
      set({ error: decoded.error });
      return true;
    }
    const error = await applyShareState(decoded.state);
    const state = decoded.state;
    useLesson.getState().show(state.lesson ?? null, async () => void (await applyShareState(state)));
    // Say what restore() cut or left out of the link (caps in share/limits.ts) instead of hiding it.
    const cut = decoded.warnings.length ? `Some of the link was not applied: ${decoded.warnings.map((w) => (w.endsWith('.') ? w : `${w}.`)).join(' ')}` : null;
    set({ error: [error, cut].filter(Boolean).join(' ') || null });
    return true;
  },
}));

/** Load the link's module and restore its settings; returns a message when something is off. */
async function applyShareState(state: ShareState): Promise<string | null> {
  const ref = state.module;
  const modules = useModule.getState();
  let source;
  if (ref.wat !== undefined) {
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
