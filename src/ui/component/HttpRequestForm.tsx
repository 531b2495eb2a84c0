/**
 * The Request form of a proxy component's wasi:http incoming handler: method, path and query,
 * headers, body (text, JSON or a file). Run sends it; the response's status and headers show above
 * the Output, its body in it.
 */
import type { BodyKind } from '../../state/httpRequestStore';
import { HTTP_METHODS, incomingRequestOf, useHttpRequest } from '../../state/httpRequestStore';
import { formatBytes } from '../format';

const BODY_KINDS: { kind: BodyKind; label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'json', label: 'JSON' },
  { kind: 'file', label: 'File' },
];

export function HttpRequestForm() {
  const s = useHttpRequest();
  const checked = incomingRequestOf(s);
  const noBody = s.method === 'GET' || s.method === 'HEAD';
  return (
    <section className="http-request" aria-labelledby="http-request-title">
      <h4 id="http-request-title">Request</h4>
      <p className="muted">Send an HTTP request to the component&apos;s incoming handler: press Run to send it.</p>
      <div className="http-line">
        <label className="inline">
          Method
          <select value={s.method} onChange={(e) => s.setMethod(e.target.value)}>
            {HTTP_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="inline grow">
          Path and query
          <input type="text" value={s.target} spellCheck={false} autoComplete="off" placeholder="/hello?name=wasm" onChange={(e) => s.setTarget(e.target.value)} />
        </label>
      </div>
      <fieldset className="http-headers">
        <legend>Headers</legend>
        {s.headers.map(([name, value], i) => (
          <div className="header-row" key={i}>
            <input type="text" aria-label={`Header ${i + 1} name`} placeholder="name" value={name} spellCheck={false} onChange={(e) => s.setHeader(i, e.target.value, value)} />
            <input type="text" aria-label={`Header ${i + 1} value`} placeholder="value" value={value} spellCheck={false} onChange={(e) => s.setHeader(i, name, e.target.value)} />
            <button type="button" aria-label={`Remove header ${i + 1}`} onClick={() => s.removeHeader(i)}>
              ×
            </button>
          </div>
        ))}
        <button type="button" onClick={s.addHeader}>
          Add header
        </button>
      </fieldset>
      <fieldset className="http-body">
        <legend>Body</legend>
        <div role="radiogroup" aria-label="Body as">
          {BODY_KINDS.map((b) => (
            <label key={b.kind} className="inline">
              <input type="radio" name="http-body-kind" checked={s.bodyKind === b.kind} onChange={() => s.setBodyKind(b.kind)} /> {b.label}
            </label>
          ))}
        </div>
        {s.bodyKind === 'file' ? (
          <div>
            <input
              type="file"
              aria-label="Body file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.arrayBuffer().then((buf) => s.setBodyFile({ name: file.name, bytes: new Uint8Array(buf) }));
              }}
            />
            {s.bodyFile && (
              <span className="muted">
                {s.bodyFile.name}, {formatBytes(s.bodyFile.bytes.length)}
              </span>
            )}
          </div>
        ) : (
          <textarea aria-label="Body" className="json-editor" rows={4} spellCheck={false} value={s.bodyText} placeholder={s.bodyKind === 'json' ? '{ "name": "wasm" }' : ''} onChange={(e) => s.setBodyText(e.target.value)} />
        )}
        {noBody && (s.bodyText !== '' || s.bodyFile) && <p className="muted">A {s.method} request usually has no body; it is sent anyway.</p>}
      </fieldset>
      {!checked.ok && <p className="field-error">{checked.message}</p>}
    </section>
  );
}
