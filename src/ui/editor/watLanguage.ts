/** The WAT language for Monaco: Monarch tokens, brackets, comments, and snippets for module/func/export. */
import type * as Monaco from 'monaco-editor/editor';
import { WAT_KEYWORDS, WAT_TYPES } from '../wat/watTokens';

export const WAT_LANGUAGE = 'wat';
let registered = false;

export function registerWat(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: WAT_LANGUAGE, extensions: ['.wat', '.wast'], aliases: ['WebAssembly text', 'WAT'] });
  monaco.languages.setLanguageConfiguration(WAT_LANGUAGE, {
    comments: { lineComment: ';;', blockComment: ['(;', ';)'] },
    brackets: [['(', ')']],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '(', close: ')' },
      { open: '"', close: '"' },
    ],
  });
  monaco.languages.setMonarchTokensProvider(WAT_LANGUAGE, {
    keywords: WAT_KEYWORDS,
    typeKeywords: WAT_TYPES,
    tokenizer: {
      root: [
        [/;;.*$/, 'comment'],
        [/\(;/, 'comment', '@comment'],
        [/"/, 'string', '@string'],
        [/\$[^\s()";]+/, 'variable'],
        [/[+-]?(?:0x[0-9a-fA-F_]+(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?\d+)?|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?|inf|nan(?::0x[0-9a-fA-F]+)?)(?![\w.$])/, 'number'],
        [/[a-z][\w.]*\.[\w.=]+/, 'keyword.instruction'],
        [/[a-z][\w.]*/, { cases: { '@keywords': 'keyword', '@typeKeywords': 'type', '@default': 'identifier' } }],
        [/[()]/, '@brackets'],
      ],
      comment: [
        [/[^(;]+/, 'comment'],
        [/\(;/, 'comment', '@push'],
        [/;\)/, 'comment', '@pop'],
        [/[(;]/, 'comment'],
      ],
      string: [
        [/[^\\"]+/, 'string'],
        [/\\./, 'string.escape'],
        [/"/, 'string', '@pop'],
      ],
    },
  });
  const snippet = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
  const kind = monaco.languages.CompletionItemKind.Snippet;
  const snippets: [string, string, string][] = [
    ['module', '(module\n\t$0\n)', 'A module'],
    ['func', '(func \\$${1:name} (param \\$${2:a} ${3:i32}) (result ${4:i32})\n\t$0\n)', 'A function'],
    ['export', '(export "${1:name}" (func \\$${2:name}))', 'Export a function'],
    ['func export', '(func \\$${1:name} (export "${1:name}") (param \\$${2:a} ${3:i32}) (result ${4:i32})\n\t$0\n)', 'An exported function'],
    ['memory', '(memory (export "${1:memory}") ${2:1})', 'A memory of 64 KiB pages'],
  ];
  monaco.languages.registerCompletionItemProvider(WAT_LANGUAGE, {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      return { suggestions: snippets.map(([label, insertText, documentation]) => ({ label, kind, insertText, insertTextRules: snippet, documentation, range })) };
    },
  });
}
