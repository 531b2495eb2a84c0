/**
 * A component's imports that no host here provides (non-WASI interfaces, world-level functions),
 * by interface and function with WIT types, and the switch that stubs them.
 */
import type { WitFunction, WitInterface } from '../../wasm/wit/types';
import { formatSignature } from '../../wasm/wit/format';

export function ComponentImportsNotice({ interfaces, functions, stub, setStub }: { interfaces: WitInterface[]; functions: WitFunction[]; stub: boolean; setStub(on: boolean): void }) {
  const count = interfaces.reduce((n, i) => n + i.functions.length, 0) + functions.length;
  return (
    <div className="imports-notice" role="group" aria-label="Missing imports">
      <p>
        <strong>
          This component imports {count} function{count === 1 ? '' : 's'} that no host provides
        </strong>{' '}
        <span className="muted">
          ({interfaces.length} interface{interfaces.length === 1 ? '' : 's'}
          {functions.length ? `, ${functions.length} world function${functions.length === 1 ? '' : 's'}` : ''})
        </span>
      </p>
      {interfaces.map((iface) => (
        <div key={iface.name}>
          <code className="import-module">{iface.name}</code> <span className="muted">({iface.functions.length})</span>
          <ul>
            {iface.functions.map((fn) => (
              <li key={fn.binaryName}>
                <code>
                  {fn.resource ? `${fn.resource}.` : ''}
                  {fn.name}
                  {formatSignature(fn)}
                </code>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {functions.length > 0 && (
        <ul>
          {functions.map((fn) => (
            <li key={fn.binaryName}>
              <code>
                {fn.name}
                {formatSignature(fn)}
              </code>
            </li>
          ))}
        </ul>
      )}
      <label className="inline">
        <input type="checkbox" checked={stub} aria-describedby="stub-help" onChange={(e) => setStub(e.target.checked)} /> Stub missing imports
      </label>
      <p id="stub-help" className="muted">
        Stubs return their type&apos;s default (0, &quot;&quot;, an empty list, none, ok with a default, the first enum case) and every call is logged in the Console.
      </p>
    </div>
  );
}
