/** The "Function" combobox (the runner's callables, ABI internals under "Show all") and the argument form. */
import { useState } from 'react';
import { useModule } from '../../state/moduleStore';
import { useRunner, useRunnerUses } from '../run/useRunner';
import { ArgsForm } from './ArgsForm';

export function FunctionPicker() {
  const current = useModule((s) => s.current);
  const func = useModule((s) => s.func);
  const selectFunc = useModule((s) => s.selectFunc);
  const runner = useRunner();
  const uses = useRunnerUses();
  const [showAll, setShowAll] = useState(false);
  if (!current || !runner) return null;
  const callables = runner.callables(current.analysis);
  if (callables.length === 0) {
    return <p className="muted">{current.analysis.format === 'core' ? `This ${runner.label.toLowerCase()} exports no functions it can call.` : `${runner.label}s can't be run yet: their functions are listed once they can.`}</p>;
  }
  const internal = callables.filter((c) => c.internal).length;
  // The selected function stays listed even when it is an internal one.
  const shown = showAll ? callables : callables.filter((c) => !c.internal || c.name === func);
  const selected = callables.find((c) => c.name === func);

  return (
    <div className="function-picker">
      <label>
        Function
        <select aria-label="Function" value={func ?? ''} onChange={(e) => selectFunc(e.target.value)}>
          {shown.map((c) => (
            <option key={c.name} value={c.name} disabled={c.disabled !== undefined} title={c.disabled}>
              {c.name}
              {c.signature}
            </option>
          ))}
        </select>
      </label>
      {internal > 0 && (
        <label className="inline show-all">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show all ({internal} ABI internal{internal === 1 ? '' : 's'})
        </label>
      )}
      {selected?.params && uses?.args && <ArgsForm func={selected.name} params={selected.params} disabled={selected.disabled} />}
    </div>
  );
}
