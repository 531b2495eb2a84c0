/**
 * waPC settings: the Operation (with the last ones used, kept in localStorage), "Encode input as
 * MessagePack", and the host responses table as the user edits it.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { jsonToMsgpack } from '../output/msgpackEncode';
import type { HostResponseRow } from '../sandbox/api';

/** How a row's response is given: text (UTF-8), JSON encoded as MessagePack, a file's bytes, or an error message. */
export type ResponseKind = 'text' | 'msgpack' | 'file' | 'error';

export interface HostResponseDraft {
  binding: string;
  namespace: string;
  operation: string;
  kind: ResponseKind;
  /** The text, JSON or error message. */
  text: string;
  file: { name: string; bytes: Uint8Array } | null;
}

/** Operations remembered at most. */
export const RECENT_OPERATIONS = 8;

export interface WapcState {
  operation: string;
  recent: string[];
  msgpackInput: boolean;
  hostResponses: HostResponseDraft[];
  setOperation(operation: string): void;
  /** Put the operation first in the recent list (on Run). */
  rememberOperation(operation: string): void;
  setMsgpackInput(on: boolean): void;
  addHostResponse(): void;
  updateHostResponse(index: number, patch: Partial<HostResponseDraft>): void;
  removeHostResponse(index: number): void;
}

export const emptyHostResponse = (): HostResponseDraft => ({ binding: '', namespace: '', operation: '', kind: 'text', text: '', file: null });

export const useWapc = create<WapcState>()(
  persist(
    (set) => ({
      operation: '',
      recent: [],
      msgpackInput: false,
      hostResponses: [],
      setOperation: (operation) => set({ operation }),
      rememberOperation: (operation) =>
        set((s) => (operation.trim() === '' ? s : { recent: [operation, ...s.recent.filter((o) => o !== operation)].slice(0, RECENT_OPERATIONS) })),
      setMsgpackInput: (msgpackInput) => set({ msgpackInput }),
      addHostResponse: () => set((s) => ({ hostResponses: [...s.hostResponses, emptyHostResponse()] })),
      updateHostResponse: (index, patch) => set((s) => ({ hostResponses: s.hostResponses.map((r, i) => (i === index ? { ...r, ...patch } : r)) })),
      removeHostResponse: (index) => set((s) => ({ hostResponses: s.hostResponses.filter((_, i) => i !== index) })),
    }),
    {
      name: 'wasm-playground:wapc',
      version: 1,
      // Only the operations are remembered across reloads; the table may hold files and is per session.
      partialize: (s) => ({ operation: s.operation, recent: s.recent }),
      merge: (persisted, current) => {
        const o = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>) : {};
        const recent = Array.isArray(o.recent) ? o.recent.filter((x): x is string => typeof x === 'string').slice(0, RECENT_OPERATIONS) : [];
        return { ...current, operation: typeof o.operation === 'string' ? o.operation : '', recent };
      },
    },
  ),
);

/** The table as API rows, or what is wrong with a row (by its number, as the table shows it). */
export function hostResponseRows(drafts: readonly HostResponseDraft[]): { ok: true; rows: HostResponseRow[] } | { ok: false; message: string } {
  const rows: HostResponseRow[] = [];
  for (const [i, d] of drafts.entries()) {
    const key = { binding: d.binding, namespace: d.namespace, operation: d.operation };
    const at = `Host response ${i + 1} (${JSON.stringify(d.binding)} / ${JSON.stringify(d.namespace)} / ${JSON.stringify(d.operation)})`;
    switch (d.kind) {
      case 'text':
        rows.push({ ...key, response: d.text });
        break;
      case 'error':
        rows.push({ ...key, error: d.text });
        break;
      case 'file':
        if (!d.file) return { ok: false, message: `${at}: choose a file for its response, or pick another kind.` };
        rows.push({ ...key, response: d.file.bytes });
        break;
      case 'msgpack': {
        const encoded = jsonToMsgpack(d.text);
        if (!encoded.ok) return { ok: false, message: `${at}: the response is ${encoded.message}.` };
        rows.push({ ...key, response: encoded.bytes });
        break;
      }
    }
  }
  return { ok: true, rows };
}
