/** The plugin's input: text in the "Input" editor or a dropped/picked file, with its "Input type". */
import type { DragEvent } from 'react';
import { useMemo, useRef, useState } from 'react';
import { useInput } from '../../state/inputStore';
import { useRun } from '../../state/runStore';
import { CodeEditor } from '../editor/CodeEditor';
import { languageForMime } from '../editor/language';
import { formatBytes } from '../format';
import { useRunnerUses } from '../run/useRunner';
import { fileText, mimeForFile, mimeOptions } from './mimeTypes';

/** Shown for runners that take input bytes (Extism input, WASI stdin). */
export function InputPanel() {
  const uses = useRunnerUses();
  return uses?.input ? <InputPanelBody /> : null;
}

const run = () => void useRun.getState().run();
const ignore = () => {};
const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

function InputPanelBody() {
  const text = useInput((s) => s.text);
  const file = useInput((s) => s.file);
  const mime = useInput((s) => s.mime);
  const setText = useInput((s) => s.setText);
  const setFile = useInput((s) => s.setFile);
  const setMime = useInput((s) => s.setMime);
  const [dragOver, setDragOver] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  // A file's text is shown read-only; binary (or huge) files get a note instead.
  const shown = useMemo(() => (file ? fileText(file.bytes) : text), [file, text]);

  async function takeFile(f: File) {
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      setFile({ name: f.name, bytes });
      setMime(mimeForFile(f.name, f.type));
      setReadError(null);
    } catch (err) {
      setReadError(`Could not read ${f.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(e)) return;
    // Keep the drag from the window's module drop handler.
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setDragOver(true);
  };
  const onDragLeave = (e: DragEvent<HTMLDivElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDragOver(false);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    setDragOver(false);
    // The window's capture-phase listener has already cleared its overlay; stopping here keeps
    // the file from also loading as a module.
    const f = e.dataTransfer.files[0];
    if (f) void takeFile(f);
  };

  const clearFile = () => {
    setFile(null);
    picker.current?.focus();
  };

  return (
    <section className="input-panel panel">
      <header className="panel-header">
        <h3>Input</h3>
        <div className="panel-actions">
          <label className="inline">
            Type
            <select aria-label="Input type" value={mime} onChange={(e) => setMime(e.target.value)}>
              {mimeOptions(mime).map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <div className="input-drop" data-dragover={dragOver} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
        {shown !== null ? (
          <CodeEditor value={shown} onChange={file ? ignore : setText} language={languageForMime(mime)} label="Input" readOnly={file !== null} onRun={run} />
        ) : (
          <p className="binary-note">
            Binary input{file ? ` (${formatBytes(file.bytes.length)})` : ''}: it is sent to the plugin as bytes and not shown here.
          </p>
        )}
        {dragOver && (
          <div className="input-drop-hint" aria-hidden="true">
            Drop to use as input
          </div>
        )}
      </div>
      <div className="input-file-row">
        {file ? (
          <>
            <span className="input-file-name" title={file.name}>
              {file.name}
            </span>
            <span className="muted">{formatBytes(file.bytes.length)}</span>
            <button type="button" onClick={clearFile}>
              Clear input file
            </button>
          </>
        ) : (
          <span className="muted">Type above, or drop a file onto the editor, or</span>
        )}
        <label className="file-button">
          {file ? 'Replace…' : 'Choose file…'}
          <input
            ref={picker}
            type="file"
            aria-label="Input file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = ''; // so picking the same file again still fires
              if (f) void takeFile(f);
            }}
          />
        </label>
      </div>
      {file && shown !== null && <p className="muted editor-note">Showing the input file, read-only. Clear it to type the input instead.</p>}
      {readError && (
        <p className="error-text" role="alert">
          {readError}
        </p>
      )}
      <p className="muted editor-note">Ctrl/Cmd+Enter runs. In the editor, Tab indents; Ctrl+M (macOS: Ctrl+Shift+M) switches Tab to moving focus.</p>
    </section>
  );
}
