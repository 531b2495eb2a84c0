/** The "Capabilities" region: what the module asks of its host, and whether that is granted (DESIGN.md §4). */
import { useCapabilities } from '../../state/capabilitiesStore';
import { useModule } from '../../state/moduleStore';
import { useLayout } from '../../state/layoutStore';
import type { Capability } from '../../wasm/types';
import { useModuleRequests, useRelevance } from './relevance';

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
  const side = useModuleRequests();
  const component = current?.analysis.format === 'component' ? side : null;
  const requests = side?.capabilities ?? [];
  const unprovided = side?.unprovided ?? 0;
  // Shown with or without a module: network is denied by default even to modules that do not declare it.
  const mounts = useCapabilities((s) => s.mounts);
  const hosts = useCapabilities((s) => s.hosts);
  const relevant = useRelevance();
  return (
    <section className="capabilities panel" aria-label="Capabilities">
      <header className="panel-header">
        <h3>Capabilities</h3>
      </header>
      {!current ? (
        <p className="muted">Load a module to see what it asks of its host.</p>
      ) : requests.length === 0 && unprovided > 0 ? (
        // Unmet imports are a question about the host, not an absence of requests.
        <p className="capability-question">
          <strong>
            {unprovided} import{unprovided === 1 ? '' : 's'} nothing provides.
          </strong>{' '}
          <span className="muted">They are listed under Function: stub them, or the run fails.</span>
        </p>
      ) : requests.length === 0 && !side?.importsAny ? (
        <p className="muted">This module imports nothing, so it asks for no host capabilities.</p>
      ) : requests.length === 0 ? (
        <p className="muted">{component?.worldError ? "The component's imports could not be read, so what it asks of its host is unknown." : 'No host capabilities: its imports need no grant.'}</p>
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
      {requests.length > 0 && unprovided > 0 && (
        <p className="capability-question">
          <strong>
            Also {unprovided} import{unprovided === 1 ? '' : 's'} nothing provides
          </strong>{' '}
          <span className="muted">(listed under Function): stub them, or the run fails.</span>
        </p>
      )}
      {component && component.plumbing.length > 0 && (
        <p className="muted">
          Also imports {component.plumbing.join(', ')}: streams, polling and types, which need no grant.
        </p>
      )}
      {component?.worldError && <p className="muted">The component&apos;s imports could not all be read ({component.worldError}); this list may be short.</p>}
      {relevant.network ? <AllowedHosts /> : <RevealButtons files={relevant.files} />}
      {relevant.network && !relevant.files && <RevealButtons files={false} networkShown />}
    </section>
  );
}

/** "Add network access…" and "Mount a folder…": the controls a module did not ask for, on request. */
function RevealButtons({ files, networkShown = false }: { files: boolean; networkShown?: boolean }) {
  const focusSoon = (selector: string) => requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
  if (networkShown && files) return null;
  return (
    <div className="reveal-controls">
      {!networkShown && (
        <button
          type="button"
          onClick={() => {
            useLayout.getState().revealNetwork();
            focusSoon('#allowed-hosts');
          }}
        >
          Add network access…
        </button>
      )}
      {!files && (
        <button
          type="button"
          onClick={() => {
            useLayout.getState().revealMounts();
            focusSoon('.add-mount select');
          }}
        >
          Mount a folder…
        </button>
      )}
    </div>
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
