/**
 * A component's imports or exports: interfaces grouped by package with its version, each opening to
 * its functions with their WIT signatures; then the world's own functions.
 */
import type { WitFunction, WitWorldItem } from '../../wasm/wit/types';
import { formatSignature } from '../../wasm/wit/format';
import { functionTitle, groupWorldItems } from './worldGroups';

export function WorldList({ items, label, empty }: { items: readonly WitWorldItem[]; label: string; empty: string }) {
  const side = groupWorldItems(items);
  if (side.packages.length === 0 && side.functions.length === 0 && side.types.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="world-list" aria-label={label} role="group">
      {side.packages.map((g) => (
        <section key={g.pkg || '(inline)'} className="world-package">
          <h4>
            <code>{g.pkg || 'inline interfaces'}</code>
            <span className="muted">: {g.interfaces.map((i) => i.shortName).join(', ')}</span>
          </h4>
          {g.interfaces.map((iface) => (
            <details key={iface.name} className="world-interface">
              <summary>
                <code>{iface.shortName}</code>{' '}
                <span className="muted">
                  {iface.functions.length} function{iface.functions.length === 1 ? '' : 's'}
                  {iface.resources.length > 0 ? `, resources ${iface.resources.join(', ')}` : ''}
                  {iface.types.length > 0 ? `, ${iface.types.length} type${iface.types.length === 1 ? '' : 's'}` : ''}
                </span>
              </summary>
              <FunctionRows fns={iface.functions} />
            </details>
          ))}
        </section>
      ))}
      {side.functions.length > 0 && (
        <section className="world-package">
          <h4>World functions</h4>
          <FunctionRows fns={side.functions} />
        </section>
      )}
      {side.types.length > 0 && (
        <p className="muted">
          World types: <code>{side.types.join(', ')}</code>
        </p>
      )}
    </div>
  );
}

function FunctionRows({ fns }: { fns: readonly WitFunction[] }) {
  if (fns.length === 0) return <p className="muted">No functions (types only).</p>;
  return (
    <ul className="code-list">
      {fns.map((fn) => (
        <li key={fn.binaryName}>
          <code>
            {functionTitle(fn)}
            {formatSignature(fn)}
          </code>
          {fn.async && <span className="muted"> (async: listed, not callable here)</span>}
        </li>
      ))}
    </ul>
  );
}
