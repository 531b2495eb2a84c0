/** One field per parameter; each is checked against its type as you type. */
import { useModule } from '../../state/moduleStore';
import { parseValue } from '../../wasm/values';
import type { ValType } from '../../wasm/types';

const PLACEHOLDER: Record<string, string> = { i32: 'e.g. 42', i64: 'e.g. 9007199254740993', f32: 'e.g. 1.5', f64: 'e.g. 3.14' };

export function ArgsForm({ func, params, disabled }: { func: string; params: ValType[]; disabled?: string | undefined }) {
  const texts = useModule((s) => s.argsByFunc[func]);
  const setArg = useModule((s) => s.setArg);
  if (disabled) return <p className="error-text">{disabled} So {func} can&apos;t be run from here.</p>;
  if (params.length === 0) return <p className="muted">No arguments.</p>;

  return (
    <fieldset className="args-form">
      <legend>Arguments</legend>
      {params.map((param, i) => {
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
