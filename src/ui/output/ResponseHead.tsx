/** A wasi:http incoming handler's response line and headers, above its body in the Output pane. */
import type { RunResult } from '../../sandbox/api';

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  418: "I'm a teapot", 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

export function ResponseHead({ response }: { response: NonNullable<RunResult['response']> }) {
  const tone = response.status >= 500 ? 'error' : response.status >= 400 ? 'warn' : 'ok';
  return (
    <div className="response-head" aria-label="Response">
      <p>
        <strong className={`status-code ${tone}`}>
          {response.status} {REASONS[response.status] ?? ''}
        </strong>{' '}
        <span className="muted">({response.body.length} byte{response.body.length === 1 ? '' : 's'})</span>
      </p>
      {response.headers.length > 0 && (
        <dl className="response-headers">
          {response.headers.map(([name, value], i) => (
            <div key={i}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
