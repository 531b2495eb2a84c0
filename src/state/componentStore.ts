/**
 * Component settings the form and the run share: instance reuse (a reactor keeps its state between
 * calls unless asked otherwise), how each argument field is edited, and the errors a field knows
 * that its stored JSON text can't carry (bytes typed as hex that are not hex).
 */
import { create } from 'zustand';
import { useModule } from './moduleStore';

/** How a `list<u8>` field is entered. */
export type BytesMode = 'text' | 'hex' | 'base64' | 'file';

export interface BytesDraft {
  mode: BytesMode;
  /** What was typed in the text/hex/base64 box. */
  text: string;
  /** The chosen file (its bytes are in the argument text). */
  file: { name: string; size: number } | null;
}

/** A field's key: the function and the parameter's index. */
export const fieldKey = (func: string, index: number): string => `${func}\u0000${index}`;

export interface ComponentState {
  /** A new instance for every run instead of the kept one. */
  freshInstance: boolean;
  /** The next run starts from a new instance (then this clears). */
  resetNext: boolean;
  /** Fields switched to the JSON editor, by fieldKey. */
  jsonMode: Record<string, boolean>;
  bytes: Record<string, BytesDraft>;
  /** Errors of fields whose text can't carry them, by fieldKey. */
  fieldErrors: Record<string, string>;
  setFreshInstance(on: boolean): void;
  requestReset(): void;
  /** Called when a run takes the reset. */
  consumeReset(): void;
  setJsonMode(key: string, on: boolean): void;
  setBytes(key: string, draft: BytesDraft): void;
  setFieldError(key: string, error: string | null): void;
}

export const useComponent = create<ComponentState>()((set) => ({
  freshInstance: false,
  resetNext: false,
  jsonMode: {},
  bytes: {},
  fieldErrors: {},
  setFreshInstance: (freshInstance) => set({ freshInstance }),
  requestReset: () => set({ resetNext: true }),
  consumeReset: () => set({ resetNext: false }),
  setJsonMode: (key, on) => set((s) => ({ jsonMode: { ...s.jsonMode, [key]: on } })),
  setBytes: (key, draft) => set((s) => ({ bytes: { ...s.bytes, [key]: draft } })),
  setFieldError: (key, error) =>
    set((s) => {
      if ((s.fieldErrors[key] ?? null) === error) return s;
      const fieldErrors = { ...s.fieldErrors };
      if (error === null) delete fieldErrors[key];
      else fieldErrors[key] = error;
      return { fieldErrors };
    }),
}));

/** Field errors of `func`'s parameters by parameter index (undefined where a field has none). */
export function fieldErrorsOf(errors: Record<string, string>, func: string, count: number): (string | undefined)[] {
  return Array.from({ length: count }, (_, i) => errors[fieldKey(func, i)]);
}

// Field keys name functions, which another module may share: a new module starts with clean fields.
useModule.subscribe((state, previous) => {
  if (state.current !== previous.current) useComponent.setState({ jsonMode: {}, bytes: {}, fieldErrors: {}, resetNext: false });
});
