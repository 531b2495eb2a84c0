/** The "Function" combobox and the argument form typed by its signature. */
import { callableFunctions, useModule } from '../../state/moduleStore';
import { formatFuncType, isCallableFromForm } from '../../wasm/signature';
import { useEffectiveKind } from '../plugin/useEffectiveKind';
import { ArgsForm } from './ArgsForm';

export function FunctionPicker() {
  const current = useModule((s) => s.current);
  const func = useModule((s) => s.func);
  const selectFunc = useModule((s) => s.selectFunc);
  const kind = useEffectiveKind();
  if (!current) return null;
  if (current.analysis.format !== 'core') {
    return <p className="muted">Component exports are listed once component support lands (jco).</p>;
  }
  if (kind === 'extism') {
    // Plugin functions take input bytes, not arguments: plain names, no form.
    const names = callableFunctions(current, 'extism');
    if (names.length === 0) return <p className="muted">This plugin exports no callable functions.</p>;
    return (
      <div className="function-picker">
        <label>
          Function
          <select aria-label="Function" value={func ?? ''} onChange={(e) => selectFunc(e.target.value)}>
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
    );
  }
  const funcs = current.analysis.exports.filter((e) => e.desc.kind === 'func');
  if (funcs.length === 0) return <p className="muted">This module exports no functions.</p>;
  const selected = funcs.find((e) => e.name === func);

  return (
    <div className="function-picker">
      <label>
        Function
        <select aria-label="Function" value={func ?? ''} onChange={(e) => selectFunc(e.target.value)}>
          {funcs.map((e) =>
            e.desc.kind === 'func' ? (
              <option key={e.name} value={e.name} disabled={!isCallableFromForm(e.desc.type)}>
                {e.name}
                {formatFuncType(e.desc.type)}
              </option>
            ) : null,
          )}
        </select>
      </label>
      {selected && selected.desc.kind === 'func' && <ArgsForm func={selected.name} type={selected.desc.type} />}
    </div>
  );
}
