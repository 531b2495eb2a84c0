/** The Monaco half of CodeEditor: loaded lazily, with the bundled Monaco (see monacoSetup.ts). */
import { useDarkScheme } from './useDarkScheme';
import Editor from '@monaco-editor/react';
import type { editor } from 'monaco-editor/editor';
import { useEffect, useMemo, useRef } from 'react';
import { monaco } from './monacoSetup';

export interface MonacoEditorProps {
  value: string;
  onChange(text: string): void;
  language: string;
  readOnly: boolean;
  /** Accessible name of the editor's textarea; held back until `ready` so only one element carries it. */
  ariaLabel: string;
  ready: boolean;
  onMount(editor: editor.IStandaloneCodeEditor): void;
  /** Ctrl/Cmd+Enter: Monaco swallows the key, so the window shortcut never sees it. */
  onRun(): void;
}


export default function MonacoEditor({ value, onChange, language, readOnly, ariaLabel, ready, onMount, onRun }: MonacoEditorProps) {
  const dark = useDarkScheme();
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  }, [onRun]);

  // A new options object makes the wrapper call updateOptions, so keep it stable.
  const options = useMemo<editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel: ready ? ariaLabel : 'Loading editor',
      readOnly,
      // A plain textarea (not EditContext) keeps the accessible name on a textbox and works with fill().
      editContext: false,
      minimap: { enabled: false },
      wordWrap: 'on',
      scrollBeyondLastLine: false,
      lineNumbersMinChars: 3,
      fontSize: 13,
      tabSize: 2,
      fixedOverflowWidgets: true,
      automaticLayout: true,
    }),
    [ariaLabel, ready, readOnly],
  );

  return (
    <Editor
      value={value}
      language={language}
      theme={dark ? 'vs-dark' : 'vs'}
      options={options}
      loading={null}
      onChange={(text, event) => {
        // setValue() from a new `value` (e.g. a read-only file view) is a flush, not an edit: the
        // wrapper reports it with the previous onChange, which would copy it into the old owner.
        if (!event.isFlush) onChange(text ?? '');
      }}
      onMount={(ed) => {
        // Input bytes are what was typed: "\n" line ends, as a textarea gives, whatever OS Monaco
        // guesses from the user agent (it would use "\r\n" for Windows, and the plugin would see it).
        const lf = () => ed.getModel()?.setEOL(monaco.editor.EndOfLineSequence.LF);
        lf();
        ed.onDidChangeModel(lf);
        ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current());
        onMount(ed);
      }}
    />
  );
}
