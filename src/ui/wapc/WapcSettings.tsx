/** waPC guest settings: the Operation (recent ones offered), the MessagePack switch, and the host responses. Only for waPC runs. */
import { useEffect } from 'react';
import { usePlugin } from '../../state/pluginStore';
import { useRun } from '../../state/runStore';
import { useWapc } from '../../state/wapcStore';
import { useRunnerUses } from '../run/useRunner';
import { HostResponsesEditor } from './HostResponsesEditor';

export function WapcSettings() {
  const uses = useRunnerUses();
  const operation = useWapc((s) => s.operation);
  const setOperation = useWapc((s) => s.setOperation);
  const recent = useWapc((s) => s.recent);
  const msgpackInput = useWapc((s) => s.msgpackInput);
  const setMsgpackInput = useWapc((s) => s.setMsgpackInput);
  const running = useRun((s) => s.running);
  // The same switch as a plugin's: a kept instance keeps what wapc_init registered (and its memory).
  const fresh = usePlugin((s) => s.freshInstance);
  const setFresh = usePlugin((s) => s.setFreshInstance);

  // A run that starts is the operation "used": it joins the recent list.
  useEffect(() => {
    if (running && uses?.operation) useWapc.getState().rememberOperation(useWapc.getState().operation.trim());
  }, [running, uses?.operation]);

  if (!uses?.operation) return null;
  return (
    <section className="wapc-settings panel" aria-label="waPC guest">
      <header className="panel-header">
        <h3>waPC guest</h3>
      </header>
      <div className="plugin-body">
        <label className="inline">
          Operation
          <input aria-label="Operation" list="wapc-recent-operations" placeholder="e.g. echo" value={operation} spellCheck={false} onChange={(e) => setOperation(e.target.value)} />
        </label>
        <datalist id="wapc-recent-operations">
          {recent.map((op) => (
            <option key={op} value={op} />
          ))}
        </datalist>
        {recent.length > 0 && (
          <p className="muted recent-operations">
            Recent:{' '}
            {recent.map((op) => (
              <button key={op} type="button" className="link-button" aria-label={`Use operation ${op}`} onClick={() => setOperation(op)}>
                {op}
              </button>
            ))}
          </p>
        )}
        <label className="inline" title="The Input is read as JSON and sent to the guest as MessagePack">
          <input type="checkbox" checked={msgpackInput} onChange={(e) => setMsgpackInput(e.target.checked)} />
          Encode input as MessagePack (from JSON)
        </label>
        <label className="inline" title="Otherwise the instance (and what its init registered) is kept between runs">
          <input type="checkbox" checked={fresh} onChange={(e) => setFresh(e.target.checked)} />
          Fresh instance per run
        </label>
        <HostResponsesEditor />
      </div>
    </section>
  );
}
