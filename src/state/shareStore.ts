/** Share links: capture the current setup into `#s=…`, and open one (DESIGN.md §7). */
import { create } from 'zustand';
import { getEngine } from '../sandbox/instance';
import { fromBase64Url } from '../share/base64url';
import { captureShareState } from '../share/capture';
import { decodeShareHash, encodeShareHash } from '../share/codec';
import type { ShareState } from '../share/types';
import { useCapabilities } from './capabilitiesStore';
import { useInput } from './inputStore';
import { useModule } from './moduleStore';
import { useOutput } from './outputStore';
import { configRecord, usePlugin } from './pluginStore';
import { useSettings } from './settingsStore';
import { argvOf, useWasi } from './wasiStore';

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
    const { current, runAs, func, argsByFunc, stubImports } = useModule.getState();
    const bytes = current ? getEngine().bytesOf(current.id) : undefined;
    if (!current || !bytes) {
      set({ error: 'Load a module first: a link shares the module with its settings.', link: null });
      return null;
    }
    const argv = argvOf(useWasi.getState());
    const captured = captureShareState({
      module: { id: current.id, name: current.name, bytes, ...(current.sourceUrl ? { sourceUrl: current.sourceUrl } : {}) },
      runAs,
      func,
      ...(func && argsByFunc[func] ? { args: argsByFunc[func] } : {}),
      stubImports,
      input: useInput.getState(),
      outputMime: useOutput.getState().override,
      config: configRecord(usePlugin.getState().config),
      argv: argv.ok ? argv.argv : [],
      env: useWasi.getState().env.filter(([k]) => k.trim() !== ''),
      timeoutMs: useSettings.getState().timeoutMs,
      hosts: useCapabilities.getState().hosts,
      mounts: useCapabilities.getState().mounts,
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
    const decoded = decodeShareHash(hash);
    if (!decoded) return false;
    if (!decoded.ok) {
      set({ error: decoded.error });
      return true;
    }
    const error = await applyShareState(decoded.state);
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
  if (ref.url) source = { url: ref.url };
  else if (ref.inline) {
    try {
      source = { bytes: fromBase64Url(ref.inline), name: ref.name };
    } catch {
      return 'The share link is damaged: its module bytes do not decode. Copy the whole link again.';
    }
  } else return `The link refers to the example "${ref.example ?? '?'}", which this playground does not have.`;

  const info = await modules.load(source, ref.name, state.func ?? null);
  if (!info) return null; // the load error banner says what went wrong

  if (state.runAs) useModule.getState().setRunAs(state.runAs);
  if (state.func) useModule.getState().selectFunc(state.func);
  state.args?.forEach((text, i) => state.func && useModule.getState().setArg(state.func, i, text));
  useModule.getState().setStubImports(state.stubImports ?? false);
  if (state.input) {
    const input = useInput.getState();
    input.setMime(state.input.mime);
    if (state.input.base64 !== undefined) input.setFile({ name: 'input', bytes: fromBase64Url(state.input.base64) });
    else input.setText(state.input.text ?? '');
  }
  if (state.outputMime) useOutput.getState().setOverride(state.outputMime);
  if (state.config) usePlugin.getState().setConfig(state.config);
  if (state.argv) useWasi.getState().setArgvText(state.argv.map(quoteArg).join(' '));
  if (state.env) useWasi.getState().setEnv(Object.entries(state.env));
  if (state.timeoutMs) useSettings.getState().setTimeoutMs(state.timeoutMs);
  // Grants from a link are asked for, never applied silently (DESIGN.md §4).
  const grants = state.grants;
  if (grants?.hosts?.length || grants?.mounts?.length) {
    const mounts = (grants.mounts ?? []).map((m) => ({ volume: m.volume, dir: m.path, guestPath: m.guestPath, readOnly: m.readOnly }));
    useCapabilities.getState().request({ hosts: grants.hosts ?? [], mounts }, 'This share link');
  }

  if (info.id !== ref.sha256) {
    return `The module changed since this link was made: its SHA-256 is now ${info.id.slice(0, 12)}…, the link expected ${ref.sha256.slice(0, 12)}…. The settings were restored, but results may differ.`;
  }
  return null;
}

/** Quote an argument so the Arguments field splits it back the same way. */
function quoteArg(arg: string): string {
  return arg === '' || /[\s"'\\]/.test(arg) ? `'${arg.replace(/'/g, `'\\''`)}'` : arg;
}
