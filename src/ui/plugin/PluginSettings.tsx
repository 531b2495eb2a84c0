/** Extism plugin settings: config, log level, instance reuse, and the vars view. Only for Extism runs. */
import type { LogLevel } from '../../model/run';
import { usePlugin } from '../../state/pluginStore';
import { ConfigEditor } from './ConfigEditor';
import { ManifestSummary } from './ManifestSummary';
import { VarsView } from './VarsView';
import { useRunnerUses } from '../run/useRunner';

const LOG_LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'off'];

export function PluginSettings() {
  const uses = useRunnerUses();
  const logLevel = usePlugin((s) => s.logLevel);
  const setLogLevel = usePlugin((s) => s.setLogLevel);
  const fresh = usePlugin((s) => s.freshInstance);
  const setFresh = usePlugin((s) => s.setFreshInstance);
  if (!uses?.plugin) return null;

  return (
    <section className="plugin-settings panel" aria-label="Plugin settings">
      <header className="panel-header">
        <h3>Plugin</h3>
      </header>
      <div className="plugin-body">
        <ManifestSummary />
        <ConfigEditor />
        <div className="plugin-options">
          <label className="inline">
            Log level
            <select aria-label="Log level" value={logLevel} onChange={(e) => setLogLevel(LOG_LEVELS.find((l) => l === e.target.value) ?? 'info')}>
              {LOG_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label className="inline" title="Otherwise the instance (and its memory) is kept between runs">
            <input type="checkbox" checked={fresh} onChange={(e) => setFresh(e.target.checked)} />
            Fresh instance per run
          </label>
        </div>
        <VarsView />
      </div>
    </section>
  );
}
