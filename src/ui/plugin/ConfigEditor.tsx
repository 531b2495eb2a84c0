/** The plugin's config as key/value rows (group "Config"); empty keys are ignored, the last duplicate wins. */
import { useRef } from 'react';
import { usePlugin } from '../../state/pluginStore';

export function ConfigEditor() {
  const rows = usePlugin((s) => s.config);
  const setRow = usePlugin((s) => s.setConfigRow);
  const addRow = usePlugin((s) => s.addConfigRow);
  const removeRow = usePlugin((s) => s.removeConfigRow);
  const addButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const keys = rows.map(([k]) => k.trim());

  const add = () => {
    addRow();
    // Focus the new row's key once React has rendered it.
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  const remove = (index: number) => {
    removeRow(index);
    // The row's button disappears with it; keep focus on the next row, or on "Add".
    if (index >= rows.length - 1) addButton.current?.focus();
  };

  return (
    <fieldset className="config-editor">
      <legend>Config</legend>
      {rows.length === 0 && <p className="muted">No config. Plugins read these with config_get.</p>}
      <ol ref={list} className="config-rows">
        {rows.map(([key, value], i) => {
          const n = i + 1;
          const duplicate = key.trim() !== '' && keys.lastIndexOf(key.trim()) !== i;
          return (
            <li key={i}>
              <input
                aria-label={`Config key ${n}`}
                placeholder="key"
                value={key}
                spellCheck={false}
                aria-describedby={duplicate ? `config-dup-${n}` : undefined}
                onChange={(e) => setRow(i, e.target.value, value)}
              />
              <input aria-label={`Config value ${n}`} placeholder="value" value={value} spellCheck={false} onChange={(e) => setRow(i, key, e.target.value)} />
              <button type="button" aria-label={`Remove config entry ${n}`} title="Remove" onClick={() => remove(i)}>
                ×
              </button>
              {duplicate && (
                <span id={`config-dup-${n}`} className="field-error">
                  Overridden by a later entry with the same key.
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <button ref={addButton} type="button" onClick={add}>
        Add config entry
      </button>
    </fieldset>
  );
}
