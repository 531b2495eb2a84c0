/** Monaco with the WAT language and compile errors as markers: the lazy half of the WAT editor. */
import { useDarkScheme } from './useDarkScheme';
import Editor from '@monaco-editor/react';
import type { editor } from 'monaco-editor/editor';
import { useEffect, useMemo, useRef, useState } from 'react';
import { monaco } from './monacoSetup';
import { registerWat, WAT_LANGUAGE } from './watLanguage';

export interface WatMonacoProps {
  value: string;
  onChange(text: string): void;
  /** Accessible name of the editor's textbox. */
  ariaLabel: string;
  /** Errors to mark (1-based line and column). */
  errors: { line: number; column: number; message: string }[];
  /** Ctrl/Cmd+S. */
  onCompile(): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  onMount(): void;
}

const OPTIONS: editor.IStandaloneEditorConstructionOptions = {
  editContext: false,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  lineNumbersMinChars: 3,
  fontSize: 13,
  tabSize: 2,
  fixedOverflowWidgets: true,
  automaticLayout: true,
  folding: true,
};

export default function WatMonaco({ value, onChange, ariaLabel, errors, onCompile, onRun, onMount }: WatMonacoProps) {
  const dark = useDarkScheme();
  const [ed, setEd] = useState<editor.IStandaloneCodeEditor | null>(null);
  // A new options object makes the wrapper call updateOptions.
  const options = useMemo(() => ({ ...OPTIONS, ariaLabel }), [ariaLabel]);
  const handlers = useRef({ onCompile, onRun });
  useEffect(() => {
    handlers.current = { onCompile, onRun };
  }, [onCompile, onRun]);

  useEffect(() => {
    const model = ed?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'wat',
      errors.map((e) => {
        const line = Math.min(Math.max(1, e.line), model.getLineCount());
        const column = Math.min(Math.max(1, e.column), model.getLineMaxColumn(line));
        const word = model.getWordAtPosition({ lineNumber: line, column });
        return { severity: monaco.MarkerSeverity.Error, message: e.message, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: word ? word.endColumn : Math.min(column + 1, model.getLineMaxColumn(line)) };
      }),
    );
  }, [ed, errors]);

  return (
    <Editor
      value={value}
      language={WAT_LANGUAGE}
      theme={dark ? 'vs-dark' : 'vs'}
      options={options}
      loading={null}
      beforeMount={(m) => registerWat(m)}
      onChange={(text, event) => {
        if (!event.isFlush) onChange(text ?? '');
      }}
      onMount={(instance) => {
        instance.getModel()?.setEOL(monaco.editor.EndOfLineSequence.LF);
        instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => handlers.current.onCompile());
        instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onRun());
        setEd(instance);
        onMount();
      }}
    />
  );
}
