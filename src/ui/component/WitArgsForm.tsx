/** The argument form of a component function: one field per WIT parameter, each checked as you type. */
import { useEffect } from 'react';
import { fieldKey, useComponent } from '../../state/componentStore';
import { useModule } from '../../state/moduleStore';
import type { WitFunction } from '../../wasm/wit/types';
import { initialText } from './fieldText';
import { WitField } from './WitField';

export function WitArgsForm({ func, fn, disabled }: { func: string; fn: WitFunction; disabled?: string | undefined }) {
  const texts = useModule((s) => s.argsByFunc[func]);
  const setArg = useModule((s) => s.setArg);
  const setArgs = useModule((s) => s.setArgs);
  const jsonMode = useComponent((s) => s.jsonMode);
  const setJsonMode = useComponent((s) => s.setJsonMode);
  const setFieldError = useComponent((s) => s.setFieldError);

  // A parameter nobody has typed in yet starts from its type's template (a link's texts are kept).
  const missing = fn.params.some((_, i) => texts?.[i] === undefined);
  useEffect(() => {
    if (!missing) return;
    const current = useModule.getState().argsByFunc[func] ?? [];
    setArgs(func, fn.params.map((p, i) => current[i] ?? initialText(p.type)));
  }, [missing, func, fn, setArgs]);

  if (disabled) return <p className="error-text">{disabled} So {fn.name} can&apos;t be run from here.</p>;
  if (fn.params.length === 0) return <p className="muted">No arguments.</p>;

  return (
    <fieldset className="args-form wit-args">
      <legend>Arguments</legend>
      {fn.params.map((param, i) => {
        const key = fieldKey(func, i);
        return (
          <WitField
            key={key}
            id={`wit-arg-${i}`}
            name={param.name}
            type={param.type}
            path={`args[${i}]`}
            text={texts?.[i] ?? ''}
            asJson={jsonMode[key] ?? false}
            onText={(text) => setArg(func, i, text)}
            onAsJson={(on) => {
              setJsonMode(key, on);
              setFieldError(key, null);
            }}
            fieldKeyName={key}
          />
        );
      })}
    </fieldset>
  );
}
