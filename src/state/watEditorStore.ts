/**
 * The WAT editor: its text, the errors of the last compile, and compiling (jco `parse` in the WAT
 * worker) into a module that loads as if dropped. The text is kept with the module in the library
 * and comes back with it (after a reload too).
 */
import { create } from 'zustand';
import { parseWat, watText, type WatError } from '../sandbox/watClient';
import { loadWatSource, saveWatSource } from '../storage/library';
import { useModule } from './moduleStore';
import { NEW_WAT } from './newWat';

export { NEW_WAT } from './newWat';

/** The editor takes texts up to this size (Monaco slows down past a few MB). */
export const MAX_EDIT_CHARS = 4 * 1024 * 1024;

export type CompileStatus = 'idle' | 'compiling' | 'ok' | 'error';

export interface WatEditorState {
  open: boolean;
  text: string;
  /** File name for the compiled module. */
  name: string;
  /** The text the current module was compiled from; null when it was not compiled here. */
  compiledText: string | null;
  status: CompileStatus;
  errors: WatError[];
  /** Status line: size and time of the last compile, or why the editor could not open. */
  message: string | null;
  openNew(): void;
  /** Open `text` (e.g. a lesson's source) in the editor. */
  openText(text: string, name?: string): void;
  /** Edit the printed text of WAT document `docId` (the WAT tab's); why not, when it can't. */
  editPrinted(docId: number, name: string): Promise<string | null>;
  close(): void;
  setText(text: string): void;
  /** Parse and load; false when the text has errors (they are in `errors`). */
  compile(): Promise<boolean>;
  /** Compile when the text differs from the loaded module's (before a run); true when the module is current. */
  compileIfChanged(): Promise<boolean>;
  /**
   * A share link's WAT source: shown in the editor and parsed; the caller loads the bytes, then
   * calls `finishLinkSource` with the loaded module's id (or null when the load failed).
   */
  startLinkSource(text: string, name: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }>;
  finishLinkSource(id: string | null): Promise<void>;
}

// Number compiles: the answer to one the user has already replaced is dropped (STYLE.md §2).
let compileSeq = 0;
/** The module id the editor's text belongs to (set by a compile, or when a saved source is found). */
let ownId: string | null = null;
/** Set while the editor's own compile loads: that module's source is the editor's text. */
let loadingOwn = false;

export const useWatEditor = create<WatEditorState>()((set, get) => ({
  open: false,
  text: '',
  name: 'module.wasm',
  compiledText: null,
  status: 'idle',
  errors: [],
  message: null,

  openNew() {
    ownId = null;
    set({ open: true, text: NEW_WAT, name: 'module.wasm', compiledText: null, status: 'idle', errors: [], message: null });
  },

  openText(text, name = 'module.wasm') {
    ownId = null;
    set({ open: true, text, name, compiledText: null, status: 'idle', errors: [], message: null });
  },

  async editPrinted(docId, name) {
    const out = await watText(docId, MAX_EDIT_CHARS);
    if (!out.ok) return out.message;
    ownId = useModule.getState().current?.id ?? null;
    set({ open: true, text: out.value, name, compiledText: out.value, status: 'idle', errors: [], message: null });
    return null;
  },

  close: () => set({ open: false }),
  setText: (text) => set({ text }),

  async compile() {
    const seq = ++compileSeq;
    const text = get().text;
    set({ status: 'compiling' });
    const parsed = await parseWat(text);
    if (seq !== compileSeq) return false;
    if (!parsed.ok) {
      set({ status: 'error', errors: [parsed.error], message: null });
      return false;
    }
    // Keep the function and its typed arguments across the reload of an edited module.
    const modules = useModule.getState();
    const func = modules.func;
    const args = func ? modules.argsByFunc[func] : undefined;
    loadingOwn = true;
    let info;
    try {
      info = await modules.load({ bytes: parsed.bytes, name: get().name, transfer: true }, get().name, func);
    } finally {
      loadingOwn = false;
    }
    if (seq !== compileSeq) return false;
    if (!info) {
      const why = useModule.getState().loadError;
      set({ status: 'error', errors: [{ line: 1, column: 1, message: why ? `${why.title} ${why.detail}` : 'The compiled module did not load.' }] });
      return false;
    }
    ownId = info.id;
    if (func && args && useModule.getState().func === func) useModule.getState().setArgs(func, args);
    let kept = '';
    try {
      await saveWatSource(info.id, text);
    } catch (err) {
      kept = ` The source could not be kept in the library (${err instanceof Error ? err.message : String(err)}).`;
    }
    if (seq !== compileSeq) return true;
    set({ status: 'ok', errors: [], compiledText: text, message: `Compiled: ${info.size.toLocaleString('en')} bytes in ${Math.round(parsed.parseMs)} ms.${kept}` });
    return true;
  },

  async startLinkSource(text, name) {
    const seq = ++compileSeq;
    ownId = null;
    set({ open: true, text, name, compiledText: null, status: 'compiling', errors: [], message: null });
    const parsed = await parseWat(text);
    if (seq !== compileSeq) return { ok: false, error: 'A newer compile replaced this one.' };
    if (!parsed.ok) {
      set({ status: 'error', errors: [parsed.error] });
      const e = parsed.error;
      return { ok: false, error: `The link's WAT source does not compile (line ${e.line}, column ${e.column}: ${e.message}). It is open in the WAT editor to fix.` };
    }
    // Until finishLinkSource: the module about to load is this text's, not one to look up.
    loadingOwn = true;
    return { ok: true, bytes: parsed.bytes };
  },

  async finishLinkSource(id) {
    loadingOwn = false;
    if (id === null) return set({ status: 'error', errors: [{ line: 1, column: 1, message: 'The compiled module did not load (the load error says why).' }] });
    ownId = id;
    const text = get().text;
    set({ status: 'ok', compiledText: text, errors: [], message: null });
    await saveWatSource(id, text).catch(() => undefined);
  },

  async compileIfChanged() {
    const { open, text, compiledText } = get();
    // Only edits: a module loaded some other way since is not replaced by the editor's unchanged text.
    if (!open || text === compiledText) return true;
    return get().compile();
  },
}));

// A module opened from the library (or restored after a reload) brings back the source it was compiled from.
useModule.subscribe((state, previous) => {
  const id = state.current?.id;
  if (!id || id === previous.current?.id || id === ownId || loadingOwn) return;
  void loadWatSource(id).then(
    (text) => {
      if (useModule.getState().current?.id !== id) return;
      const editor = useWatEditor.getState();
      if (text !== undefined) {
        ownId = id;
        useWatEditor.setState({ open: true, text, compiledText: text, name: useModule.getState().current?.name ?? 'module.wasm', status: 'ok', errors: [], message: null });
      } else if (editor.open && editor.text === editor.compiledText) {
        // Another module replaced the edited one, and no edit is unsaved: the editor steps aside.
        ownId = null;
        useWatEditor.setState({ open: false });
      }
    },
    () => undefined,
  );
});

/** The WAT source of the loaded module when it was written or opened in the editor (for share links). */
export function currentWatSource(): string | null {
  const { open, compiledText } = useWatEditor.getState();
  return open && compiledText !== null && ownId !== null && ownId === useModule.getState().current?.id ? compiledText : null;
}
