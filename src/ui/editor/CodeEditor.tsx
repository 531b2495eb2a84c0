/**
 * A text editor that starts as a plain textarea and becomes Monaco once its lazy chunk has loaded
 * (DESIGN.md §10: first paint without Monaco). If Monaco fails to load, the textarea stays and works.
 */
import type { ComponentType } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { editor } from 'monaco-editor/editor';
import type { MonacoEditorProps } from './MonacoEditor';

export interface CodeEditorProps {
  value: string;
  onChange(text: string): void;
  /** A Monaco language id, e.g. from languageForMime(). */
  language: string;
  /** Accessible name, e.g. "Input". */
  label: string;
  readOnly?: boolean;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun(): void;
}

type MonacoComponent = ComponentType<MonacoEditorProps>;
let monacoChunk: Promise<MonacoComponent> | null = null;

/** One import for the whole page; a failed one may be retried by the next editor that mounts. */
function loadMonaco(): Promise<MonacoComponent> {
  monacoChunk ??= import('./MonacoEditor').then(
    (m) => m.default,
    (err: unknown) => {
      monacoChunk = null;
      throw err;
    },
  );
  return monacoChunk;
}

export function CodeEditor({ value, onChange, language, label, readOnly = false, onRun }: CodeEditorProps) {
  const [Monaco, setMonaco] = useState<MonacoComponent | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const shell = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    loadMonaco().then(
      (component) => live && setMonaco(() => component),
      (err: unknown) => {
        console.warn('Monaco could not be loaded; keeping the plain text box.', err);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  // The swap happens in one task: the textarea gives up its name, focus and caret to Monaco, so
  // there is never a moment with two elements named `label` or none at all.
  const handleMount = useCallback(
    (ed: editor.IStandaloneCodeEditor) => {
      const ta = fallback.current;
      const hadFocus = ta !== null && document.activeElement === ta;
      const selection = ta ? [ta.selectionStart, ta.selectionEnd] : [0, 0];
      if (ta) {
        ta.removeAttribute('aria-label');
        ta.hidden = true;
      }
      shell.current?.setAttribute('data-ready', 'true');
      ed.updateOptions({ ariaLabel: label });
      const model = ed.getModel();
      if (hadFocus && model) {
        const start = model.getPositionAt(selection[0] ?? 0);
        const end = model.getPositionAt(selection[1] ?? 0);
        ed.setSelection({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column });
        ed.focus();
      }
      setReady(true);
    },
    [label],
  );

  return (
    <div className="code-editor">
      <div className="code-editor-area" data-editor={ready ? 'monaco' : 'textarea'}>
        {!ready && (
          <textarea
            ref={fallback}
            className="code-fallback"
            aria-label={label}
            value={value}
            readOnly={readOnly}
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {Monaco && (
          <div ref={shell} className="monaco-shell" data-ready={ready ? 'true' : 'false'}>
            <Monaco
              value={value}
              onChange={onChange}
              language={language}
              readOnly={readOnly}
              ariaLabel={label}
              ready={ready}
              onMount={handleMount}
              onRun={onRun}
            />
          </div>
        )}
      </div>
      {failed && <p className="muted editor-note">The code editor could not be loaded; this plain text box works the same.</p>}
    </div>
  );
}
