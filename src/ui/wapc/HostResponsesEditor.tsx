/** The host responses table: binding / namespace / operation → a response (text, JSON as MessagePack, a file) or an error. */
import { useRef } from 'react';
import { useWapc, type HostResponseDraft, type ResponseKind } from '../../state/wapcStore';

const KINDS: { kind: ResponseKind; label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'msgpack', label: 'JSON → MessagePack' },
  { kind: 'file', label: 'File' },
  { kind: 'error', label: 'Error' },
];

export function HostResponsesEditor() {
  const rows = useWapc((s) => s.hostResponses);
  const add = useWapc((s) => s.addHostResponse);
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const addRow = () => {
    add();
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };

  return (
    <fieldset className="config-editor host-responses" aria-label="Host responses">
      <legend>Host responses</legend>
      <p className="muted">The guest&apos;s __host_call(binding, namespace, operation, payload) gets the first row that matches (* matches anything); a call no row answers fails.</p>
      <ol ref={list} className="config-rows">
        {rows.map((row, i) => (
          <HostResponseRow key={i} index={i} row={row} onRemoved={() => i >= rows.length - 1 && addButton.current?.focus()} />
        ))}
      </ol>
      <button ref={addButton} type="button" onClick={addRow}>
        Add host response
      </button>
    </fieldset>
  );
}

function HostResponseRow({ index, row, onRemoved }: { index: number; row: HostResponseDraft; onRemoved(): void }) {
  const update = useWapc((s) => s.updateHostResponse);
  const remove = useWapc((s) => s.removeHostResponse);
  const n = index + 1;
  const set = (patch: Partial<HostResponseDraft>) => update(index, patch);
  return (
    <li className="host-response">
      <input aria-label={`Binding ${n}`} placeholder="binding" value={row.binding} spellCheck={false} onChange={(e) => set({ binding: e.target.value })} />
      <input aria-label={`Namespace ${n}`} placeholder="namespace" value={row.namespace} spellCheck={false} onChange={(e) => set({ namespace: e.target.value })} />
      <input aria-label={`Host operation ${n}`} placeholder="operation" value={row.operation} spellCheck={false} onChange={(e) => set({ operation: e.target.value })} />
      <select aria-label={`Response kind ${n}`} value={row.kind} onChange={(e) => set({ kind: KINDS.find((k) => k.kind === e.target.value)?.kind ?? 'text' })}>
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {row.kind === 'file' ? (
        <label className="inline">
          <input
            type="file"
            aria-label={`Response file ${n}`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.arrayBuffer().then((b) => set({ file: { name: file.name, bytes: new Uint8Array(b) } }));
            }}
          />
          {row.file && <span className="muted">{`${row.file.name} (${row.file.bytes.length} B)`}</span>}
        </label>
      ) : (
        <input
          aria-label={row.kind === 'error' ? `Error message ${n}` : `Response ${n}`}
          placeholder={row.kind === 'error' ? 'error message' : row.kind === 'msgpack' ? '{"key": "value"}' : 'response text'}
          value={row.text}
          spellCheck={false}
          onChange={(e) => set({ text: e.target.value })}
        />
      )}
      <button
        type="button"
        aria-label={`Remove host response ${n}`}
        title="Remove"
        onClick={() => {
          remove(index);
          onRemoved();
        }}
      >
        ×
      </button>
    </li>
  );
}
