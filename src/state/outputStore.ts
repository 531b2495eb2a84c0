/** View state of the Output region: the "Output type" override, "Allow scripts", and who takes "Use as input". */
import { create } from 'zustand';

/** Takes an output as the next run's input ("Use as input"); `name` is a file name for it. */
export type UseAsInputHandler = (bytes: Uint8Array, mime: string, name: string) => void;

export interface OutputState {
  /** "Output type": a MIME type, or null for the sniffed one. */
  override: string | null;
  /** Run scripts in HTML outputs. Off by default and off again for every new output. */
  allowScripts: boolean;
  /** Registered by the input editor; null disables "Use as input". */
  asInputHandler: UseAsInputHandler | null;
  setOverride(mime: string | null): void;
  setAllowScripts(on: boolean): void;
  /** Register (or with null, remove) the "Use as input" handler. */
  setUseAsInputHandler(handler: UseAsInputHandler | null): void;
}

export const useOutput = create<OutputState>()((set) => ({
  override: null,
  allowScripts: false,
  asInputHandler: null,
  setOverride: (override) => set({ override }),
  setAllowScripts: (allowScripts) => set({ allowScripts }),
  setUseAsInputHandler: (asInputHandler) => set({ asInputHandler }),
}));
