/** The "Output" region: the output of the last run by its MIME type, its return values, or what went wrong. */
import { useMemo, useState } from 'react';
import { sniffMime } from '../../output/sniff';
import { writtenFiles } from '../../output/writtenFiles';
import { useModule } from '../../state/moduleStore';
import { useOutput } from '../../state/outputStore';
import { useRun } from '../../state/runStore';
import { formatValue } from '../../wasm/values';
import type { ValType } from '../../wasm/types';
import type { RunResult } from '../../sandbox/api';
import { OutputToolbar } from './OutputToolbar';
import { OutputView } from './OutputView';
import { ResponseHead } from './ResponseHead';
import { formatBytes } from './renderers/types';
import { useOutputDoc } from './useOutputDoc';
import { WrittenFiles } from './WrittenFiles';

/** The result as plain text, one value per line: what Copy and Download give when there are no output bytes. */
export function outputText(result: RunResult): string {
  if (result.status !== 'ok') return result.error?.message ?? result.status;
  return result.values.map(formatValue).join('\n');
}

export function OutputPane() {
  const result = useRun((s) => s.result);
  const running = useRun((s) => s.running);
  const adopted = useRun((s) => s.outputDoc);
  const override = useOutput((s) => s.override);
  const resultTypes = useResultTypes(result?.func);
  const written = useMemo(() => (result?.fsChanges ? writtenFiles(result.fsChanges) : []), [result]);
  // Output bytes count only for a finished run: a failed one shows its error.
  const own = !running && result?.status === 'ok' ? result.output : undefined;
  // One file written and nothing else to show: it is the output (a WAV plays in place).
  const lone = written.length === 1 && result?.status === 'ok' && (!own || own.bytes.length === 0) && result.values.length === 0 ? written[0]!.path : null;
  const [opened, setOpened] = useState<{ runId: number; path: string | null } | null>(null);
  const shownPath = !running && result ? (opened?.runId === result.runId ? opened.path : lone) : null;
  const shownFile = written.find((f) => f.path === shownPath) ?? null;
  const fileOutput = useMemo(() => (shownFile ? { bytes: shownFile.data, mime: sniffMime(shownFile.data) } : undefined), [shownFile]);
  const output = fileOutput ?? own;
  const doc = useOutputDoc(output, fileOutput ? null : adopted);
  const mime = output ? (override ?? output.mime) : '';

  return (
    <section className="output-pane panel" aria-label="Output">
      <header className="panel-header">
        <h3>Output</h3>
        <div className="panel-actions">
          {result && output && doc ? (
            <OutputToolbar output={output} doc={doc} func={result.func} mime={mime} />
          ) : (
            <>
              <button type="button" disabled={!result} onClick={() => result && void navigator.clipboard.writeText(outputText(result))}>
                Copy output
              </button>
              <button type="button" disabled={!result} onClick={() => result && download(outputText(result), `${result.func}-output.txt`)}>
                Download output
              </button>
            </>
          )}
        </div>
      </header>
      <div className="output-body">
        {running && <p className="muted">Running…</p>}
        {!running && result && written.length > 0 && <WrittenFiles files={written} shown={shownPath} onOpen={(path) => setOpened({ runId: result.runId, path })} />}
        {!running && !result && <p className="muted">Pick a function and press Run.</p>}
        {!running && result?.response && <ResponseHead response={result.response} />}
        {!running && result?.status === 'ok' && !output && (
          result.values.length === 0 ? (
            written.length === 0 && <p className="muted">{result.func} returned nothing.</p>
          ) : (
            <ol className="values" aria-label="Return values">
              {result.values.map((v, i) => (
                <li key={i}>
                  <output className="value">{formatValue(v)}</output> <span className="type">{resultTypes[i] ?? ''}</span>
                </li>
              ))}
            </ol>
          )
        )}
        {result && output && doc && (
          output.bytes.length === 0 ? (
            <p className="muted">{result.func} returned an empty output (0 bytes).</p>
          ) : (
            <>
              <p className="output-meta muted">
                {shownFile ? `${shownFile.path} · ` : ''}
                {mime} · {formatBytes(output.bytes.length)}
              </p>
              <OutputView bytes={output.bytes} doc={doc} mime={mime} func={result.func} />
            </>
          )
        )}
        {!running && result && result.status !== 'ok' && (
          <div className={result.status === 'stopped' ? 'stopped-box' : 'error-box'} role="alert" data-code={result.error?.code}>
            <p>{result.error?.message ?? result.status}</p>
          </div>
        )}
      </div>
    </section>
  );
}

function useResultTypes(func: string | undefined): ValType[] {
  const current = useModule((s) => s.current);
  if (!current || current.analysis.format !== 'core' || !func) return [];
  const entry = current.analysis.exports.find((e) => e.name === func);
  return entry?.desc.kind === 'func' ? entry.desc.type.results : [];
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
