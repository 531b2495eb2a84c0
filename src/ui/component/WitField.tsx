/**
 * One WIT parameter's field, labelled `name: type`: the widget for its type (checkbox, number, char,
 * text, select, checkboxes, "none" + value, bytes), or the JSON editor, which any field can switch to.
 * Errors are inline text tied to the field (aria-invalid + aria-describedby), not alerts.
 */
import type { ReactNode } from 'react';
import type { WitType } from '../../wasm/wit/types';
import { BytesField } from './BytesField';
import { FieldHead } from './FieldHead';
import { argFieldError, decodeText, encodeNumber, fieldKindOf, initialText, storedJson } from './fieldText';
import { JsonField } from './JsonField';
import { formatType } from '../../wasm/wit/format';

export interface WitFieldProps {
  id: string;
  name: string;
  type: WitType;
  /** `args[0]`: errors name it. */
  path: string;
  /** The stored JSON text. */
  text: string;
  asJson: boolean;
  onText(text: string): void;
  onAsJson(on: boolean): void;
  /** The componentStore key of this field (bytes fields keep a draft there). */
  fieldKeyName: string;
}

export function WitField(props: WitFieldProps) {
  const { id, name, type, path, text, asJson, onText, onAsJson } = props;
  const kind = fieldKindOf(type);
  const label = `${name}: ${formatType(type)}`;
  const json = asJson || kind === 'json';
  // Bytes fields check what is typed themselves (hex, base64); their stored text is always a byte array.
  const error = json || kind !== 'bytes' ? argFieldError(type, text, path) : null;
  const errorId = `${id}-error`;
  const invalid = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  } as const;

  let body: ReactNode;
  if (json) {
    body = <JsonField id={id} label={label} text={text} onText={onText} onTemplate={() => onText(initialText(type))} invalid={invalid} />;
  } else if (kind === 'bytes') {
    return <BytesField {...props} label={label} />;
  } else if (kind === 'option' && type.kind === 'option') {
    const none = text.trim() === 'null';
    body = (
      <div className="option-field">
        <label className="inline">
          <input type="checkbox" checked={none} onChange={(e) => onText(e.target.checked ? 'null' : initialText(type.type))} /> none
        </label>
        {none ? <span className="muted">{name} is none</span> : <FlatWidget id={id} type={type.type} text={text} onText={onText} invalid={invalid} />}
      </div>
    );
  } else {
    body = <FlatWidget id={id} type={type} text={text} onText={onText} invalid={invalid} />;
  }

  return (
    <div className={`arg wit-arg wit-field-${json ? 'json' : kind}`}>
      <FieldHead id={id} label={label} group={!json && (kind === 'flags' || (type.kind === 'option' && type.type.kind === 'flags'))} asJson={kind === 'json' ? null : asJson} onAsJson={onAsJson} />
      {body}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

interface WidgetProps {
  id: string;
  type: WitType;
  text: string;
  onText(text: string): void;
  invalid: { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
}

/** The widget of a flat type (bool, numbers, char, string, enum, flags). */
function FlatWidget({ id, type, text, onText, invalid }: WidgetProps) {
  switch (type.kind) {
    case 'bool':
      return <input id={id} type="checkbox" checked={storedJson(text) === true} onChange={(e) => onText(JSON.stringify(e.target.checked))} {...invalid} />;
    case 'enum':
      return (
        <select id={id} value={typeof storedJson(text) === 'string' ? String(storedJson(text)) : ''} onChange={(e) => onText(JSON.stringify(e.target.value))} {...invalid}>
          {!type.cases.includes(String(storedJson(text))) && <option value="">(choose)</option>}
          {type.cases.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      );
    case 'flags': {
      const stored = storedJson(text);
      const set = new Set(Array.isArray(stored) ? stored.filter((f): f is string => typeof f === 'string') : []);
      return (
        <div id={id} role="group" className="flags-field" aria-labelledby={`${id}-label`} {...invalid}>
          {type.flags.map((f) => (
            <label key={f} className="inline">
              <input type="checkbox" checked={set.has(f)} onChange={(e) => onText(JSON.stringify(type.flags.filter((x) => (x === f ? e.target.checked : set.has(x)))))} /> {f}
            </label>
          ))}
        </div>
      );
    }
    case 'char':
    case 'string':
      return (
        <input
          id={id}
          type="text"
          className={type.kind === 'char' ? 'char-input' : undefined}
          autoComplete="off"
          spellCheck={false}
          value={decodeText(text)}
          onChange={(e) => onText(JSON.stringify(e.target.value))}
          {...invalid}
        />
      );
    default:
      return (
        <input
          id={id}
          type="text"
          inputMode={type.kind.startsWith('f') ? 'decimal' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          placeholder={type.kind === 'u64' || type.kind === 's64' ? 'e.g. 9007199254740993' : 'e.g. 42'}
          value={decodeText(text)}
          onChange={(e) => onText(encodeNumber(type.kind, e.target.value))}
          {...invalid}
        />
      );
  }
}
