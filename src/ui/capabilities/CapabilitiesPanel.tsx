/** The "Capabilities" region: what the module asks of its host, and whether that is granted (DESIGN.md §4). */
import { useCapabilities } from '../../state/capabilitiesStore';
import { useModule } from '../../state/moduleStore';
import type { Capability, CapabilityRequest, ModuleAnalysis } from '../../wasm/types';
import { worldOf } from '../component/world';
import { componentImports } from './componentCapabilities';

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
  const component = current ? componentSide(current.analysis) : null;
  const requests = component?.capabilities ?? current?.analysis.capabilities ?? [];
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
      ) : requests.length === 0 && !component?.importsAny ? (
        <p className="muted">This module asks for no host capabilities.</p>
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
      {component && component.plumbing.length > 0 && (
        <p className="muted">
          Also imports {component.plumbing.join(', ')}: streams, polling and types, which need no grant.
        </p>
      )}
      {component && component.unprovided > 0 && (
        <p className="muted">
          {component.unprovided} import{component.unprovided === 1 ? '' : 's'} no host provides (listed under Function): stub them or the run fails.
        </p>
      )}
      {component?.worldError && <p className="muted">The component&apos;s imports could not all be read ({component.worldError}); this list may be short.</p>}
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

/** A component's requests from its world's imports (with what the analyser found), or null for a core module. */
function componentSide(analysis: ModuleAnalysis): { capabilities: CapabilityRequest[]; plumbing: string[]; unprovided: number; importsAny: boolean; worldError: string | null } | null {
  if (analysis.format !== 'component') return null;
  const { world, error } = worldOf(analysis);
  if (!world) return { capabilities: analysis.capabilities, plumbing: [], unprovided: 0, importsAny: analysis.capabilities.length > 0 || error !== null, worldError: error };
  const side = componentImports(world, analysis.capabilities);
  return {
    capabilities: side.capabilities,
    plumbing: side.plumbing,
    unprovided: side.unprovided.length + side.unprovidedFunctions.length,
    importsAny: world.imports.length > 0,
    worldError: error,
  };
}
