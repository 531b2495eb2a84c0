/** WASI program settings (DESIGN.md §3, §4): command line, environment, deterministic mode. Only for WASI runs. */
import { useId, useRef } from 'react';
import { argvOf, useWasi } from '../../state/wasiStore';
import { useRunnerUses } from '../run/useRunner';

export function WasiSettings() {
  const uses = useRunnerUses();
  if (!uses?.wasi) return null;
  return (
    <section className="wasi-settings panel" aria-label="WASI settings">
      <header className="panel-header">
        <h3>Program</h3>
      </header>
      <div className="wasi-body">
        <Arguments />
        <EnvEditor />
        <Deterministic />
      </div>
    </section>
  );
}

function Arguments() {
  const text = useWasi((s) => s.argvText);
  const setText = useWasi((s) => s.setArgvText);
  const parsed = argvOf({ argvText: text });
  const helpId = useId();
  const errorId = useId();
  return (
    <div className="wasi-args">
      <label htmlFor={`${helpId}-input`}>Arguments</label>
      <input
        id={`${helpId}-input`}
        type="text"
        value={text}
        placeholder={'write /data/out.txt "hello world"'}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={!parsed.ok}
        aria-describedby={`${helpId}${parsed.ok ? '' : ` ${errorId}`}`}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={helpId} className="muted hint">
        After the program name, split like a shell: quote with <code>"…"</code> or <code>'…'</code>, escape with <code>\</code>. No globbing or variables.
        {parsed.ok && parsed.argv.length > 0 && ` ${parsed.argv.length} argument${parsed.argv.length === 1 ? '' : 's'}.`}
      </p>
      {!parsed.ok && (
        <p id={errorId} className="error-text">
          {parsed.message}
        </p>
      )}
    </div>
  );
}

function EnvEditor() {
  const rows = useWasi((s) => s.env);
  const setRow = useWasi((s) => s.setEnvRow);
  const addButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const names = rows.map(([k]) => k.trim());

  const add = () => {
    useWasi.getState().addEnvRow();
    // Focus the new row's name once React has rendered it.
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  const remove = (index: number) => {
    useWasi.getState().removeEnvRow(index);
    if (index >= rows.length - 1) addButton.current?.focus();
  };

  return (
    <fieldset className="config-editor env-editor">
      <legend>Environment</legend>
      {rows.length === 0 && <p className="muted">Empty: the program sees no environment variables unless you add some.</p>}
      <ol ref={list} className="config-rows">
        {rows.map(([name, value], i) => {
          const n = i + 1;
          const bad = name.includes('=') ? 'A name may not contain "=".' : name.trim() !== '' && names.lastIndexOf(name.trim()) !== i ? 'Overridden by a later variable with the same name.' : null;
          return (
            <li key={i}>
              <input aria-label={`Env name ${n}`} placeholder="NAME" value={name} spellCheck={false} aria-invalid={bad !== null && name.includes('=')} aria-describedby={bad ? `env-note-${n}` : undefined} onChange={(e) => setRow(i, e.target.value, value)} />
              <input aria-label={`Env value ${n}`} placeholder="value" value={value} spellCheck={false} onChange={(e) => setRow(i, name, e.target.value)} />
              <button type="button" aria-label={`Remove variable ${n}`} title="Remove" onClick={() => remove(i)}>
                ×
              </button>
              {bad && (
                <span id={`env-note-${n}`} className="field-error">
                  {bad}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <button ref={addButton} type="button" onClick={add}>
        Add variable
      </button>
    </fieldset>
  );
}

function Deterministic() {
  const on = useWasi((s) => s.deterministic);
  const seed = useWasi((s) => s.seed);
  return (
    <div className="wasi-deterministic">
      <label className="inline">
        <input type="checkbox" checked={on} onChange={(e) => useWasi.getState().setDeterministic(e.target.checked)} />
        Deterministic (fixed clock, seeded random)
      </label>
      <label className="inline">
        Seed
        <input type="text" value={seed} spellCheck={false} onChange={(e) => useWasi.getState().setSeed(e.target.value)} />
      </label>
    </div>
  );
}
