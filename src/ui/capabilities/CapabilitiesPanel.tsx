/** The "Capabilities" region: what the module asks of its host, and whether that is granted (DESIGN.md §4). */
import { useCapabilities } from '../../state/capabilitiesStore';
import { useModule } from '../../state/moduleStore';
import type { Capability } from '../../wasm/types';

const DESCRIPTIONS: Record<Capability, { label: string; byDefault: 'granted' | 'denied' | 'not offered' }> = {
  stdout: { label: 'Console output (stdout/stderr, logs)', byDefault: 'granted' },
  stdin: { label: 'Standard input', byDefault: 'granted' },
  args: { label: 'Command-line arguments', byDefault: 'granted' },
  env: { label: 'Environment variables (empty unless you set some)', byDefault: 'granted' },
  clock: { label: 'Clocks and timers', byDefault: 'granted' },
  random: { label: 'Random numbers', byDefault: 'granted' },
  'proc-exit': { label: 'Exit with a code', byDefault: 'granted' },
  config: { label: 'Plugin config', byDefault: 'granted' },
  vars: { label: 'Plugin variables', byDefault: 'granted' },
  filesystem: { label: 'Files (IndexedDB volumes mounted at guest paths)', byDefault: 'denied' },
  network: { label: 'Network (fetch to allowed hosts)', byDefault: 'denied' },
  sockets: { label: 'Sockets', byDefault: 'not offered' },
};

export function CapabilitiesPanel() {
  const current = useModule((s) => s.current);
  const requests = current?.analysis.capabilities ?? [];
  // Shown with or without a module: network is denied by default even to modules that do not declare it.
  const mounts = useCapabilities((s) => s.mounts);
  const hosts = useCapabilities((s) => s.hosts);
  return (
    <section className="capabilities panel" aria-label="Capabilities">
      <header className="panel-header">
        <h3>Capabilities</h3>
      </header>
      {!current ? (
        <p className="muted">Load a module to see what it asks of its host.</p>
      ) : requests.length === 0 ? (
        <p className="muted">This module asks for no host capabilities.</p>
      ) : (
        <ul className="capability-list">
          {requests.map((r) => {
            const d = DESCRIPTIONS[r.capability];
            const state = grantState(r.capability, d.byDefault, mounts.length, hosts.length);
            return (
              <li key={r.capability} data-capability={r.capability}>
                <span className={`grant ${state.replace(' ', '-')}`}>{state}</span> {d.label}
                {r.capability === 'filesystem' && mounts.length > 0 && <span className="muted"> ({mounts.map((m) => m.guestPath).join(', ')})</span>}
                <span className="muted via" title={r.via.join('\n')}>
                  {' '}
                  via {r.via.slice(0, 3).join(', ')}
                  {r.via.length > 3 ? ` +${r.via.length - 3}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <AllowedHosts />
    </section>
  );
}

/** The network allowlist: exact hosts or `*.example.com` (DESIGN.md §4). */
function AllowedHosts() {
  const text = useCapabilities((s) => s.allowedHostsText);
  const invalid = useCapabilities((s) => s.invalidHosts);
  const setText = useCapabilities((s) => s.setAllowedHostsText);
  const hasError = invalid.length > 0;

  return (
    <div className="allowed-hosts">
      <label htmlFor="allowed-hosts">Allowed hosts</label>
      <input
        id="allowed-hosts"
        type="text"
        value={text}
        placeholder="api.example.com, *.example.org"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={hasError}
        aria-describedby={`allowed-hosts-help${hasError ? ' allowed-hosts-error' : ''}`}
        onChange={(e) => setText(e.target.value)}
      />
      <p id="allowed-hosts-help" className="muted hint">
        Network access is denied unless the host is listed. Separate with commas or spaces. <code>api.example.com</code> allows exactly that host
        (on any port; <code>api.example.com:8080</code> on one); <code>*.example.com</code> allows its subdomains, not <code>example.com</code> itself.
      </p>
      {hasError && (
        <p id="allowed-hosts-error" className="error-text">
          Not a host: {invalid.join(', ')}
        </p>
      )}
    </div>
  );
}

/** What the user granted changes the default: mounts grant files, allowed hosts grant network. */
function grantState(capability: Capability, byDefault: string, mounts: number, hosts: number): string {
  if (capability === 'filesystem' && mounts > 0) return 'granted';
  if (capability === 'network' && hosts > 0) return 'granted';
  return byDefault;
}
