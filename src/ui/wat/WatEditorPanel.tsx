/**
 * The WAT editor ("New WAT", "Edit as WAT"): Monaco with the WAT language, loaded lazily (a plain
 * text box until then), compiled with Ctrl/Cmd+S, the Compile button, or after a pause in typing.
 */
import type { ComponentType } from 'react';
import { useEffect, useState } from 'react';
import { useWatEditor } from '../../state/watEditorStore';
import { useRun } from '../../state/runStore';
import type { WatMonacoProps } from '../editor/WatMonaco';
import './wat.css';

/** Quiet time after the last keystroke before compiling on its own. */
export const AUTO_COMPILE_MS = 1200;
const LABEL = 'WAT source';

type Lazy = ComponentType<WatMonacoProps>;
let chunk: Promise<Lazy> | null = null;
function loadEditor(): Promise<Lazy> {
  chunk ??= import('../editor/WatMonaco').then(
    (m) => m.default,
    (err: unknown) => {
      chunk = null;
      throw err;
    },
  );
  return chunk;
}

export function WatEditorPanel() {
  const open = useWatEditor((s) => s.open);
  if (!open) return null;
  return <EditorBody />;
}

function EditorBody() {
  const { text, status, errors, message, compiledText, setText, compile, close } = useWatEditor();
  const run = useRun((s) => s.run);
  const [Monaco, setMonaco] = useState<Lazy | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadEditor().then(
      (c) => live && setMonaco(() => c),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  // Compile on its own once typing pauses (and the text differs from what is loaded).
  useEffect(() => {
    if (text === compiledText) return;
    const timer = setTimeout(() => void useWatEditor.getState().compileIfChanged(), AUTO_COMPILE_MS);
    return () => clearTimeout(timer);
  }, [text, compiledText]);

  const changed = text !== compiledText;
  const statusText =
    status === 'compiling' ? 'Compiling…' : status === 'error' ? `${errors.length} error${errors.length === 1 ? '' : 's'}` : changed ? 'Changed since the last compile' : (message ?? (status === 'ok' ? 'Compiled.' : 'Not compiled yet'));
  return (
    <section className="wat-editor panel" aria-label="WAT editor">
      <div className="wat-actions">
        <button type="button" aria-keyshortcuts="Control+S Meta+S" onClick={() => void compile()} disabled={status === 'compiling'}>
          Compile
        </button>
        <span className="muted" role="status" aria-label="Compile status">
          {statusText}
        </span>
        <button type="button" className="link wat-close" onClick={close}>
          Close editor
        </button>
      </div>
      {message && status !== 'ok' && <p className="muted">{message}</p>}
      <div className="wat-editor-area" data-editor={ready ? 'monaco' : 'textarea'}>
        {!ready && (
          <textarea
            className="code-fallback"
            aria-label={LABEL}
            value={text}
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key === 's') {
                e.preventDefault();
                void compile();
              }
            }}
          />
        )}
        {Monaco && (
          <div className="monaco-shell" data-ready={ready ? 'true' : 'false'}>
            <Monaco value={text} onChange={setText} ariaLabel={ready ? LABEL : 'Loading editor'} errors={errors} onCompile={() => void compile()} onRun={() => void run()} onMount={() => setReady(true)} />
          </div>
        )}
      </div>
      {errors.length > 0 && (
        <ul className="wat-errors" aria-label="Compile errors">
          {errors.map((e, i) => (
            <li key={i} className="error-text">
              Line {e.line}, column {e.column}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {failed && <p className="muted editor-note">The code editor could not be loaded; this plain text box works the same (Ctrl/Cmd+S compiles).</p>}
    </section>
  );
}
