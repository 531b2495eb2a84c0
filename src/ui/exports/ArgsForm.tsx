/** One field per parameter; each is checked against its type as you type. */
import { useModule } from '../../state/moduleStore';
import { parseValue } from '../../wasm/values';
import type { FuncType } from '../../wasm/types';
import { isCallableFromForm } from '../../wasm/signature';

const PLACEHOLDER: Record<string, string> = { i32: 'e.g. 42', i64: 'e.g. 9007199254740993', f32: 'e.g. 1.5', f64: 'e.g. 3.14' };

export function ArgsForm({ func, type }: { func: string; type: FuncType }) {
  const texts = useModule((s) => s.argsByFunc[func]);
  const setArg = useModule((s) => s.setArg);
  if (!isCallableFromForm(type)) {
    return <p className="error-text">v128 and reference types can&apos;t be entered in the form, so {func} can&apos;t be run from here.</p>;
  }
  if (type.params.length === 0) return <p className="muted">No arguments.</p>;

  return (
    <fieldset className="args-form">
      <legend>Arguments</legend>
      {type.params.map((param, i) => {
        const text = texts?.[i] ?? '';
        const parsed = text === '' ? null : parseValue(param, text);
        const error = parsed && !parsed.ok ? parsed.message : null;
        const id = `arg-${i}`;
        return (
          <div className="arg" key={`${func}-${i}`}>
            <label htmlFor={id}>
              Argument {i + 1} <span className="type">{param}</span>
            </label>
            <input
              id={id}
              inputMode={param.startsWith('f') ? 'decimal' : 'numeric'}
              autoComplete="off"
              spellCheck={false}
              placeholder={PLACEHOLDER[param]}
              value={text}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setArg(func, i, e.target.value)}
            />
            {error && (
              <span id={`${id}-error`} className="field-error" role="alert">
                {error}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
