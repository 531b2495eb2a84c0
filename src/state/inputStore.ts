/** The input given to a run: typed text or a dropped/picked file, with its MIME type. */
import { create } from 'zustand';

export interface InputState {
  text: string;
  /** A file chosen as input replaces the text until cleared. */
  file: { name: string; bytes: Uint8Array } | null;
  /** "Input type". */
  mime: string;
  setText(text: string): void;
  setFile(file: { name: string; bytes: Uint8Array } | null): void;
  setMime(mime: string): void;
  /** Chain a previous output into the input ("Use as input"). */
  useBytes(bytes: Uint8Array, mime: string, name: string): void;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
/** Outputs up to this size that are valid UTF-8 come back as editable text. */
const EDITABLE_TEXT_LIMIT = 1024 * 1024;

export const useInput = create<InputState>()((set) => ({
  text: '',
  file: null,
  mime: 'text/plain',
  setText: (text) => set({ text }),
  setFile: (file) => set({ file }),
  setMime: (mime) => set({ mime }),
  useBytes(bytes, mime, name) {
    if (bytes.length <= EDITABLE_TEXT_LIMIT) {
      try {
        set({ text: decoder.decode(bytes), file: null, mime });
        return;
      } catch {
        // not text: keep it as a file
      }
    }
    set({ file: { name, bytes: bytes.slice() }, mime });
  },
}));

const encoder = new TextEncoder();

/** The bytes a run gets: the file if one is chosen, else the text as UTF-8. */
export function inputBytes(state: Pick<InputState, 'text' | 'file'>): Uint8Array {
  return state.file ? state.file.bytes : encoder.encode(state.text);
}
