/** The "Vars" region: what the plugin stored with var_set, kept across runs until "Reset". */
import { useModule } from '../../state/moduleStore';
import { usePlugin } from '../../state/pluginStore';
import { formatBytes } from '../format';

const decoder = new TextDecoder('utf-8', { fatal: true });
const HEX_PREVIEW = 32;

/** Text if the bytes are printable UTF-8, else hex (first 32 bytes) and the size. */
export function describeVar(bytes: Uint8Array): { text: string; binary: boolean } {
  try {
    const text = decoder.decode(bytes);
    // Control characters other than tab/newline mean it is really binary (e.g. a u64 counter).
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { text, binary: false };
  } catch {
    // not UTF-8
  }
  const hex = Array.from(bytes.subarray(0, HEX_PREVIEW), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return { text: `${hex}${bytes.length > HEX_PREVIEW ? ' …' : ''} (${formatBytes(bytes.length)})`, binary: true };
}

export function VarsView() {
  const vars = usePlugin((s) => s.vars);
  const moduleId = useModule((s) => s.current?.id ?? null);

  return (
    <section className="vars-view" aria-label="Vars">
      <div className="vars-header">
        <h4>Vars</h4>
        <button type="button" disabled={!moduleId} onClick={() => moduleId && usePlugin.getState().resetVars(moduleId)} title="Forget all vars of this plugin">
          Reset
        </button>
      </div>
      {vars.length === 0 ? (
        <p className="muted">No vars yet. They persist across runs while this plugin stays loaded.</p>
      ) : (
        <dl className="vars-list">
          {vars.map(([name, bytes]) => {
            const { text, binary } = describeVar(bytes);
            return (
              <div key={name} className="var">
                <dt>{name}</dt>
                <dd className={binary ? 'hex' : 'text'}>{text}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
