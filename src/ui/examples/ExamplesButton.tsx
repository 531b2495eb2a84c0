/** "Examples": a menu of the gallery; picking one opens it ready to run (examplesStore). */
import { useEffect, useId, useRef, useState } from 'react';
import { useExamples, type Example } from '../../state/examplesStore';
import { kindLabel } from '../../runners/registry';
import './examples.css';

export function ExamplesButton() {
  const [open, setOpen] = useState(false);
  const examples = useExamples((s) => s.examples);
  const error = useExamples((s) => s.error);
  const fetchList = useExamples((s) => s.fetchList);
  const openExample = useExamples((s) => s.open);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) void fetchList();
  }, [open, fetchList]);

  // As a menu does: focus moves to the first example once the list is there.
  useEffect(() => {
    if (open && examples) panel.current?.querySelector('button')?.focus();
  }, [open, examples]);

  // Escape or a click elsewhere closes the menu; Escape gives focus back to the button.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const pick = (example: Example) => {
    setOpen(false);
    void openExample(example);
  };

  return (
    <div className="examples">
      <button ref={button} type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Examples
      </button>
      {open && (
        <div ref={panel} id={listId} className="examples-menu" role="dialog" aria-label="Examples">
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          {!examples && !error && <p className="muted">Loading the examples…</p>}
          {examples && (
            <ul aria-label="Examples list">
              {examples.map((example) => (
                <li key={example.id}>
                  <button type="button" aria-label={example.title} aria-describedby={`${listId}-${example.id}`} onClick={() => pick(example)}>
                    <span className="examples-title">{example.title}</span>
                    <span className="examples-kind">{kindLabel(example.kind)}</span>
                    <span id={`${listId}-${example.id}`} className="muted">
                      {example.teaches}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
