/**
 * A `list<u8>` parameter entered as text (UTF-8), hex, base64, or a file. The argument text is the
 * bytes as a JSON array; what was typed (and in which form) is kept in the component store, with
 * its error when it is not valid hex or base64 (the array can't carry that, so Run asks the store).
 */
import { useState } from 'react';
import type { BytesDraft, BytesMode } from '../../state/componentStore';
import { useComponent } from '../../state/componentStore';
import { formatBytes } from '../format';
import { bytesOfStored, toHex } from './fieldText';
import { fromBytesInput } from '../../runners/component/values';
import type { WitFieldProps } from './WitField';
import { FieldHead } from './FieldHead';

/** Bytes a file argument may have: its JSON array text is kept in the store and share links. */
export const MAX_FILE_ARG_BYTES = 1024 * 1024;

const MODES: { mode: BytesMode; label: string }[] = [
  { mode: 'text', label: 'Text' },
  { mode: 'hex', label: 'Hex' },
  { mode: 'base64', label: 'Base64' },
  { mode: 'file', label: 'File' },
];

export function BytesField({ id, path, text, onText, onAsJson, fieldKeyName, label }: WitFieldProps & { label: string }) {
  const saved = useComponent((s) => s.bytes[fieldKeyName]);
  const setBytes = useComponent((s) => s.setBytes);
  const error = useComponent((s) => s.fieldErrors[fieldKeyName]);
  const setFieldError = useComponent((s) => s.setFieldError);
  const [reading, setReading] = useState(false);
  // A text that came from a link or the JSON editor is shown as hex.
  const stored = bytesOfStored(text) ?? [];
  const draft: BytesDraft = saved ?? (stored.length ? { mode: 'hex', text: toHex(stored), file: null } : { mode: 'text', text: '', file: null });
  const errorId = `${id}-error`;

  const typed = (next: BytesDraft) => {
    setBytes(fieldKeyName, next);
    if (next.mode === 'file') return;
    const r = fromBytesInput(next.mode, next.text);
    if (r.ok) {
      setFieldError(fieldKeyName, null);
      onText(JSON.stringify(Array.from(r.value)));
    } else {
      setFieldError(fieldKeyName, `${path}: ${r.error}`);
    }
  };

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_ARG_BYTES) {
      setBytes(fieldKeyName, { ...draft, mode: 'file', file: { name: file.name, size: file.size } });
      setFieldError(fieldKeyName, `${path}: ${file.name} is ${formatBytes(file.size)}; a list<u8> argument takes up to ${formatBytes(MAX_FILE_ARG_BYTES)}. Pass larger data as input or a mounted file.`);
      return;
    }
    setReading(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      setBytes(fieldKeyName, { ...draft, mode: 'file', file: { name: file.name, size: bytes.length } });
      setFieldError(fieldKeyName, null);
      onText(JSON.stringify(Array.from(bytes)));
    } catch (err) {
      setFieldError(fieldKeyName, `${path}: ${file.name} could not be read (${err instanceof Error ? err.message : String(err)}).`);
    } finally {
      setReading(false);
    }
  };

  return (
    <div className="arg wit-arg wit-field-bytes">
      <FieldHead id={id} label={label} group={false} asJson={false} onAsJson={onAsJson} />
      <div className="bytes-modes" role="radiogroup" aria-label={`${label} as`}>
        {MODES.map((m) => (
          <label key={m.mode} className="inline">
            <input type="radio" name={`${id}-mode`} checked={draft.mode === m.mode} onChange={() => (m.mode === 'file' ? setBytes(fieldKeyName, { ...draft, mode: 'file' }) : typed({ ...draft, mode: m.mode }))} /> {m.label}
          </label>
        ))}
      </div>
      {draft.mode === 'file' ? (
        <div className="bytes-file">
          <input id={id} type="file" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} onChange={(e) => void pickFile(e.target.files?.[0])} />
          {reading ? <span className="muted">Reading…</span> : draft.file && <span className="muted">{draft.file.name}, {formatBytes(draft.file.size)}</span>}
        </div>
      ) : (
        <textarea
          id={id}
          className="json-editor"
          rows={2}
          spellCheck={false}
          placeholder={draft.mode === 'hex' ? 'e.g. 00 61 73 6d' : draft.mode === 'base64' ? 'e.g. AGFzbQ==' : 'text, sent as UTF-8'}
          value={draft.text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => typed({ ...draft, text: e.target.value })}
        />
      )}
      {!error && <span className="muted">{stored.length} bytes</span>}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
