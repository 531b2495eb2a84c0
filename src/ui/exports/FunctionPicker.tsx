/**
 * The "Function" combobox (the runner's callables grouped by interface, ABI internals under "Show
 * all") and the argument form: typed fields for core signatures, WIT fields for components, the
 * Request form for a wasi:http incoming handler.
 */
import { useState } from 'react';
import type { Callable } from '../../runners/types';
import { isIncomingHandler } from '../../state/httpRequestStore';
import { HttpRequestForm } from '../component/HttpRequestForm';
import { InstanceControls } from '../component/InstanceControls';
import { WitArgsForm } from '../component/WitArgsForm';
import { useModule } from '../../state/moduleStore';
import { useRunner, useRunnerUses } from '../run/useRunner';
import { ArgsForm } from './ArgsForm';
import { groupCallables, optionLabel } from './groupCallables';

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
          {groupCallables(shown).map((g, i) =>
            g.group === null ? (
              g.items.map((c) => <FunctionOption key={c.name} c={c} />)
            ) : (
              <optgroup key={`${g.group}-${i}`} label={g.group}>
                {g.items.map((c) => (
                  <FunctionOption key={c.name} c={c} />
                ))}
              </optgroup>
            ),
          )}
        </select>
      </label>
      {internal > 0 && (
        <label className="inline show-all">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show all ({internal} ABI internal{internal === 1 ? '' : 's'})
        </label>
      )}
      {selected?.params && uses?.args && <ArgsForm func={selected.name} params={selected.params} disabled={selected.disabled} />}
      {selected?.wit && uses?.args && <WitArgsForm func={selected.name} fn={selected.wit} disabled={selected.disabled} />}
      {selected?.wit && uses?.args && <InstanceControls />}
      {isIncomingHandler(func) && <HttpRequestForm />}
    </div>
  );
}

function FunctionOption({ c }: { c: Callable }) {
  return (
    <option value={c.name} disabled={c.disabled !== undefined} title={c.disabled ?? c.name}>
      {optionLabel(c)}
    </option>
  );
}
